import type { Ecosystem, Provider } from './state';

const MINUTE = 60_000;

/**
 * The integration providers the sandbox offers, in the published `IntegrationProvider` shape: each
 * auth method the connect route takes, and between them every action type of `IntegrationActionRequest`.
 */
export const PROVIDERS: Provider[] = [
	{
		providerId: 'google-workspace',
		displayName: 'Google Workspace',
		subtitle: 'Gmail and Calendar',
		description: 'Gmail and Google Calendar. Connected through Google sign-in in the Hub.',
		authMethod: 'oauth',
		serviceTypes: ['email', 'calendar'],
		capabilities: ['send'],
		defaultPollIntervalMs: 5 * MINUTE,
		links: [{ label: 'Google Workspace', url: 'https://workspace.google.com' }],
	},
	{
		providerId: 'mailgun',
		displayName: 'Mailgun',
		subtitle: 'Transactional email',
		description: 'Transactional email through your Mailgun domain.',
		authMethod: 'api_key',
		serviceTypes: ['email'],
		capabilities: ['send'],
		defaultPollIntervalMs: 15 * MINUTE,
		configFields: [
			{ key: 'domain', label: 'Sending domain', required: true, secret: false, placeholder: 'mg.example.com' },
			{ key: 'apiKey', label: 'API key', required: true, secret: true },
			{ key: 'region', label: 'Region (us or eu)', required: false, secret: false, placeholder: 'us' },
		],
		links: [{ label: 'API keys', url: 'https://app.mailgun.com/settings/api_security' }],
	},
	{
		providerId: 'twilio',
		displayName: 'Twilio',
		subtitle: 'SMS',
		description: 'SMS from your Twilio phone number.',
		authMethod: 'api_key',
		serviceTypes: ['sms'],
		capabilities: ['sms'],
		defaultPollIntervalMs: 15 * MINUTE,
		configFields: [
			{ key: 'accountSid', label: 'Account SID', required: true, secret: false, placeholder: 'AC...' },
			{ key: 'authToken', label: 'Auth token', required: true, secret: true },
			{ key: 'fromNumber', label: 'From number (E.164)', required: true, secret: false, placeholder: '+14155550100' },
		],
		links: [{ label: 'Console', url: 'https://console.twilio.com' }],
	},
	{
		providerId: 'bluesky',
		displayName: 'Bluesky',
		subtitle: 'Social posts',
		description: 'Post to Bluesky with your handle and an app password.',
		authMethod: 'app_password',
		serviceTypes: ['social'],
		capabilities: ['post', 'comment'],
		defaultPollIntervalMs: 10 * MINUTE,
		links: [{ label: 'App passwords', url: 'https://bsky.app/settings/app-passwords' }],
	},
	{
		providerId: 'fastmail',
		displayName: 'Fastmail',
		subtitle: 'Email',
		description: 'Send email from your Fastmail address with an app password.',
		authMethod: 'app_password',
		serviceTypes: ['email'],
		capabilities: ['send'],
		defaultPollIntervalMs: 10 * MINUTE,
		links: [{ label: 'App passwords', url: 'https://app.fastmail.com/settings/security/apps' }],
	},
	{
		providerId: 'reddit',
		displayName: 'Reddit',
		subtitle: 'Submissions and comments',
		description: 'Submit to subreddits and comment with your Reddit account and an app password.',
		authMethod: 'app_password',
		serviceTypes: ['social'],
		capabilities: ['submit', 'comment'],
		defaultPollIntervalMs: 10 * MINUTE,
		links: [{ label: 'Apps', url: 'https://www.reddit.com/prefs/apps' }],
	},
	{
		providerId: 'mailchimp',
		displayName: 'Mailchimp',
		subtitle: 'Audiences and campaigns',
		description: 'Manage audience members and send campaigns through your Mailchimp account.',
		authMethod: 'api_key',
		serviceTypes: ['newsletter'],
		capabilities: ['subscribe', 'unsubscribe', 'broadcast', 'broadcast_send'],
		defaultPollIntervalMs: 30 * MINUTE,
		configFields: [
			{ key: 'account', label: 'Account name', required: true, secret: false },
			{ key: 'apiKey', label: 'API key', required: true, secret: true },
		],
		links: [{ label: 'API keys', url: 'https://admin.mailchimp.com/account/api/' }],
	},
	{
		providerId: 'github',
		displayName: 'GitHub',
		subtitle: 'Issues and pull requests',
		description: 'Comment on the issues and pull requests of the repositories you install the Hub\'s GitHub App on.',
		authMethod: 'github_app',
		serviceTypes: ['code'],
		capabilities: ['comment'],
		defaultPollIntervalMs: 5 * MINUTE,
		links: [{ label: 'Installed apps', url: 'https://github.com/settings/installations' }],
	},
];

/** The seeded ecosystems (the first is the default), with what the published type requires. */
export function seedEcosystems(newId: () => string, ownerId: string, at: string): Ecosystem[] {
	const ecosystem = (slug: string, name: string, isDefault: boolean, description: string): Ecosystem => ({
		id: newId(),
		ownerId,
		slug,
		name,
		description,
		region: 'eu-west-1',
		dedicatedDbConnectionId: null,
		primaryDomain: `${slug}.agenticdeveloperhub.com`,
		createdAt: at,
		updatedAt: at,
		isDeleted: false,
		isDefault,
		isInfrastructure: false,
		namespaceId: null,
		parentId: null,
		archivedAt: null,
	});
	return [
		ecosystem('personal', 'Personal', true, 'Your own integrations and communities.'),
		ecosystem('agentic-builders-team', 'Agentic Builders team', false, 'The team workspace of the Agentic Builders.'),
	];
}
