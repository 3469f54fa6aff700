import { startHub, type Hub } from '../../hub';
import { controlRequest, hubRequest, obtainTokens, takeViolations, tokenRequest } from '../../hub/testing';

/** `GET /__sandbox/counters` and `POST /__sandbox/reset` (interfaces.md section 2). */
describe('counters and reset', () => {
	let hub: Hub;

	beforeAll(async () => {
		// Every POST honours Idempotency-Key here, so that a replay of read-all is counted.
		hub = await startHub({ idempotency: 'every-post' });
	});
	afterAll(() => hub.close());

	it('counts responses by route and status, executions, grants, refreshes, reuse, revocations, replays and faults', async () => {
		const client = hub.info().clients[0];
		const refresh = (refreshToken: string) =>
			tokenRequest(hub, '/api/auth/refresh', {
				grant_type: 'refresh_token',
				refresh_token: refreshToken,
				client_id: client.clientId,
				client_secret: client.clientSecret,
			});
		const tokens = await obtainTokens(hub, { scopes: ['profile:read', 'discussions:write'] });
		await hubRequest(hub, 'GET', '/api/auth/me', { token: tokens.access_token });
		await hubRequest(hub, 'GET', '/api/auth/me');
		const rotated = await refresh(tokens.refresh_token);
		await refresh(tokens.refresh_token); // reuse: revokes the family
		await hubRequest(hub, 'GET', `/api/discussion/topics/${'missing'}`, { token: rotated.body.access_token });
		const ada = hub.info().users[0].apiToken;
		const headers = { 'Idempotency-Key': 'counted' };
		await hubRequest(hub, 'POST', '/api/notifications/read-all', { token: ada, headers });
		await hubRequest(hub, 'POST', '/api/notifications/read-all', { token: ada, headers });
		await controlRequest(hub, 'POST', '/__sandbox/faults', { path: '/api/auth/me', status: 502 });
		await hubRequest(hub, 'GET', '/api/auth/me', { token: ada });
		await hubRequest(hub, 'GET', '/api/notifications?sort=new', { token: ada });
		expect(takeViolations(hub)).toEqual(['request query/sort: "sort" is not a published query parameter']);

		const counters = await controlRequest(hub, 'GET', '/__sandbox/counters');
		expect(counters).toEqual({
			requests: {
				'GET /api/oauth/signin/start': { '200': 1 },
				'POST /api/oauth/signin/login': { '200': 1 },
				'POST /api/oauth/signin/consent': { '303': 1 },
				'POST /api/oauth/signin/exchange': { '200': 1 },
				'GET /api/auth/me': { '200': 1, '401': 1, '502': 1 },
				'POST /api/auth/refresh': { '200': 1, '400': 1 },
				'GET /api/discussion/topics/:id': { '401': 1 },
				'POST /api/notifications/read-all': { '200': 2 },
				'GET /api/notifications': { '400': 1 },
			},
			executions: {
				'GET /api/oauth/signin/start': 1,
				'POST /api/oauth/signin/login': 1,
				// the consent redirect is a 303: executions count 2xx only
				'POST /api/oauth/signin/exchange': 1,
				'GET /api/auth/me': 1,
				'POST /api/auth/refresh': 1,
				'POST /api/notifications/read-all': 1,
			},
			grants: { authorization_code: 1, refresh_token: 1 },
			refreshes: 2,
			reuseDetections: 1,
			familiesRevoked: 1,
			idempotentReplays: 1,
			faultsInjected: 1,
			// Taking the violations does not lower the count.
			violations: 1,
			streams: { open: { notifications: 0, chat: 0 }, opened: { notifications: 0, chat: 0 }, peak: { notifications: 0, chat: 0 }, queryTokenConnects: 0, wakeUps: 0 },
		});
	});

	it('reset: fresh seed (new ids and secrets), counters, faults, clock and settings', async () => {
		const before = hub.info();
		const oldToken = before.users[0].apiToken;
		await hubRequest(hub, 'GET', '/api/nowhere', { token: oldToken });
		expect((await controlRequest(hub, 'GET', '/__sandbox/violations')).violations).toHaveLength(1);
		await controlRequest(hub, 'POST', '/__sandbox/settings', { accessTokenTtl: 60, rateLimit: 1, idempotency: 'declared' });
		await controlRequest(hub, 'POST', '/__sandbox/faults', { path: '/**', status: 500, count: 10 });
		await controlRequest(hub, 'POST', '/__sandbox/clock', { advanceSeconds: 3600 });
		await controlRequest(hub, 'POST', '/__sandbox/action-failures', { error: 'Refused' });
		await controlRequest(hub, 'POST', '/__sandbox/settings', { errorShape: 'flat', maxPageSize: 5, syncWorker: false });

		const after = await controlRequest(hub, 'POST', '/__sandbox/reset');
		expect(after).toEqual(hub.info());
		expect(after.url).toBe(hub.url);
		expect(after.users.map((user: { email: string }) => user.email)).toEqual([
			'ada@example.com',
			'grace@example.com',
			'alan@example.com',
		]);
		expect(after.users[0].id).not.toBe(before.users[0].id);
		expect(after.users[0].apiToken).not.toBe(oldToken);
		expect(after.clients[0].clientSecret).not.toBe(before.clients[0].clientSecret);
		expect(Math.abs(hub.clock.now() - Date.now())).toBeLessThan(60_000);
		// Settings go back to the options the sandbox was started with.
		expect(hub.settings).toEqual({ accessTokenTtl: 3600, rateLimit: 0, idempotency: 'every-post', errorShape: 'published', maxPageSize: 0, syncWorker: true, future: false, tokenEndpoint: 'standard' });

		const counters = await controlRequest(hub, 'GET', '/__sandbox/counters');
		expect(counters).toMatchObject({ requests: {}, executions: {}, refreshes: 0, faultsInjected: 0, violations: 0 });
		expect(await controlRequest(hub, 'GET', '/__sandbox/violations')).toEqual({ violations: [] });
		expect((await hubRequest(hub, 'GET', '/api/auth/me', { token: oldToken })).status).toBe(401);
		const me = await hubRequest(hub, 'GET', '/api/auth/me', { token: after.users[0].apiToken });
		expect(me.status).toBe(200); // no fault left, no rate limit of 1 left
		expect((await hubRequest(hub, 'GET', '/api/auth/me', { token: after.users[0].apiToken })).status).toBe(200);
		const tokens = await obtainTokens(hub, { scopes: ['profile:read'] });
		expect(tokens.expires_in).toBe(3600);
	});
});
