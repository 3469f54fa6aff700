import { signInAndConsent } from '../../hub/testing';
import type { N8nClient } from '../../../scripts/lib/n8nClient';
import type { SandboxHub, SandboxUser } from '../../../scripts/lib/sandboxHub';

export const ALL_PERMISSIONS = ['profile:read', 'discussions:read', 'discussions:write', 'integrations:manage'];

export interface OAuthClient {
	clientId: string;
	clientSecret: string;
}

/** Registers a sandbox app whose only redirect URI is n8n's OAuth callback. */
export async function registerClient(hub: SandboxHub, callbackUrl: string): Promise<OAuthClient> {
	return await hub.control('POST', '/__sandbox/clients', { redirectUris: [callbackUrl], name: 'n8n e2e' });
}

export async function createOAuthCredential(
	n8n: N8nClient,
	hub: SandboxHub,
	client: OAuthClient,
	options: { name?: string; permissions?: string[] } = {},
): Promise<string> {
	const credential = await n8n.createCredential(options.name ?? 'Hub OAuth2', 'agenticDeveloperHubOAuth2Api', {
		baseUrl: hub.url,
		clientId: client.clientId,
		clientSecret: client.clientSecret,
		permissions: options.permissions ?? ALL_PERMISSIONS,
	});
	return credential.id;
}

/**
 * "Connect my account" as the editor does it: n8n builds the authorize URL, the user signs in
 * and approves on the Hub's pages, and the browser (holding the n8n session cookie) follows the
 * redirect to n8n's callback, which exchanges the code and stores the tokens.
 */
export async function connectAccount(n8n: N8nClient, credentialId: string, user: SandboxUser): Promise<{ authorizeUrl: URL; callback: Response; callbackBody: string }> {
	const authorizeUrl = new URL(await n8n.data<string>('GET', `/rest/oauth2-credential/auth?id=${credentialId}`));
	const back = await signInAndConsent(authorizeUrl, { email: user.email, password: user.password });
	if (!back.searchParams.get('code')) throw new Error(`The Hub answered ${back.searchParams.get('error')} instead of a code`);
	const callback = await fetch(back, { headers: { Cookie: n8n.cookie ?? '', 'browser-id': 'e2e-browser' }, redirect: 'manual' });
	return { authorizeUrl, callback, callbackBody: await callback.text() };
}
