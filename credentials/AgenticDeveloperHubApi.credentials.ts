import type {
	Icon,
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';
import { baseUrlProperty, insecureBaseUrlNotice, secureBaseUrlExpression } from './baseUrl';

/** The Hub's API never redirects; a redirect could lead anywhere, so the test reports it as such. */
const REDIRECT_STATUSES = [301, 302, 303, 307, 308];

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

	test: ICredentialTestRequest = {
		request: {
			// An insecure Base URL resolves to a refusal, not a URL: the token is never sent there.
			baseURL: `={{ ${secureBaseUrlExpression('$credentials.baseUrl')} }}`,
			url: '/api/auth/me',
			method: 'GET',
			// The token is for the Hub only, as in the node's transport: a redirect (the Hub's API never
			// sends one) is refused, so the token never follows it to another host.
			disableFollowRedirect: true,
		},
		rules: [
			...REDIRECT_STATUSES.map((value) => ({
				type: 'responseCode' as const,
				properties: {
					value,
					message: `The Base URL answered with a redirect (HTTP ${value}), which is refused so that the token is never sent to another address. Set the Base URL to the Hub API's own address (without /api), for example https://api.agenticdeveloperhub.com.`,
				},
			})),
			{
				type: 'responseCode',
				properties: {
					value: 401,
					message:
						'The Hub did not accept this token. Check that you copied the whole personal API token (it starts with adh_pat_), that it has not expired or been revoked, and that the Base URL points to your Hub.',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 404,
					message:
						'The Hub API was not found at this Base URL. Check the Base URL: it is the address of the Hub API without /api, for example https://api.agenticdeveloperhub.com.',
				},
			},
		],
	};
}
