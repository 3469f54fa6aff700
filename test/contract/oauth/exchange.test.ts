import { decodeJwt } from 'jose';
import { startHub, type Hub } from '../../hub';
import { controlRequest, hubRequest, obtainCode, tokenRequest } from '../../hub/testing';

const EXCHANGE = '/api/oauth/signin/exchange';

describe('exchange: POST /api/oauth/signin/exchange (hub-api.md 1.4)', () => {
	let hub: Hub;

	beforeAll(async () => {
		hub = await startHub({ accessTokenTtl: 1800 });
	});
	afterAll(() => hub.close());

	async function codeParams(scopes = ['profile:read' as const]) {
		const flow = await obtainCode(hub, { scopes });
		const params = {
			grant_type: 'authorization_code',
			code: flow.code,
			redirect_uri: flow.redirectUri,
			code_verifier: flow.verifier,
			client_id: flow.clientId,
			client_secret: flow.clientSecret,
		};
		return { flow, params };
	}

	function expectOAuthError(result: { status: number; body: any; headers: Headers }, status: number, error: string) {
		expect(result.status).toBe(status);
		expect(result.body).toEqual({ error, error_description: expect.any(String), code: error, message: expect.any(String) });
		expect(result.body.message).toBe(result.body.error_description);
		expect(result.headers.get('cache-control')).toBe('no-store');
	}

	it('exchanges a form-encoded request for tokens of the documented shape', async () => {
		const { flow, params } = await codeParams(['profile:read', 'discussions:read'] as any);
		const result = await tokenRequest(hub, EXCHANGE, params);
		expect(result.status).toBe(200);
		expect(result.headers.get('cache-control')).toBe('no-store');
		expect(result.body).toEqual({
			access_token: expect.stringMatching(/^adh_ey/),
			refresh_token: expect.stringMatching(/^adh_rt_[A-Za-z0-9_-]{20,}$/),
			expires_in: 1800,
			token_type: 'Bearer',
			scope: 'profile:read discussions:read',
		});
		const claims = decodeJwt(result.body.access_token.slice('adh_'.length));
		const ada = hub.info().users[0];
		expect(claims).toEqual({
			sub: ada.id,
			client_id: flow.clientId,
			scope: 'profile:read discussions:read',
			iat: expect.any(Number),
			exp: expect.any(Number),
			jti: expect.any(String),
		});
		expect(claims.exp! - claims.iat!).toBe(1800);
		const me = await hubRequest(hub, 'GET', '/api/auth/me', { token: result.body.access_token });
		expect(me.status).toBe(200);
		expect(me.body.email).toBe('ada@example.com');
	});

	it('accepts a JSON body', async () => {
		const { params } = await codeParams();
		const result = await tokenRequest(hub, EXCHANGE, params, { encoding: 'json' });
		expect(result.status).toBe(200);
		expect(result.body.access_token).toMatch(/^adh_/);
	});

	it('accepts HTTP Basic client authentication', async () => {
		const { flow, params } = await codeParams();
		const { client_id: _id, client_secret: _secret, ...rest } = params;
		const result = await tokenRequest(hub, EXCHANGE, rest, { basic: flow });
		expect(result.status).toBe(200);
	});

	it('accepts Basic plus the same client_id in the body', async () => {
		const { flow, params } = await codeParams();
		const { client_secret: _secret, ...rest } = params;
		const result = await tokenRequest(hub, EXCHANGE, rest, { basic: flow });
		expect(result.status).toBe(200);
	});

	it('answers invalid_request when Basic and body credentials differ', async () => {
		const { flow, params } = await codeParams();
		const result = await tokenRequest(hub, EXCHANGE, { ...params, client_secret: 'another-secret' }, { basic: flow });
		expectOAuthError(result, 400, 'invalid_request');
	});

	it('answers invalid_client with WWW-Authenticate: Basic when Basic was used', async () => {
		const { flow, params } = await codeParams();
		const { client_id: _id, client_secret: _secret, ...rest } = params;
		const result = await tokenRequest(hub, EXCHANGE, rest, { basic: { clientId: flow.clientId, clientSecret: 'wrong' } });
		expectOAuthError(result, 401, 'invalid_client');
		expect(result.headers.get('www-authenticate')).toMatch(/^Basic /);
	});

	it('answers invalid_client for a wrong body secret, an unknown client or none', async () => {
		const { params } = await codeParams();
		const wrong = await tokenRequest(hub, EXCHANGE, { ...params, client_secret: 'wrong' });
		expectOAuthError(wrong, 401, 'invalid_client');
		expect(wrong.headers.get('www-authenticate')).toBeNull();
		expectOAuthError(await tokenRequest(hub, EXCHANGE, { ...params, client_id: 'adh_client_nobody' }), 401, 'invalid_client');
		const { client_id: _id, client_secret: _secret, ...anonymous } = params;
		expectOAuthError(await tokenRequest(hub, EXCHANGE, anonymous), 401, 'invalid_client');
	});

	it('answers invalid_verifier when the verifier does not hash to the challenge', async () => {
		const { params } = await codeParams();
		const result = await tokenRequest(hub, EXCHANGE, { ...params, code_verifier: 'x'.repeat(64) });
		expectOAuthError(result, 401, 'invalid_verifier');
	});

	it.each([
		['a missing code_verifier', { code_verifier: '' }],
		['a too-short code_verifier', { code_verifier: 'short' }],
		['a code_verifier with forbidden characters', { code_verifier: `${'a'.repeat(50)}+/=` }],
		['a missing code', { code: '' }],
		['a missing redirect_uri', { redirect_uri: '' }],
		['a missing grant_type', { grant_type: '' }],
	])('answers invalid_request for %s', async (_, change) => {
		const { params } = await codeParams();
		const sent = Object.fromEntries(Object.entries({ ...params, ...change }).filter(([, value]) => value !== ''));
		expectOAuthError(await tokenRequest(hub, EXCHANGE, sent), 400, 'invalid_request');
	});

	it('answers unsupported_grant_type for other grant types', async () => {
		const { params } = await codeParams();
		expectOAuthError(await tokenRequest(hub, EXCHANGE, { ...params, grant_type: 'password' }), 400, 'unsupported_grant_type');
		expectOAuthError(
			await tokenRequest(hub, EXCHANGE, { ...params, grant_type: 'client_credentials' }),
			400,
			'unsupported_grant_type',
		);
	});

	it('answers invalid_grant for a redirect_uri that differs from the authorize request', async () => {
		const { flow, params } = await codeParams();
		const other = hub.info().clients[0].redirectUris.find((uri) => uri !== flow.redirectUri)!;
		expectOAuthError(await tokenRequest(hub, EXCHANGE, { ...params, redirect_uri: other }), 400, 'invalid_grant');
	});

	it('answers invalid_grant for an unknown code or a code issued to another client', async () => {
		const { params } = await codeParams();
		expectOAuthError(await tokenRequest(hub, EXCHANGE, { ...params, code: 'not-a-code' }), 400, 'invalid_grant');
		const other = await controlRequest(hub, 'POST', '/__sandbox/clients', { redirectUris: [params.redirect_uri] });
		const result = await tokenRequest(hub, EXCHANGE, {
			...params,
			client_id: other.clientId,
			client_secret: other.clientSecret,
		});
		expectOAuthError(result, 400, 'invalid_grant');
	});

	it('lets a code live 60 seconds', async () => {
		const { params } = await codeParams();
		hub.clock.advance(59 * 1000);
		expect((await tokenRequest(hub, EXCHANGE, params)).status).toBe(200);
		const late = await codeParams();
		hub.clock.advance(61 * 1000);
		expectOAuthError(await tokenRequest(hub, EXCHANGE, late.params), 400, 'invalid_grant');
	});

	it('uses a code once; the replay fails and revokes every token the code issued', async () => {
		const { params } = await codeParams();
		const first = await tokenRequest(hub, EXCHANGE, params);
		expect(first.status).toBe(200);
		const before = await hubRequest(hub, 'GET', '/api/auth/me', { token: first.body.access_token });
		expect(before.status).toBe(200);

		expectOAuthError(await tokenRequest(hub, EXCHANGE, params), 400, 'invalid_grant');

		const after = await hubRequest(hub, 'GET', '/api/auth/me', { token: first.body.access_token });
		expect(after.status).toBe(401);
		expect(after.body.error.code).toBe('invalid_token');
		const refreshed = await tokenRequest(hub, '/api/auth/refresh', {
			grant_type: 'refresh_token',
			refresh_token: first.body.refresh_token,
			client_id: params.client_id,
			client_secret: params.client_secret,
		});
		expectOAuthError(refreshed, 400, 'invalid_grant');
	});

	it('answers invalid_request for an unsupported content type or a malformed body', async () => {
		const text = await fetch(hub.url + EXCHANGE, { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: 'code=1' });
		expectOAuthError({ status: text.status, headers: text.headers, body: await text.json() }, 400, 'invalid_request');
		const broken = await fetch(hub.url + EXCHANGE, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: '{"grant_type":',
		});
		expectOAuthError({ status: broken.status, headers: broken.headers, body: await broken.json() }, 400, 'invalid_request');
		const array = await fetch(hub.url + EXCHANGE, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '[1]' });
		expectOAuthError({ status: array.status, headers: array.headers, body: await array.json() }, 400, 'invalid_request');
	});

	it('never echoes the code, verifier or client secret in an error body', async () => {
		const { params } = await codeParams();
		const results = [
			await tokenRequest(hub, EXCHANGE, { ...params, client_secret: 'wrong-secret-value' }),
			await tokenRequest(hub, EXCHANGE, { ...params, code_verifier: 'v'.repeat(60) }),
			await tokenRequest(hub, EXCHANGE, { ...params, grant_type: 'password' }),
		];
		for (const result of results) {
			expect(result.status).toBeGreaterThanOrEqual(400);
			for (const secret of [params.code, params.code_verifier, params.client_secret, 'wrong-secret-value', 'v'.repeat(60)]) {
				expect(result.text).not.toContain(secret);
			}
		}
	});
});
