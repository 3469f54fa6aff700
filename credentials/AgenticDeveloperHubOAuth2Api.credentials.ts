import type { Icon, ICredentialType, INodeProperties } from 'n8n-workflow';
import { baseUrlProperty, insecureBaseUrlNotice, secureBaseUrlExpression } from './baseUrl';

const secureBaseUrl = secureBaseUrlExpression('$self["baseUrl"]');

/** Least privilege: read the profile and discussions, change nothing. */
const DEFAULT_PERMISSIONS = ['profile:read', 'discussions:read'];

export class AgenticDeveloperHubOAuth2Api implements ICredentialType {
	name = 'agenticDeveloperHubOAuth2Api';

	extends = ['oAuth2Api'];

	displayName = 'Agentic Developer Hub OAuth2 API';

	icon: Icon = {
		light: 'file:agenticDeveloperHub.svg',
		dark: 'file:agenticDeveloperHub.dark.svg',
	};

	documentationUrl = 'https://github.com/agentic-developer-hub/n8n-nodes-agentic-developer-hub#credentials';

	properties: INodeProperties[] = [
		{
			displayName:
				'In the Hub, register an app whose redirect URI is exactly the OAuth Redirect URL shown above (for example https://n8n.example.com/rest/oauth2-credential/callback), then paste its Client ID and Client Secret here',
			name: 'redirectNotice',
			type: 'notice',
			default: '',
		},
		baseUrlProperty,
		insecureBaseUrlNotice,
		{
			displayName: 'Client ID',
			name: 'clientId',
			type: 'string',
			default: '',
			required: true,
			description: 'The Client ID of the app you registered in the Hub',
		},
		{
			displayName: 'Client Secret',
			name: 'clientSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'The Client Secret of the app you registered in the Hub',
		},
		{
			displayName: 'Permissions',
			name: 'permissions',
			type: 'multiOptions',
			default: DEFAULT_PERMISSIONS,
			required: true,
			description:
				'What n8n may do on your behalf. Grant only what your workflows need (none ticked means Profile: Read and Discussions: Read); after changing this, reconnect the credential.',
			options: [
				{
					name: 'Profile: Read',
					value: 'profile:read',
					description: 'Read your profile',
				},
				{
					name: 'Discussions: Read',
					value: 'discussions:read',
					description: 'Read topics, posts, reactions, direct messages and notifications',
				},
				{
					name: 'Discussions: Write',
					value: 'discussions:write',
					description:
						'Create and edit topics and posts, react, send direct messages, change notification state',
				},
				{
					name: 'Integrations: Manage',
					value: 'integrations:manage',
					description: 'List, connect, disconnect, sync and act through third-party integrations',
				},
			],
		},
		{
			displayName: 'Grant Type',
			name: 'grantType',
			type: 'hidden',
			default: 'pkce',
		},
		{
			displayName: 'Authorization URL',
			name: 'authUrl',
			type: 'hidden',
			default: `={{ ${secureBaseUrl} + "/api/oauth/signin/start" }}`,
			required: true,
		},
		{
			displayName: 'Access Token URL',
			name: 'accessTokenUrl',
			type: 'hidden',
			default: `={{ ${secureBaseUrl} + "/api/oauth/signin/exchange" }}`,
			required: true,
		},
		{
			// n8n ignores an editable scope on package credentials, so the scope follows Permissions.
			// The n8n 2.41 editor shows and saves Permissions empty instead of its default: an empty
			// list means the least-privilege default, never a sign-in the Hub refuses (invalid_scope).
			displayName: 'Scope',
			name: 'scope',
			type: 'hidden',
			default: `={{ [].concat($self["permissions"] || []).join(" ") || "${DEFAULT_PERMISSIONS.join(' ')}" }}`,
		},
		{
			displayName: 'Auth URI Query Parameters',
			name: 'authQueryParameters',
			type: 'hidden',
			default: '',
		},
		{
			displayName: 'Authentication',
			name: 'authentication',
			type: 'hidden',
			default: 'body',
		},
	];
}
