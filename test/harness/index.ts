import { ExecuteContext, LoadOptionsContext, PollContext } from 'n8n-core';
import {
	createRunExecutionData,
	deepCopy,
	Workflow,
	type ICredentialDataDecryptedObject,
	type IDataObject,
	type INode,
	type INodeCredentialTestResult,
	type INodeExecutionData,
	type INodeListSearchResult,
	type INodeParameters,
	type INodeType,
	type IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';
import { startHub, type Hub, type HubOptions } from '../hub';
import type { Scope } from '../hub/state';
import { ALL_SCOPES } from '../hub/state';
import { installContainer } from './container';
import { runCredentialTest } from './credentialTest';
import { CredentialStore, HarnessCredentialsHelper } from './credentialsHelper';
import { CredentialTypeRegistry } from './credentialTypes';
import { HarnessNodeTypes } from './nodeTypes';
import { connectOAuth2Credential } from './oauthConnect';
import { runTrigger, type TriggerRun } from './triggerRun';

export type { TriggerRun } from './triggerRun';

export const OAUTH2_CREDENTIAL = 'agenticDeveloperHubOAuth2Api';
export const API_TOKEN_CREDENTIAL = 'agenticDeveloperHubApi';

export interface Harness {
	/** Started by the harness unless passed in. */
	hub: Hub;
	/** The real connect flow; default all scopes, Ada. */
	connectOAuth2(options?: { scopes?: Scope[]; user?: string }): Promise<void>;
	/** Default: Ada's seeded personal token. */
	useApiToken(token?: string): void;
	/** Through n8n-core's ExecuteContext and real request helpers. */
	execute(
		node: INodeType,
		run: {
			parameters: INodeParameters;
			items?: INodeExecutionData[];
			continueOnFail?: boolean;
			nodeName?: string;
			/** The same execution again (default: a new one), e.g. a node running twice in a loop. */
			executionId?: string;
			/** Which run of the node this is in its execution (default 0). */
			runIndex?: number;
		},
	): Promise<INodeExecutionData[][]>;
	/** PollContext; static data persists per nodeName across calls. */
	poll(
		node: INodeType,
		run: { parameters: INodeParameters; mode?: 'trigger' | 'manual'; nodeName?: string },
	): Promise<INodeExecutionData[][] | null>;
	/**
	 * TriggerContext: activates (or, in manual mode, listens with) a trigger node. It starts from the
	 * static data n8n last saved and saves it as n8n does (triggerRun.ts), so a new run after
	 * `close()` is what an n8n restart or a reactivation sees.
	 */
	trigger(
		node: INodeType,
		run: { parameters: INodeParameters; mode?: 'trigger' | 'manual'; nodeName?: string },
	): Promise<TriggerRun>;
	staticData(nodeName?: string): IDataObject;
	listSearch(
		node: INodeType,
		method: string,
		run?: { parameters?: INodeParameters; filter?: string; paginationToken?: string },
	): Promise<INodeListSearchResult>;
	/** What n8n would have persisted. */
	storedCredential(type: string): ICredentialDataDecryptedObject;
	/** Log lines written during runs, for secret scans. */
	logs: string[];
	close(): Promise<void>;

	// Beyond interfaces.md section 6:
	/** Runs a credential type's `test` as n8n's credential test does, with the stored (or given) data. */
	testCredential(type: string, data?: ICredentialDataDecryptedObject): Promise<INodeCredentialTestResult>;
	/** The stored credential with defaults and expressions resolved, as a node receives it. */
	resolvedCredential(type: string): Promise<ICredentialDataDecryptedObject>;
	/** Replaces stored credential data (e.g. a different Base URL or Permissions) before connecting. */
	setCredentialData(type: string, data: ICredentialDataDecryptedObject): void;
	/** How often n8n persisted OAuth token data (connects plus refreshes). */
	oauthTokenWrites(): number;
}

const DEFAULT_NODE_NAME = 'Hub';

/** What n8n hands every execution context: our credentials helper and the instance's URLs. */
export function harnessAdditionalData(
	credentialsHelper: HarnessCredentialsHelper,
	executionId: string,
): IWorkflowExecuteAdditionalData {
	return {
		credentialsHelper,
		executionId,
		restApiUrl: 'http://localhost:5678/rest',
		instanceBaseUrl: 'http://localhost:5678/',
		webhookBaseUrl: 'http://localhost:5678/webhook',
		webhookWaitingBaseUrl: 'http://localhost:5678/webhook-waiting',
		webhookTestBaseUrl: 'http://localhost:5678/webhook-test',
		formWaitingBaseUrl: 'http://localhost:5678/form-waiting',
		variables: {},
		userId: 'harness-user',
	} as unknown as IWorkflowExecuteAdditionalData;
}

/** Execution ids are unique per process, as in one n8n instance (nodes may remember an execution). */
let executions = 0;

export async function createHarness(options: { hub?: Hub; hubOptions?: HubOptions } = {}): Promise<Harness> {
	const hub = options.hub ?? (await startHub(options.hubOptions));
	const ownsHub = !options.hub;
	const logs: string[] = [];
	const uninstall = installContainer(logs);
	const credentialTypes = new CredentialTypeRegistry();
	const store = new CredentialStore();
	const credentialsHelper = new HarnessCredentialsHelper(credentialTypes, store);
	const workflowStaticData: IDataObject = {};

	const additionalData = (executionId?: string): IWorkflowExecuteAdditionalData =>
		harnessAdditionalData(credentialsHelper, executionId ?? `harness-${++executions}`);

	function buildNode(nodeType: INodeType, parameters: INodeParameters, name: string, continueOnFail = false): INode {
		const { version } = nodeType.description;
		const credentials: INode['credentials'] = {};
		for (const type of [OAUTH2_CREDENTIAL, API_TOKEN_CREDENTIAL]) {
			const stored = store.ofType(type);
			if (stored) credentials[type] = { id: stored.id, name: stored.name };
		}
		return {
			id: `node-${name}`,
			name,
			type: nodeType.description.name,
			typeVersion: Array.isArray(version) ? version[version.length - 1] : version,
			position: [0, 0],
			parameters: deepCopy(parameters),
			credentials,
			...(continueOnFail ? { onError: 'continueRegularOutput' as const } : {}),
		};
	}

	function buildWorkflow(nodeType: INodeType, node: INode, staticData = workflowStaticData): Workflow {
		const nodeTypes = new HarnessNodeTypes();
		nodeTypes.register(nodeType);
		return new Workflow({
			id: 'harness-workflow',
			name: 'Harness',
			nodes: [node],
			connections: {},
			active: false,
			nodeTypes,
			staticData,
		});
	}

	/** Keeps what the run wrote to static data, whether or not the workflow copied it. */
	function keepStaticData(workflow: Workflow): void {
		Object.assign(workflowStaticData, deepCopy(workflow.staticData as IDataObject));
	}

	const harness: Harness = {
		hub,
		logs,

		async connectOAuth2({ scopes = ALL_SCOPES, user = 'ada@example.com' } = {}) {
			const info = hub.info();
			const account = info.users.find((candidate) => candidate.email === user || candidate.id === user);
			if (!account) throw new Error(`No seeded user ${user}`);
			const client = info.clients[0];
			const existing = store.ofType(OAUTH2_CREDENTIAL)?.data ?? {};
			// A fresh connection to this Hub's default app; other stored fields are kept.
			const { oauthTokenData: _previousTokens, ...kept } = existing;
			const stored = store.put(OAUTH2_CREDENTIAL, {
				...kept,
				baseUrl: hub.url,
				clientId: client.clientId,
				clientSecret: client.clientSecret,
				permissions: scopes,
			});
			await connectOAuth2Credential(credentialsHelper, additionalData(), stored, account);
		},

		useApiToken(token) {
			store.put(API_TOKEN_CREDENTIAL, { baseUrl: hub.url, apiToken: token ?? hub.info().users[0].apiToken });
		},

		async execute(nodeType, run) {
			const name = run.nodeName ?? DEFAULT_NODE_NAME;
			const node = buildNode(nodeType, run.parameters, name, run.continueOnFail);
			const workflow = buildWorkflow(nodeType, node);
			const items = run.items ?? [{ json: {} }];
			const context = new ExecuteContext(
				workflow,
				workflow.getNode(name)!,
				additionalData(run.executionId),
				'manual',
				createRunExecutionData(),
				run.runIndex ?? 0,
				items,
				{ main: [items] },
				{ node, data: { main: [items] }, source: null },
				[],
			);
			if (!nodeType.execute) throw new Error(`${nodeType.description.name} has no execute()`);
			try {
				return (await nodeType.execute.call(context)) as INodeExecutionData[][];
			} finally {
				keepStaticData(workflow);
			}
		},

		async poll(nodeType, run) {
			const name = run.nodeName ?? DEFAULT_NODE_NAME;
			const node = buildNode(nodeType, run.parameters, name);
			const workflow = buildWorkflow(nodeType, node);
			const mode = run.mode ?? 'trigger';
			const context = new PollContext(
				workflow,
				workflow.getNode(name)!,
				additionalData(),
				mode,
				mode === 'manual' ? 'manual' : 'activate',
			);
			if (!nodeType.poll) throw new Error(`${nodeType.description.name} has no poll()`);
			try {
				return await nodeType.poll.call(context);
			} finally {
				keepStaticData(workflow);
			}
		},

		async trigger(nodeType, run) {
			const name = run.nodeName ?? DEFAULT_NODE_NAME;
			const node = buildNode(nodeType, run.parameters, name);
			const workflow = buildWorkflow(nodeType, node, deepCopy(workflowStaticData));
			return await runTrigger({
				nodeType,
				workflow,
				node: workflow.getNode(name)!,
				additionalData: additionalData(),
				mode: run.mode ?? 'trigger',
				saveStaticData: keepStaticData,
			});
		},

		staticData(nodeName = DEFAULT_NODE_NAME) {
			return (workflowStaticData[`node:${nodeName}`] as IDataObject | undefined) ?? {};
		},

		async listSearch(nodeType, method, run = {}) {
			const node = buildNode(nodeType, run.parameters ?? {}, DEFAULT_NODE_NAME);
			const workflow = buildWorkflow(nodeType, node);
			const data = additionalData();
			data.currentNodeParameters = workflow.getNode(DEFAULT_NODE_NAME)!.parameters;
			const context = new LoadOptionsContext(workflow, workflow.getNode(DEFAULT_NODE_NAME)!, data, '');
			const search = nodeType.methods?.listSearch?.[method];
			if (!search) throw new Error(`${nodeType.description.name} has no listSearch method ${method}`);
			return await search.call(context, run.filter, run.paginationToken);
		},

		storedCredential(type) {
			const stored = store.ofType(type);
			if (!stored) throw new Error(`No ${type} credential is stored`);
			return deepCopy(stored.data);
		},

		async close() {
			uninstall();
			if (ownsHub) await hub.close();
		},

		async testCredential(type, data) {
			const stored = store.ofType(type);
			const payload = data ?? stored?.data;
			if (!payload) throw new Error(`No ${type} credential is stored`);
			return await runCredentialTest(credentialTypes, credentialsHelper, additionalData(), type, {
				id: stored?.id ?? `cred-${type}`,
				name: stored?.name ?? type,
				data: payload,
			});
		},

		async resolvedCredential(type) {
			const stored = store.ofType(type);
			if (!stored) throw new Error(`No ${type} credential is stored`);
			return await credentialsHelper.applyDefaults(additionalData(), deepCopy(stored.data), type, 'internal');
		},

		setCredentialData(type, data) {
			store.put(type, data);
		},

		oauthTokenWrites() {
			return store.oauthTokenWrites;
		},
	};
	return harness;
}

/** The major version of the n8n-core this jest project runs on (1 on the n8n 1.x line). */
export function n8nCoreMajor(): number {
	const entry = require.resolve('n8n-core');
	const folder = entry.slice(0, entry.lastIndexOf('/node_modules/n8n-core/') + '/node_modules/n8n-core/'.length);
	return Number((require(`${folder}package.json`) as { version: string }).version.split('.')[0]);
}
