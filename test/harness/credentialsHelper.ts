import { getAdditionalKeys } from 'n8n-core';
import {
	deepCopy,
	ICredentials,
	ICredentialsHelper,
	isExpression,
	NodeHelpers,
	Workflow,
	type ICredentialDataDecryptedObject,
	type ICredentialsEncrypted,
	type ICredentialsExpressionResolveValues,
	type IExecuteData,
	type IHttpRequestHelper,
	type IHttpRequestOptions,
	type INode,
	type INodeCredentialsDetails,
	type INodeParameters,
	type INodeProperties,
	type IRequestOptionsSimplified,
	type IWorkflowExecuteAdditionalData,
	type WorkflowExecuteMode,
} from 'n8n-workflow';
import type { CredentialTypeRegistry } from './credentialTypes';
import { mockNodeTypes } from './nodeTypes';

export interface StoredCredential {
	id: string;
	name: string;
	type: string;
	data: ICredentialDataDecryptedObject;
}

/** What n8n's database would hold: one decrypted data object per credential id. */
export class CredentialStore {
	private readonly byId = new Map<string, StoredCredential>();
	/** How often n8n persisted new OAuth token data (one per refresh, plus the connect). */
	oauthTokenWrites = 0;

	put(type: string, data: ICredentialDataDecryptedObject, name = type): StoredCredential {
		const existing = this.ofType(type);
		const stored = { id: existing?.id ?? `cred-${type}`, name: existing?.name ?? name, type, data: deepCopy(data) };
		this.byId.set(stored.id, stored);
		return stored;
	}

	ofType(type: string): StoredCredential | undefined {
		return [...this.byId.values()].find((credential) => credential.type === type);
	}

	get(details: INodeCredentialsDetails, type: string): StoredCredential {
		const stored = details.id ? this.byId.get(details.id) : undefined;
		if (!stored || stored.type !== type) throw new Error(`Credential ${details.id ?? details.name} of type ${type} not found`);
		return stored;
	}

	all(): StoredCredential[] {
		return [...this.byId.values()];
	}
}

class StoredCredentials extends ICredentials {
	constructor(private readonly stored: StoredCredential) {
		super({ id: stored.id, name: stored.name }, stored.type);
	}
	async getData(): Promise<ICredentialDataDecryptedObject> {
		return deepCopy(this.stored.data);
	}
	getDataToSave(): ICredentialsEncrypted {
		return { id: this.stored.id, name: this.stored.name, type: this.stored.type, data: JSON.stringify(this.stored.data) };
	}
	async setData(data: ICredentialDataDecryptedObject): Promise<void> {
		this.stored.data = deepCopy(data);
	}
	async updateData(toUpdate: ICredentialDataDecryptedObject, toDelete: string[] = []): Promise<void> {
		const next = { ...this.stored.data, ...deepCopy(toUpdate) };
		for (const key of toDelete) delete next[key];
		this.stored.data = next;
	}
}

/** n8n's OAUTH_PINNED_FIELDS (packages/cli/src/oauth/dcr-managed-fields.ts), for OAuth2. */
const OAUTH_PINNED_FIELDS = ['authUrl', 'accessTokenUrl', 'grantType', 'authentication'];

const mockNode: INode = { id: 'mock', name: '', typeVersion: 1, type: 'mock', position: [0, 0], parameters: {} };

/**
 * n8n's CredentialsHelper (packages/cli/src/credentials-helper.ts) over the in-memory store:
 * hidden fields come from the type's defaults, expressions (`$self`, `$credentials`) resolve
 * through n8n-workflow's own expression engine, and refreshed OAuth token data is persisted.
 */
export class HarnessCredentialsHelper extends ICredentialsHelper {
	constructor(
		private readonly types: CredentialTypeRegistry,
		readonly store: CredentialStore,
	) {
		super();
	}

	getParentTypes(name: string): string[] {
		return this.types.getParentTypes(name);
	}

	isCredentialUsableByNode(): boolean {
		return true;
	}

	getCredentialsProperties(type: string): INodeProperties[] {
		return this.types.getProperties(type);
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		requestOptions: IHttpRequestOptions | IRequestOptionsSimplified,
		workflow?: Workflow,
		node?: INode,
	): Promise<IHttpRequestOptions> {
		const { authenticate } = this.types.getByName(typeName);
		if (typeof authenticate === 'function') return await authenticate(credentials, requestOptions as IHttpRequestOptions);
		if (authenticate?.type === 'generic') {
			if (!workflow || !node) throw new Error('Workflow and node are required for declarative credential authentication');
			const target = requestOptions as unknown as Record<string, Record<string, string>>;
			for (const [outerKey, entries] of Object.entries(authenticate.properties)) {
				for (const [key, value] of Object.entries(entries as Record<string, string>)) {
					target[outerKey] ??= {};
					target[outerKey][this.resolve(key, credentials, workflow, node)] = this.resolve(value, credentials, workflow, node);
				}
			}
		}
		return requestOptions as IHttpRequestOptions;
	}

	private resolve(value: string, credentials: ICredentialDataDecryptedObject, workflow: Workflow, node: INode): string {
		if (!isExpression(value)) return value;
		const resolved = workflow.expression.getSimpleParameterValue(node, value, 'internal', { $credentials: credentials }, undefined, '');
		return resolved ? String(resolved) : '';
	}

	async preAuthentication(
		_helpers: IHttpRequestHelper,
		_credentials: ICredentialDataDecryptedObject,
		typeName: string,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		// Only credentials with an `expirable` hidden field pre-authenticate; ours have none.
		const type = this.types.getByName(typeName);
		if (!type.properties.some((property) => property.typeOptions?.expirable === true)) return undefined;
		throw new Error('preAuthentication is not supported by the harness');
	}

	async runPreAuthentication(
		_helpers: IHttpRequestHelper,
		_credentials: ICredentialDataDecryptedObject,
		typeName: string,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		if (typeof this.types.getByName(typeName).preAuthentication !== 'function') return undefined;
		throw new Error('preAuthentication is not supported by the harness');
	}

	async getCredentials(details: INodeCredentialsDetails, type: string): Promise<ICredentials> {
		return new StoredCredentials(this.store.get(details, type));
	}

	async getDecrypted(
		additionalData: IWorkflowExecuteAdditionalData,
		details: INodeCredentialsDetails,
		type: string,
		mode: WorkflowExecuteMode,
		executeData?: IExecuteData,
		raw?: boolean,
		expressionResolveValues?: ICredentialsExpressionResolveValues,
	): Promise<ICredentialDataDecryptedObject> {
		const data = deepCopy(this.store.get(details, type).data);
		if (raw === true) return data;
		return await this.applyDefaults(additionalData, data, type, mode, executeData, expressionResolveValues);
	}

	/** CredentialsHelper.applyDefaultsAndOverwrites without overwrites (none are configured here). */
	async applyDefaults(
		additionalData: IWorkflowExecuteAdditionalData,
		original: ICredentialDataDecryptedObject,
		type: string,
		mode: WorkflowExecuteMode,
		executeData?: IExecuteData,
		expressionResolveValues?: ICredentialsExpressionResolveValues,
	): Promise<ICredentialDataDecryptedObject> {
		const properties = this.getCredentialsProperties(type);
		// The type owns its hidden OAuth endpoint/flow fields: stored values are dropped so that its defaults apply.
		const stored = { ...original };
		for (const property of properties) {
			if (property.type === 'hidden' && OAUTH_PINNED_FIELDS.includes(property.name)) delete stored[property.name];
		}
		let data = NodeHelpers.getNodeParameters(properties, stored as INodeParameters, true, false, null, null) as ICredentialDataDecryptedObject;
		if (original.oauthTokenData !== undefined) data.oauthTokenData = original.oauthTokenData;
		const additionalKeys = getAdditionalKeys(additionalData, mode, null, { isCredential: true });
		if (expressionResolveValues) {
			data = expressionResolveValues.workflow.expression.getParameterValue(
				data as INodeParameters,
				expressionResolveValues.runExecutionData,
				expressionResolveValues.runIndex,
				expressionResolveValues.itemIndex,
				expressionResolveValues.node.name,
				expressionResolveValues.connectionInputData,
				mode,
				additionalKeys,
				executeData,
				false,
				data,
			) as ICredentialDataDecryptedObject;
		} else {
			const workflow = new Workflow({ nodes: [mockNode], connections: {}, active: false, nodeTypes: mockNodeTypes });
			data = workflow.expression.getComplexParameterValue(
				mockNode,
				data as INodeParameters,
				mode,
				additionalKeys,
				undefined,
				undefined,
				data,
			) as ICredentialDataDecryptedObject;
		}
		return data;
	}

	async updateCredentials(details: INodeCredentialsDetails, type: string, data: ICredentialDataDecryptedObject): Promise<void> {
		this.store.get(details, type).data = deepCopy(data);
	}

	/** As n8n: only `oauthTokenData` of the stored credential changes. */
	async updateCredentialsOauthTokenData(
		details: INodeCredentialsDetails,
		type: string,
		data: ICredentialDataDecryptedObject,
	): Promise<void> {
		const stored = this.store.get(details, type);
		stored.data = { ...stored.data, oauthTokenData: deepCopy(data.oauthTokenData) };
		this.store.oauthTokenWrites += 1;
	}
}
