import type {
	Icon,
	ICredentialDataDecryptedObject,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';
import { baseUrlProperty, insecureBaseUrlNotice } from './baseUrl';

/*
 * The credential's test is the nodes' `testedBy` method (methods/credentialTest.ts), the same on
 * both n8n lines: n8n 1.x ignores a declarative test's rules, so it could not say why a redirect
 * failed. It sends the token to the Base URL's host only, and follows no redirect.
 */
export class AgenticDeveloperHubApi implements ICredentialType {
	name = 'agenticDeveloperHubApi';

	displayName = 'Agentic Developer Hub API';

	icon: Icon = {
		light: 'file:agenticDeveloperHub.svg',
		dark: 'file:agenticDeveloperHub.dark.svg',
	};

	documentationUrl = 'https://github.com/agentic-developer-hub/n8n-nodes-agentic-developer-hub#credentials';

	properties: INodeProperties[] = [
		baseUrlProperty,
		insecureBaseUrlNotice,
		{
			displayName: 'Personal API Token',
			name: 'apiToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			placeholder: 'adh_pat_...',
			description:
				'A personal API token from your Hub account settings. It acts as you with all of your permissions.',
		},
	];

	/**
	 * A function, not a declarative `{{$credentials.apiToken}}` block: n8n evaluates a declarative one
	 * as an expression on every request (in n8n's expression VM on both lines: the dearest part of a
	 * request after the network), and n8n 1.123 cannot evaluate it at all in an activated trigger
	 * after activation ("No bridge acquired for this context"). n8n calls this for every request it
	 * signs with the credential (the node's, the HTTP Request node's, the credential test).
	 */
	async authenticate(credentials: ICredentialDataDecryptedObject, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
		return { ...requestOptions, headers: { ...requestOptions.headers, Authorization: `Bearer ${String(credentials.apiToken ?? '')}` } };
	}
}
