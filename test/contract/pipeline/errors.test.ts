import { request as httpRequest } from 'http';
import { startHub, type Hub } from '../../hub';
import { controlRequest, hubRequest, obtainTokens, takeViolations, tokenRequest } from '../../hub/testing';

/** hub-api.md section 2: error shapes, `X-Request-Id`, and bad input that never crashes the Hub. */
describe('errors and bad input', () => {
	let hub: Hub;
	let token: string;

	beforeAll(async () => {
		hub = await startHub();
		token = hub.info().users[0].apiToken;
	});
	afterAll(() => hub.close());

	const requestId = /^req_[0-9a-f-]{36}$/;

	it('puts a unique X-Request-Id on every response: success, errors, HTML pages, token endpoint, control API', async () => {
		const responses = [
			await hubRequest(hub, 'GET', '/api/auth/me', { token }),
			await hubRequest(hub, 'GET', '/api/auth/me'),
			await hubRequest(hub, 'GET', '/api/nowhere'),
			await hubRequest(hub, 'GET', '/api/oauth/signin/start?client_id=unknown'),
			await tokenRequest(hub, '/api/oauth/signin/exchange', { grant_type: 'password' }),
			await hubRequest(hub, 'GET', '/__sandbox/info'),
		];
		const ids = responses.map((response) => response.headers.get('x-request-id'));
		for (const id of ids) expect(id).toMatch(requestId);
		expect(new Set(ids).size).toBe(ids.length);
		expect(takeViolations(hub)).toEqual(['request route: GET /api/nowhere: no published route has this path']);
	});

	it('answers resource routes in the published nested shape by default', async () => {
		const result = await hubRequest(hub, 'GET', '/api/discussion/topics/no-such-topic', { token });
		expect(result.status).toBe(404);
		expect(result.headers.get('content-type')).toBe('application/json');
		expect(result.body).toEqual({ error: { code: 'not_found', message: expect.any(String) } });
	});

	it('names the field of a 400 validation_error, from the published types or from the route', async () => {
		const refused = await hubRequest(hub, 'POST', '/api/chat/dms', { token, body: {} });
		expect(refused.status).toBe(400);
		expect(refused.body).toEqual({ error: { code: 'validation_error', message: expect.stringContaining('misses "recipientId"'), field: 'recipientId' } });
		expect(takeViolations(hub)).toEqual(['request body: misses "recipientId"']);
		const yourself = await hubRequest(hub, 'POST', '/api/chat/dms', { token, body: { recipientId: hub.info().users[0].id } });
		expect(yourself.status).toBe(400);
		expect(yourself.body).toEqual({ error: { code: 'validation_error', message: expect.any(String), field: 'recipientId' } });
	});

	it('answers /api/integrations/* as RFC 9457 problem details', async () => {
		const unauthorized = await hubRequest(hub, 'GET', '/api/integrations/providers');
		expect(unauthorized.status).toBe(401);
		expect(unauthorized.headers.get('content-type')).toBe('application/problem+json');
		expect(unauthorized.body).toMatchObject({ type: expect.any(String), title: 'Unauthorized', status: 401, detail: expect.any(String) });
		const missing = await hubRequest(hub, 'DELETE', '/api/integrations/00000000-0000-4000-8000-000000000000', { token });
		expect(missing.status).toBe(404);
		expect(missing.headers.get('content-type')).toBe('application/problem+json');
		expect(missing.body).toEqual({ type: expect.any(String), title: 'Not Found', status: 404, detail: expect.any(String), code: 'not_found' });
	});

	it('answers the flat shape of the Errors page when the setting says so, on every resource route', async () => {
		await controlRequest(hub, 'POST', '/__sandbox/settings', { errorShape: 'flat' });
		try {
			const topic = await hubRequest(hub, 'GET', '/api/discussion/topics/no-such-topic', { token });
			expect(topic.body).toEqual({ code: 'not_found', message: expect.any(String) });
			const connection = await hubRequest(hub, 'DELETE', '/api/integrations/00000000-0000-4000-8000-000000000000', { token });
			expect(connection.headers.get('content-type')).toBe('application/json');
			expect(connection.body).toEqual({ code: 'not_found', message: expect.any(String) });
			const refused = await hubRequest(hub, 'POST', '/api/chat/dms', { token, body: {} });
			expect(refused.body).toEqual({ code: 'validation_error', message: expect.any(String), field: 'recipientId' });
			expect(takeViolations(hub)).toEqual(['request body: misses "recipientId"']);
		} finally {
			await controlRequest(hub, 'POST', '/__sandbox/settings', { errorShape: 'published' });
		}
	});

	it('answers an injected fault in the flat shape when the fault asks for it', async () => {
		await controlRequest(hub, 'POST', '/__sandbox/faults', { path: '/api/auth/me', status: 400, shape: 'flat' });
		const result = await hubRequest(hub, 'GET', '/api/auth/me', { token });
		expect(result.status).toBe(400);
		expect(result.body).toEqual({ code: 'injected_fault', message: 'Injected fault (400)' });
	});

	it('answers token endpoints in the OAuth shape with the code/message mirror', async () => {
		const result = await tokenRequest(hub, '/api/auth/refresh', { grant_type: 'refresh_token' });
		expect(result.body).toEqual({
			error: 'invalid_client',
			error_description: expect.any(String),
			code: 'invalid_client',
			message: expect.any(String),
		});
	});

	it('can answer the nested shape through an injected fault body', async () => {
		await controlRequest(hub, 'POST', '/__sandbox/faults', {
			path: '/api/auth/me',
			status: 409,
			body: { error: { code: 'conflict', message: 'Nested' } },
		});
		const result = await hubRequest(hub, 'GET', '/api/auth/me', { token });
		expect(result.status).toBe(409);
		expect(result.body).toEqual({ error: { code: 'conflict', message: 'Nested' } });
	});

	describe('bad input never crashes the server', () => {
		afterEach(async () => {
			// The Hub still answers normally after each.
			expect((await hubRequest(hub, 'GET', '/api/auth/me', { token })).status).toBe(200);
		});

		it('malformed JSON: 400 validation_error on body', async () => {
			const result = await hubRequest(hub, 'POST', '/api/chat/dms', { token, body: '{"recipientId":' });
			expect(result.status).toBe(400);
			expect(result.body).toEqual({ error: { code: 'validation_error', message: expect.any(String), field: 'body' } });
			expect(takeViolations(hub)).toEqual(['request body: Request body is not valid JSON']);
		});

		it('a JSON value that is not an object: 400 validation_error', async () => {
			for (const body of ['null', '[1,2]', '"text"', '42']) {
				const result = await hubRequest(hub, 'POST', '/api/chat/dms', { token, body });
				expect(result.status).toBe(400);
				expect(result.body.error.code).toBe('validation_error');
			}
			expect(takeViolations(hub)).toEqual(Array(4).fill('request body: must be object'));
		});

		it('a wrong content type: 400 validation_error', async () => {
			const result = await hubRequest(hub, 'POST', '/api/chat/dms', {
				token,
				body: 'recipientId=x',
				headers: { 'Content-Type': 'text/plain' },
			});
			expect(result.status).toBe(400);
			expect(result.body.error.code).toBe('validation_error');
			expect(result.body.error.message).toContain('application/json');
			const form = await hubRequest(hub, 'POST', '/api/chat/dms', {
				token,
				body: 'recipientId=x',
				headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
			});
			expect(form.status).toBe(400);
			expect(form.body.error).toMatchObject({ code: 'validation_error', field: 'content-type' });
			expect(takeViolations(hub)).toEqual([
				expect.stringMatching(/^request body: Unsupported content type "text\/plain"/),
				'request content-type: "application/x-www-form-urlencoded" is not one of application/json',
			]);
		});

		it('an over-long body: 413 payload_too_large', async () => {
			const result = await hubRequest(hub, 'POST', '/api/chat/dms', {
				token,
				body: JSON.stringify({ recipientId: 'x'.repeat(1024 * 1024 + 10) }),
			});
			expect(result.status).toBe(413);
			expect(result.body).toEqual({ error: { code: 'payload_too_large', message: expect.any(String) } });
			const exchange = await tokenRequest(hub, '/api/oauth/signin/exchange', { code: 'c'.repeat(20_000) });
			expect(exchange.status).toBe(413);
			expect(exchange.body.error).toBe('payload_too_large');
		});

		it('a route or method the types do not publish: 400; one the sandbox lacks: 501; outside the types: 404 and 405', async () => {
			const unknown = await hubRequest(hub, 'GET', '/api/does/not/exist', { token });
			expect(unknown.status).toBe(400);
			expect(unknown.body.error).toMatchObject({ code: 'validation_error', field: 'route' });
			const unpublishedMethod = await hubRequest(hub, 'PATCH', '/api/discussion/topics/t1', { token });
			expect(unpublishedMethod.status).toBe(400);
			expect(takeViolations(hub)).toEqual([
				'request route: GET /api/does/not/exist: no published route has this path',
				'request route: PATCH /api/discussion/topics/t1: only GET, PUT, DELETE is published for this path',
			]);
			// Every published route is implemented: take one out to see what a lacking one answers.
			const updateMe = hub.router.remove('PATCH', '/api/auth/me')!;
			try {
				const lacking = await hubRequest(hub, 'PATCH', '/api/auth/me', { token, body: { name: 'Ada' } });
				expect(lacking.status).toBe(501);
				expect(lacking.body.error.code).toBe('not_implemented');
			} finally {
				hub.router.restore(updateMe);
			}
			const outside = await hubRequest(hub, 'GET', '/api/oauth/nowhere');
			expect(outside.status).toBe(404);
			expect(outside.body.code).toBe('not_found');
			const wrongMethod = await hubRequest(hub, 'GET', '/api/oauth/signin/exchange');
			expect(wrongMethod.status).toBe(405);
			expect(wrongMethod.body.code).toBe('method_not_allowed');
			expect(wrongMethod.headers.get('allow')).toBe('POST');
		});

		it('a malformed percent-encoding in the path, and a raw request line', async () => {
			const result = await hubRequest(hub, 'GET', '/api/discussion/topics/%E0%A4%A', { token });
			expect(result.status).toBe(404);
			const raw = await new Promise<number>((resolve, reject) => {
				const req = httpRequest(`${hub.url}//api//auth/me?x=%zz`, { method: 'GET' }, (response) => {
					response.resume();
					resolve(response.statusCode ?? 0);
				});
				req.on('error', reject);
				req.end();
			});
			expect(raw).toBe(404);
		});

		it('wrongly typed OAuth parameters: 400 invalid_request', async () => {
			const response = await fetch(`${hub.url}/api/oauth/signin/exchange`, {
				method: 'POST',
				headers: { 'Content-Type': 'application/json' },
				body: JSON.stringify({ grant_type: ['authorization_code'], client_id: 42 }),
			});
			expect(response.status).toBe(400);
			expect(((await response.json()) as { error: string }).error).toBe('invalid_request');
		});
	});

	it('never puts a token, secret or password in an error body', async () => {
		const tokens = await obtainTokens(hub, { scopes: ['discussions:read'] });
		const client = hub.info().clients[0];
		const secrets = [tokens.access_token, tokens.refresh_token, client.clientSecret, 'ada-password', token];
		const results = [
			await hubRequest(hub, 'GET', '/api/auth/me', { token: tokens.access_token }),
			await hubRequest(hub, 'GET', '/api/auth/me', { token: `${tokens.access_token}x` }),
			await hubRequest(hub, 'POST', '/api/chat/dms', { token: tokens.access_token, body: { recipientId: tokens.refresh_token } }),
			await hubRequest(hub, 'POST', '/api/chat/dms', { token, body: `{"recipientId":"${client.clientSecret}` }),
			await hubRequest(hub, 'POST', '/api/content/reactions', {
				token,
				body: { targetKind: tokens.refresh_token, targetId: 'x', emoji: 'x' },
			}),
			await tokenRequest(hub, '/api/auth/refresh', {
				grant_type: 'refresh_token',
				refresh_token: tokens.access_token,
				client_id: client.clientId,
				client_secret: client.clientSecret,
			}),
			await tokenRequest(hub, '/api/auth/refresh', {
				grant_type: 'refresh_token',
				refresh_token: tokens.refresh_token,
				client_id: client.clientId,
				client_secret: 'ada-password',
			}),
			await tokenRequest(hub, '/api/oauth/signin/exchange', {
				grant_type: tokens.refresh_token,
				client_id: client.clientId,
				client_secret: client.clientSecret,
			}),
		];
		for (const result of results) {
			expect(result.status).toBeGreaterThanOrEqual(400);
			for (const secret of secrets) expect(result.text).not.toContain(secret);
		}
		// The malformed body is a recorded violation; what is recorded and printed carries no secret either.
		const recorded = takeViolations(hub);
		expect(recorded).toEqual(['request body: Request body is not valid JSON']);
		for (const secret of secrets) expect(recorded.join('\n')).not.toContain(secret);
	});
});
