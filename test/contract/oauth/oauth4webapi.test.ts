import * as oauth from 'oauth4webapi';
import { startHub, type Hub } from '../../hub';
import { signInAndConsent } from '../../hub/testing';

/**
 * Acceptance: a standard OAuth 2.0 client library that knows nothing of this project completes
 * the whole PKCE flow against a started sandbox, using only the endpoints of hub-api.md.
 */
describe('oauth4webapi against the sandbox Hub', () => {
	let hub: Hub;
	const insecure = { [oauth.allowInsecureRequests]: true };

	beforeAll(async () => {
		hub = await startHub();
	});
	afterAll(() => hub.close());

	function server(tokenPath = '/api/oauth/signin/exchange'): oauth.AuthorizationServer {
		return {
			issuer: hub.url,
			authorization_endpoint: `${hub.url}/api/oauth/signin/start`,
			token_endpoint: `${hub.url}${tokenPath}`,
			revocation_endpoint: `${hub.url}/api/auth/revoke`,
			code_challenge_methods_supported: ['S256'],
		};
	}

	it.each([
		['client_secret_post', (secret: string) => oauth.ClientSecretPost(secret)],
		['client_secret_basic', (secret: string) => oauth.ClientSecretBasic(secret)],
	])('authorize, sign in, consent, exchange, call, refresh, revoke (%s)', async (_, clientAuthFor) => {
		const as = server();
		const registered = hub.info().clients[0];
		const client: oauth.Client = { client_id: registered.clientId };
		const clientAuth = clientAuthFor(registered.clientSecret);
		const redirectUri = registered.redirectUris[0];

		const codeVerifier = oauth.generateRandomCodeVerifier();
		const state = oauth.generateRandomState();
		const authorizationUrl = new URL(as.authorization_endpoint!);
		authorizationUrl.search = new URLSearchParams({
			response_type: 'code',
			client_id: client.client_id,
			redirect_uri: redirectUri,
			scope: 'profile:read discussions:read',
			state,
			code_challenge: await oauth.calculatePKCECodeChallenge(codeVerifier),
			code_challenge_method: 'S256',
		}).toString();

		const callback = await signInAndConsent(authorizationUrl, { email: 'grace@example.com', password: 'grace-password' });
		const callbackParams = oauth.validateAuthResponse(as, client, callback, state);

		const exchanged = await oauth.processAuthorizationCodeResponse(
			as,
			client,
			await oauth.authorizationCodeGrantRequest(as, client, clientAuth, callbackParams, redirectUri, codeVerifier, insecure),
		);
		expect(exchanged.token_type).toBe('bearer');
		expect(exchanged.expires_in).toBe(3600);
		expect(exchanged.scope).toBe('profile:read discussions:read');

		const meUrl = new URL(`${hub.url}/api/auth/me`);
		const me = await oauth.protectedResourceRequest(exchanged.access_token, 'GET', meUrl, undefined, undefined, insecure);
		expect(me.status).toBe(200);
		expect(((await me.json()) as { email: string }).email).toBe('grace@example.com');

		// Refresh at the token endpoint (where n8n refreshes), then at /api/auth/refresh.
		const refreshed = await oauth.processRefreshTokenResponse(
			as,
			client,
			await oauth.refreshTokenGrantRequest(as, client, clientAuth, exchanged.refresh_token!, insecure),
		);
		expect(refreshed.refresh_token).not.toBe(exchanged.refresh_token);
		const refreshAs = server('/api/auth/refresh');
		const again = await oauth.processRefreshTokenResponse(
			refreshAs,
			client,
			await oauth.refreshTokenGrantRequest(refreshAs, client, clientAuth, refreshed.refresh_token!, insecure),
		);
		const call = await oauth.protectedResourceRequest(again.access_token, 'GET', meUrl, undefined, undefined, insecure);
		expect(call.status).toBe(200);

		await oauth.processRevocationResponse(
			await oauth.revocationRequest(as, client, clientAuth, again.refresh_token!, insecure),
		);
		// The library parses our 401 challenge (hub-api.md section 2) and surfaces it.
		await expect(
			oauth.protectedResourceRequest(again.access_token, 'GET', meUrl, undefined, undefined, insecure),
		).rejects.toMatchObject({
			status: 401,
			cause: [{ scheme: 'bearer', parameters: { error: 'invalid_token', error_description: 'invalid_token' } }],
		});

		const afterRevoke = oauth.refreshTokenGrantRequest(as, client, clientAuth, again.refresh_token!, insecure).then((response) =>
			oauth.processRefreshTokenResponse(as, client, response),
		);
		await expect(afterRevoke).rejects.toMatchObject({ error: 'invalid_grant' });
	});

	it('sees a plain PKCE request refused with invalid_request on the redirect', async () => {
		const as = server();
		const registered = hub.info().clients[0];
		const client: oauth.Client = { client_id: registered.clientId };
		const state = oauth.generateRandomState();
		const url = new URL(as.authorization_endpoint!);
		url.search = new URLSearchParams({
			response_type: 'code',
			client_id: client.client_id,
			redirect_uri: registered.redirectUris[0],
			scope: 'profile:read',
			state,
			code_challenge: oauth.generateRandomCodeVerifier(),
			code_challenge_method: 'plain',
		}).toString();
		const callback = await signInAndConsent(url, { email: 'ada@example.com', password: 'ada-password' });
		expect(() => oauth.validateAuthResponse(as, client, callback, state)).toThrow(
			expect.objectContaining({ error: 'invalid_request' }),
		);
	});
});
