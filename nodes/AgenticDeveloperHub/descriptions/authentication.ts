import type { INodeCredentialDescription, INodeProperties } from 'n8n-workflow';

/** Shared by the action node and the trigger (interfaces.md section 4); the transport reads it. */
export const authenticationProperty: INodeProperties = {
	displayName: 'Authentication',
	name: 'authentication',
	type: 'options',
	options: [
		{
			name: 'OAuth2',
			value: 'oAuth2',
			description: 'Sign in with your Hub account; tokens are refreshed automatically',
		},
		{
			name: 'Personal API Token',
			value: 'apiToken',
			description: 'A personal token from your Hub settings, for server-to-server use',
		},
	],
	default: 'oAuth2',
};

/**
 * Both credentials as every node lists them; each node writes the list out (n8n's lint reads
 * `testedBy` there, and fails on anything but literals), and tests check it equals this one. Every
 * node offers the test method: n8n takes it from the first node that lists the credential.
 */
export const credentialDescriptions: INodeCredentialDescription[] = [
	{ name: 'agenticDeveloperHubOAuth2Api', required: true, displayOptions: { show: { authentication: ['oAuth2'] } } },
	{ name: 'agenticDeveloperHubApi', required: true, testedBy: 'agenticDeveloperHubApiTest', displayOptions: { show: { authentication: ['apiToken'] } } },
];
