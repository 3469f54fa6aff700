import { updateDisplayOptions, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';
import { invalidInput } from '../../helpers/validation';
import { providerLink, providerLinkProperties, serviceTypeOption } from './shared';

const properties: INodeProperties[] = [
	...providerLinkProperties('oauth', 'sign in with OAuth', 'google-workspace'),
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
			serviceTypeOption('email'),
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
export const readOnly = true;

export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const redirectUri = requireRedirectUri(this, this.getNodeParameter('redirectUri', itemIndex), itemIndex);
	const { scopes } = this.getNodeParameter('options', itemIndex, {}) as { scopes?: string };
	return await providerLink(this, itemIndex, 'auth-url', { redirectUri, ...(scopes?.trim() ? { scopes: scopes.trim() } : {}) });
}
