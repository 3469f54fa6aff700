import type { Provider } from './state';

/** The integration providers the sandbox offers: one or more of each auth method. */
export const PROVIDERS: Provider[] = [
	{
		providerId: 'google-workspace',
		displayName: 'Google Workspace',
		description: 'Gmail and Google Calendar. Connected through Google sign-in in the Hub.',
		authMethod: 'oauth',
		serviceTypes: ['email', 'calendar'],
		capabilities: ['send'],
	},
	{
		providerId: 'mailgun',
		displayName: 'Mailgun',
		description: 'Transactional email through your Mailgun domain.',
		authMethod: 'api_key',
		serviceTypes: ['email'],
		capabilities: ['send'],
		configFields: [
			{ key: 'domain', label: 'Sending domain', type: 'string', required: true, secret: false },
			{ key: 'apiKey', label: 'API key', type: 'password', required: true, secret: true },
			{ key: 'region', label: 'Region (us or eu)', type: 'string', required: false, secret: false },
		],
	},
	{
		providerId: 'twilio',
		displayName: 'Twilio',
		description: 'SMS from your Twilio phone number.',
		authMethod: 'api_key',
		serviceTypes: ['sms'],
		capabilities: ['sms'],
		configFields: [
			{ key: 'accountSid', label: 'Account SID', type: 'string', required: true, secret: false },
			{ key: 'authToken', label: 'Auth token', type: 'password', required: true, secret: true },
			{ key: 'fromNumber', label: 'From number (E.164)', type: 'string', required: true, secret: false },
		],
	},
	{
		providerId: 'bluesky',
		displayName: 'Bluesky',
		description: 'Post to Bluesky with your handle and an app password.',
		authMethod: 'app_password',
		serviceTypes: ['social'],
		capabilities: ['post'],
	},
	{
		providerId: 'fastmail',
		displayName: 'Fastmail',
		description: 'Send email from your Fastmail address with an app password.',
		authMethod: 'app_password',
		serviceTypes: ['email'],
		capabilities: ['send'],
	},
];

export const ECOSYSTEMS = [
	{ slug: 'personal', name: 'Personal', isDefault: true },
	{ slug: 'agentic-builders-team', name: 'Agentic Builders team', isDefault: false },
];
