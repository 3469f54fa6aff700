import { updateDisplayOptions, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';
import { ecosystemLocator } from '../../descriptions/locators';
import { hubRequest } from '../../helpers/api';
import { ecosystemIdOrDefault } from '../../helpers/ecosystem';
import { invalidInput, requireHubId } from '../../helpers/validation';
import { providerProperty } from './shared';

const properties: INodeProperties[] = [
	{
		// getProviders lists the providers of this auth method: here the OAuth ones.
		displayName: 'Connection Type',
		name: 'connectionType',
		type: 'hidden',
		default: 'oauth',
		description: 'Which providers the Provider list shows: those that sign in with OAuth',
	},
	providerProperty('The OAuth provider to connect, e.g. "google-workspace"'),
	ecosystemLocator({
		required: false,
		description: 'The ecosystem the new connection will belong to. Leave empty for your default ecosystem.',
	}),
	{
		displayName: 'Redirect URI',
		name: 'redirectUri',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. https://example.com/connected',
		description: 'Where the provider sends the browser back after the user approves (https, or http on localhost)',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{ displayName: 'Scopes', name: 'scopes', type: 'string', default: '', description: 'The provider scopes to ask for, separated by spaces (the provider\'s defaults when empty)' },
			{ displayName: 'Service Type', name: 'serviceType', type: 'string', default: '', placeholder: 'e.g. email', description: 'What the connection is for, one of the provider\'s service types' },
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['integration'], operation: ['getAuthUrl'] } }, properties);

function requireRedirectUri(context: IExecuteFunctions, value: unknown, itemIndex: number): string {
	const text = String(value ?? '').trim();
	let url: URL | undefined;
	try {
		url = new URL(text);
	} catch {
		url = undefined;
	}
	if (!url || !['https:', 'http:'].includes(url.protocol)) {
		throw invalidInput(context, 'Redirect URI', `must be an http(s) URL (got "${text.slice(0, 60)}")`, itemIndex, 'The provider sends the browser back to this address');
	}
	return text;
}

/**
 * `GET /integrations/providers/{providerId}/auth-url`: `{ url, state }`. Opening `url` in a browser
 * starts the provider's sign-in; the Hub finishes the connection when the browser comes back.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const providerId = requireHubId(this, this.getNodeParameter('providerId', itemIndex), 'Provider', itemIndex, 'slug');
	const redirectUri = requireRedirectUri(this, this.getNodeParameter('redirectUri', itemIndex), itemIndex);
	const options = this.getNodeParameter('options', itemIndex, {}) as { scopes?: string; serviceType?: string };
	const ecosystemId = await ecosystemIdOrDefault(this, this.getNodeParameter('ecosystemId', itemIndex, ''), itemIndex);
	const qs: Record<string, string> = { ecosystemId, redirectUri };
	if (options.serviceType?.trim()) qs.serviceType = options.serviceType.trim();
	if (options.scopes?.trim()) qs.scopes = options.scopes.trim();
	const result = await hubRequest(this, 'GET', `/api/integrations/providers/${encodeURIComponent(providerId)}/auth-url`, {
		qs,
		itemIndex,
		resource: 'provider',
	});
	return { ...result, providerId, ecosystemId };
}
