import { startHub, type Hub } from '../../hub';
import { controlRequest, hubRequest, obtainTokens } from '../../hub/testing';

/** Access and personal tokens on resource routes: hub-api.md 1.7 and the 401/403 rules of section 2. */
describe('bearer tokens on resource routes', () => {
	let hub: Hub;

	beforeAll(async () => {
		hub = await startHub({ accessTokenTtl: 600 });
	});
	afterAll(() => hub.close());

	const me = (token?: string) => hubRequest(hub, 'GET', '/api/auth/me', { token });

	function expect401(result: { status: number; body: any; headers: Headers }, code: string) {
		expect(result.status).toBe(401);
		expect(result.body).toEqual({ error: { code, message: expect.any(String) } });
		expect(result.headers.get('www-authenticate')).toBe(`Bearer error="invalid_token", error_description="${code}"`);
	}

	it('answers 401 unauthorized without a token, or with a non-bearer scheme', async () => {
		expect401(await me(), 'unauthorized');
		const basic = await hubRequest(hub, 'GET', '/api/auth/me', { headers: { Authorization: 'Basic YTpi' } });
		expect401(basic, 'unauthorized');
	});

	it('answers 401 invalid_token for malformed, forged and refresh tokens', async () => {
		const tokens = await obtainTokens(hub, { scopes: ['profile:read'] });
		const [header, payload] = tokens.access_token.slice(4).split('.');
		for (const token of ['garbage', 'adh_not-a-jwt', `adh_${header}.${payload}.forgedsignature`, tokens.refresh_token]) {
			expect401(await me(token), 'invalid_token');
		}
	});

	it('answers 401 token_expired once the access token lifetime has passed (hub clock)', async () => {
		const tokens = await obtainTokens(hub, { scopes: ['profile:read'] });
		hub.clock.advance(599 * 1000);
		expect((await me(tokens.access_token)).status).toBe(200);
		hub.clock.advance(2 * 1000);
		expect401(await me(tokens.access_token), 'token_expired');
	});

	it('answers invalid_token, not token_expired, for a revoked token even after it expired', async () => {
		const tokens = await obtainTokens(hub, { scopes: ['profile:read'] });
		await controlRequest(hub, 'POST', '/__sandbox/revoke-grants', { user: 'ada@example.com' });
		expect401(await me(tokens.access_token), 'invalid_token');
		hub.clock.advance(3600 * 1000);
		expect401(await me(tokens.access_token), 'invalid_token');
	});

	it('answers 403 insufficient_scope with required_scope and its WWW-Authenticate', async () => {
		const tokens = await obtainTokens(hub, { scopes: ['discussions:read'] });
		const result = await me(tokens.access_token);
		expect(result.status).toBe(403);
		expect(result.body).toEqual({ error: { code: 'insufficient_scope', message: expect.any(String), required_scope: 'profile:read' } });
		expect(result.headers.get('www-authenticate')).toBe('Bearer error="insufficient_scope", scope="profile:read"');
	});

	it('answers /api/auth/me with the profile and never the password', async () => {
		const tokens = await obtainTokens(hub, { scopes: ['profile:read'], user: 'grace@example.com' });
		const result = await me(tokens.access_token);
		expect(result.status).toBe(200);
		expect(result.body).toEqual({
			id: hub.info().users[1].id,
			email: 'grace@example.com',
			name: 'Grace Hopper',
			avatarUrl: expect.any(String),
			slug: 'grace-hopper',
			publicProfileEnabled: true,
			profileVisibility: 'hub',
			capabilities: expect.any(Array),
		});
		expect(result.text).not.toContain('grace-password');
	});

	describe('personal API tokens (hub-api.md 1.7)', () => {
		it('seeds one per user that acts for that user with every scope', async () => {
			for (const user of hub.info().users) {
				expect(user.apiToken).toMatch(/^adh_pat_/);
				const result = await me(user.apiToken);
				expect(result.status).toBe(200);
				expect(result.body.id).toBe(user.id);
			}
			// Every scope: profile:read, discussions:read, integrations:manage, discussions:write.
			const ada = hub.info().users[0].apiToken;
			for (const path of ['/api/auth/me', '/api/notifications/unread-count', '/api/integrations/providers']) {
				expect((await hubRequest(hub, 'GET', path, { token: ada })).status).toBe(200);
			}
			expect((await hubRequest(hub, 'POST', '/api/notifications/read-all', { token: ada })).status).toBe(200);
		});

		it('never expires without an expiry', async () => {
			const { token } = await controlRequest(hub, 'POST', '/__sandbox/personal-tokens', { user: 'alan@example.com' });
			hub.clock.advance(400 * 24 * 3600 * 1000);
			const result = await me(token);
			expect(result.status).toBe(200);
			expect(result.body.email).toBe('alan@example.com');
		});

		it('expires when given an expiry: token_expired', async () => {
			const user = hub.info().users[2];
			const { token } = await controlRequest(hub, 'POST', '/__sandbox/personal-tokens', {
				user: user.id,
				expiresInSeconds: 60,
			});
			expect((await me(token)).status).toBe(200);
			hub.clock.advance(61 * 1000);
			expect401(await me(token), 'token_expired');
		});

		it('answers invalid_token for an unknown personal token', async () => {
			expect401(await me('adh_pat_unknown'), 'invalid_token');
		});
	});

	describe('control switches', () => {
		it('expire-access-tokens turns live access tokens into token_expired, for one user or all', async () => {
			const ada = await obtainTokens(hub, { scopes: ['profile:read'] });
			const grace = await obtainTokens(hub, { scopes: ['profile:read'], user: 'grace@example.com' });
			const one = await controlRequest(hub, 'POST', '/__sandbox/expire-access-tokens', { user: 'grace@example.com' });
			expect(one.expired).toBeGreaterThanOrEqual(1);
			expect401(await me(grace.access_token), 'token_expired');
			expect((await me(ada.access_token)).status).toBe(200);
			const all = await controlRequest(hub, 'POST', '/__sandbox/expire-access-tokens', {});
			expect(all.expired).toBeGreaterThanOrEqual(1);
			expect401(await me(ada.access_token), 'token_expired');
		});

		it('revoke-grants ends access and refresh tokens of a user or a client', async () => {
			const ada = await obtainTokens(hub, { scopes: ['profile:read'] });
			const grace = await obtainTokens(hub, { scopes: ['profile:read'], user: 'grace@example.com' });
			const result = await controlRequest(hub, 'POST', '/__sandbox/revoke-grants', { user: hub.info().users[0].id });
			expect(result.familiesRevoked).toBeGreaterThanOrEqual(1);
			expect401(await me(ada.access_token), 'invalid_token');
			expect((await me(grace.access_token)).status).toBe(200);
			const byClient = await controlRequest(hub, 'POST', '/__sandbox/revoke-grants', {
				clientId: hub.info().clients[0].clientId,
			});
			expect(byClient.familiesRevoked).toBeGreaterThanOrEqual(1);
			expect401(await me(grace.access_token), 'invalid_token');
		});
	});
});
