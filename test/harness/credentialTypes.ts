import { NodeHelpers, type ICredentialType, type INodeProperties } from 'n8n-workflow';
import { AgenticDeveloperHubApi } from '../../credentials/AgenticDeveloperHubApi.credentials';
import { AgenticDeveloperHubOAuth2Api } from '../../credentials/AgenticDeveloperHubOAuth2Api.credentials';
import { OAuth2ApiParent } from './oauth2ApiParent';

/** The credential types n8n would have loaded: ours plus the generic parent they extend. */
export class CredentialTypeRegistry {
	private readonly types = new Map<string, ICredentialType>();

	constructor(types: ICredentialType[] = [new OAuth2ApiParent(), new AgenticDeveloperHubOAuth2Api(), new AgenticDeveloperHubApi()]) {
		for (const type of types) this.types.set(type.name, type);
	}

	getByName(name: string): ICredentialType {
		const type = this.types.get(name);
		if (!type) throw new Error(`Unknown credential type "${name}"`);
		return type;
	}

	/** Every ancestor through `extends`, nearest first (as n8n's CredentialTypes.getParentTypes). */
	getParentTypes(name: string): string[] {
		const parents = this.getByName(name).extends ?? [];
		return parents.flatMap((parent) => [parent, ...this.getParentTypes(parent)]);
	}

	/**
	 * The merged properties, as CredentialsHelper.getCredentialsProperties: parents first (without
	 * their `doNotInherit` fields), then the type's own, which win by name.
	 */
	getProperties(name: string, inherited = false): INodeProperties[] {
		const type = this.getByName(name);
		const own = inherited ? type.properties.filter((property) => !property.doNotInherit) : type.properties;
		if (!type.extends) {
			if (name !== 'oAuth2Api') return own;
			return [...own, { displayName: 'oauthTokenData', name: 'oauthTokenData', type: 'json', required: false, default: {} }];
		}
		const combined: INodeProperties[] = [];
		for (const parent of type.extends) NodeHelpers.mergeNodeProperties(combined, this.getProperties(parent, true));
		NodeHelpers.mergeNodeProperties(combined, own);
		return combined;
	}
}
