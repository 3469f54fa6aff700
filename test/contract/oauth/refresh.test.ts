import { startHub, type Hub } from '../../hub';
import { controlRequest, hubRequest, obtainTokens, tokenRequest } from '../../hub/testing';

const DAY_MS = 24 * 3600 * 1000;

describe('refresh: POST /api/auth/refresh and the exchange endpoint (hub-api.md 1.5)', () => {
	let hub: Hub;
	let client: { clientId: string; clientSecret: string };

	beforeAll(async () => {
		hub = await startHub();
		client = hub.info().clients[0];
	});
	afterAll(() => hub.close());

	const refreshAt = (
		path: '/api/auth/refresh' | '/api/oauth/signin/exchange',
		refreshToken: string,
		encoding: 'json' | 'form' = 'form',
		extra: Record<string, string> = {},
	) =>
		tokenRequest(
			hub,
			path,
			{
				grant_type: 'refresh_token',
				refresh_token: refreshToken,
				client_id: client.clientId,
				client_secret: client.clientSecret,
				...extra,
			},
			{ encoding },
		);

	const me = (token: string) => hubRequest(hub, 'GET', '/api/auth/me', { token });

	it('refreshes at /api/auth/refresh (JSON) with rotation and the exchange shape', async () => {
		const tokens = await obtainTokens(hub, { scopes: ['profile:read', 'discussions:read'] });
		const result = await refreshAt('/api/auth/refresh', tokens.refresh_token, 'json');
		expect(result.status).toBe(200);
		expect(result.headers.get('cache-control')).toBe('no-store');
		expect(result.body).toEqual({
			access_token: expect.stringMatching(/^adh_ey/),
			refresh_token: expect.stringMatching(/^adh_rt_/),
			expires_in: 3600,
			token_type: 'Bearer',
			scope: 'profile:read discussions:read',
		});
		expect(result.body.refresh_token).not.toBe(tokens.refresh_token);
		expect(result.body.access_token).not.toBe(tokens.access_token);
		expect((await me(result.body.access_token)).status).toBe(200);
	});

	it('refreshes at the exchange endpoint with a form body, as n8n does', async () => {
		const tokens = await obtainTokens(hub, { scopes: ['profile:read'] });
		const result = await refreshAt('/api/oauth/signin/exchange', tokens.refresh_token);
		expect(result.status).toBe(200);
		expect(result.body.scope).toBe('profile:read');
		const next = await refreshAt('/api/oauth/signin/exchange', result.body.refresh_token);
		expect(next.status).toBe(200);
	});

	it('accepts Basic client authentication at /api/auth/refresh', async () => {
		const tokens = await obtainTokens(hub, { scopes: ['profile:read'] });
		const result = await tokenRequest(
			hub,
			'/api/auth/refresh',
			{ grant_type: 'refresh_token', refresh_token: tokens.refresh_token },
			{ basic: client },
		);
		expect(result.status).toBe(200);
	});

	it('detects reuse of a rotated refresh token and revokes the whole family', async () => {
		const tokens = await obtainTokens(hub, { scopes: ['profile:read'] });
		const rotated = await refreshAt('/api/auth/refresh', tokens.refresh_token);
		expect(rotated.status).toBe(200);
		const before = await controlRequest(hub, 'GET', '/__sandbox/counters');

		const reused = await refreshAt('/api/auth/refresh', tokens.refresh_token);
		expect(reused.status).toBe(400);
		expect(reused.body.error).toBe('invalid_grant');

		// Every token of the family is dead: the first and the rotated access tokens, the new refresh token.
		for (const token of [tokens.access_token, rotated.body.access_token]) {
			const result = await me(token);
			expect(result.status).toBe(401);
			expect(result.body.error.code).toBe('invalid_token');
		}
		const successor = await refreshAt('/api/auth/refresh', rotated.body.refresh_token);
		expect(successor.status).toBe(400);
		expect(successor.body.error).toBe('invalid_grant');

		const after = await controlRequest(hub, 'GET', '/__sandbox/counters');
		expect(after.reuseDetections).toBe(before.reuseDetections + 1);
		expect(after.familiesRevoked).toBe(before.familiesRevoked + 1);
	});

	it('keeps other families alive when one is revoked by reuse', async () => {
		const mine = await obtainTokens(hub, { scopes: ['profile:read'] });
		const other = await obtainTokens(hub, { scopes: ['profile:read'] });
		await refreshAt('/api/auth/refresh', mine.refresh_token);
		await refreshAt('/api/auth/refresh', mine.refresh_token);
		expect((await me(other.access_token)).status).toBe(200);
		expect((await refreshAt('/api/auth/refresh', other.refresh_token)).status).toBe(200);
	});

	it('lets a refresh token live 30 days, renewed by each rotation', async () => {
		const tokens = await obtainTokens(hub, { scopes: ['profile:read'] });
		hub.clock.advance(29 * DAY_MS);
		const renewed = await refreshAt('/api/auth/refresh', tokens.refresh_token);
		expect(renewed.status).toBe(200);
		hub.clock.advance(29 * DAY_MS);
		const again = await refreshAt('/api/auth/refresh', renewed.body.refresh_token);
		expect(again.status).toBe(200);
		hub.clock.advance(30 * DAY_MS + 1000);
		const expired = await refreshAt('/api/auth/refresh', again.body.refresh_token);
		expect(expired.status).toBe(400);
		expect(expired.body.error).toBe('invalid_grant');
	});

	it('refuses unknown refresh tokens, access tokens and other clients\' refresh tokens', async () => {
		const tokens = await obtainTokens(hub, { scopes: ['profile:read'] });
		expect((await refreshAt('/api/auth/refresh', 'adh_rt_unknown')).body.error).toBe('invalid_grant');
		expect((await refreshAt('/api/auth/refresh', tokens.access_token)).body.error).toBe('invalid_grant');
		const other = await controlRequest(hub, 'POST', '/__sandbox/clients', { redirectUris: ['https://app.example.com/cb'] });
		const result = await tokenRequest(hub, '/api/auth/refresh', {
			grant_type: 'refresh_token',
			refresh_token: tokens.refresh_token,
			client_id: other.clientId,
			client_secret: other.clientSecret,
		});
		expect(result.status).toBe(400);
		expect(result.body.error).toBe('invalid_grant');
		// The failed attempt by another client did not consume it.
		expect((await refreshAt('/api/auth/refresh', tokens.refresh_token)).status).toBe(200);
	});

	it('never refreshes a personal token', async () => {
		const { token } = await controlRequest(hub, 'POST', '/__sandbox/personal-tokens', { user: 'ada@example.com' });
		const result = await refreshAt('/api/auth/refresh', token);
		expect(result.status).toBe(400);
		expect(result.body.error).toBe('invalid_grant');
	});

	it('answers invalid_request without a refresh_token and invalid_client with a wrong secret', async () => {
		const missing = await tokenRequest(hub, '/api/auth/refresh', {
			grant_type: 'refresh_token',
			client_id: client.clientId,
			client_secret: client.clientSecret,
		});
		expect(missing.status).toBe(400);
		expect(missing.body.error).toBe('invalid_request');
		const tokens = await obtainTokens(hub, { scopes: ['profile:read'] });
		const wrong = await refreshAt('/api/auth/refresh', tokens.refresh_token, 'form', { client_secret: 'nope' });
		expect(wrong.status).toBe(401);
		expect(wrong.body.error).toBe('invalid_client');
	});

	it('may narrow the scopes on refresh, never widen them', async () => {
		const tokens = await obtainTokens(hub, { scopes: ['profile:read', 'discussions:read'] });
		const narrowed = await refreshAt('/api/auth/refresh', tokens.refresh_token, 'form', { scope: 'discussions:read' });
		expect(narrowed.status).toBe(200);
		expect(narrowed.body.scope).toBe('discussions:read');
		const widened = await refreshAt('/api/auth/refresh', narrowed.body.refresh_token, 'form', {
			scope: 'profile:read discussions:write',
		});
		expect(widened.status).toBe(400);
		expect(widened.body.error).toBe('invalid_scope');
	});
});
