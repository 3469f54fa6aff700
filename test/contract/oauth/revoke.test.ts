import { startHub, type Hub } from '../../hub';
import { hubRequest, obtainTokens, tokenRequest } from '../../hub/testing';

describe('revoke: POST /api/auth/revoke (hub-api.md 1.6, RFC 7009)', () => {
	let hub: Hub;
	let client: { clientId: string; clientSecret: string };

	beforeAll(async () => {
		hub = await startHub();
		client = hub.info().clients[0];
	});
	afterAll(() => hub.close());

	const revoke = (token: string, encoding: 'json' | 'form' = 'json') =>
		tokenRequest(
			hub,
			'/api/auth/revoke',
			{ token, client_id: client.clientId, client_secret: client.clientSecret },
			{ encoding },
		);
	const refresh = (refreshToken: string) =>
		tokenRequest(hub, '/api/auth/refresh', {
			grant_type: 'refresh_token',
			refresh_token: refreshToken,
			client_id: client.clientId,
			client_secret: client.clientSecret,
		});
	const me = (token: string) => hubRequest(hub, 'GET', '/api/auth/me', { token });

	it('answers 200 {} for unknown tokens', async () => {
		for (const token of ['adh_rt_unknown', 'adh_not.a.jwt', 'anything']) {
			const result = await revoke(token);
			expect(result.status).toBe(200);
			expect(result.body).toEqual({});
		}
	});

	it('revoking a refresh token revokes its family (form body)', async () => {
		const tokens = await obtainTokens(hub, { scopes: ['profile:read'] });
		const result = await revoke(tokens.refresh_token, 'form');
		expect(result.status).toBe(200);
		expect(result.body).toEqual({});
		expect((await me(tokens.access_token)).body.error.code).toBe('invalid_token');
		expect((await refresh(tokens.refresh_token)).body.error).toBe('invalid_grant');
	});

	it('revoking an access token revokes that token only', async () => {
		const tokens = await obtainTokens(hub, { scopes: ['profile:read'] });
		expect((await revoke(tokens.access_token)).status).toBe(200);
		const revoked = await me(tokens.access_token);
		expect(revoked.status).toBe(401);
		expect(revoked.body.error.code).toBe('invalid_token');
		const refreshed = await refresh(tokens.refresh_token);
		expect(refreshed.status).toBe(200);
		expect((await me(refreshed.body.access_token)).status).toBe(200);
	});

	it('requires client authentication and does not revoke another client\'s tokens', async () => {
		const tokens = await obtainTokens(hub, { scopes: ['profile:read'] });
		const anonymous = await tokenRequest(hub, '/api/auth/revoke', { token: tokens.access_token });
		expect(anonymous.status).toBe(401);
		expect(anonymous.body.error).toBe('invalid_client');
		expect((await me(tokens.access_token)).status).toBe(200);
	});
});
