import { startHub, type Hub } from '../../hub';
import { controlRequest, hubRequest } from '../../hub/testing';

/** `POST /__sandbox/faults` (interfaces.md section 2). */
describe('fault injection', () => {
	let hub: Hub;
	let token: string;

	beforeAll(async () => {
		hub = await startHub();
		token = hub.info().users[0].apiToken;
	});
	afterAll(() => hub.close());
	afterEach(() => controlRequest(hub, 'DELETE', '/__sandbox/faults'));

	const me = () => hubRequest(hub, 'GET', '/api/auth/me', { token });
	const counters = () => controlRequest(hub, 'GET', '/__sandbox/counters');
	const fault = (spec: Record<string, unknown>) => controlRequest(hub, 'POST', '/__sandbox/faults', spec);

	it('answers the next `count` matching requests with the status, body and headers, without running the route', async () => {
		const created = await fault({
			path: '/api/chat/dms',
			method: 'POST',
			count: 2,
			status: 503,
			body: { code: 'internal_error', message: 'Down for a moment' },
			headers: { 'Retry-After': '7' },
		});
		expect(created.id).toEqual(expect.any(String));
		const before = await counters();
		const send = () =>
			hubRequest(hub, 'POST', '/api/chat/dms', { token, body: { recipientId: hub.info().users[1].id } });
		for (let i = 0; i < 2; i++) {
			const result = await send();
			expect(result.status).toBe(503);
			expect(result.body).toEqual({ code: 'internal_error', message: 'Down for a moment' });
			expect(result.headers.get('retry-after')).toBe('7');
			expect(result.headers.get('x-request-id')).toMatch(/^req_/);
		}
		const during = await counters();
		expect(during.executions['POST /api/chat/dms'] ?? 0).toBe(before.executions['POST /api/chat/dms'] ?? 0);
		expect(during.faultsInjected).toBe(before.faultsInjected + 2);
		expect(during.requests['POST /api/chat/dms']['503']).toBe(2);
		const third = await send();
		expect(third.status).toBeLessThan(300);
		expect((await counters()).executions['POST /api/chat/dms']).toBe((before.executions['POST /api/chat/dms'] ?? 0) + 1);
	});

	it('defaults to one request and renders a body in the route\'s error shape when none is given', async () => {
		await fault({ path: '/api/integrations/providers', status: 500 });
		const problem = await hubRequest(hub, 'GET', '/api/integrations/providers', { token });
		expect(problem.status).toBe(500);
		expect(problem.headers.get('content-type')).toBe('application/problem+json');
		expect(problem.body).toMatchObject({ status: 500, title: 'Internal Server Error' });
		expect((await hubRequest(hub, 'GET', '/api/integrations/providers', { token })).status).toBe(200);

		await fault({ path: '/api/auth/refresh', status: 503 });
		const oauth = await hubRequest(hub, 'POST', '/api/auth/refresh', { body: {} });
		expect(oauth.body).toMatchObject({ error: 'internal_error', code: 'internal_error' });
	});

	it('matches the method: other methods pass', async () => {
		await fault({ path: '/api/auth/me', method: 'POST', status: 500 });
		expect((await me()).status).toBe(200);
	});

	it('globs: `*` stays within a segment, `**` matches anything', async () => {
		await fault({ path: '/api/discussion/topics/*', status: 418, count: 5 });
		expect((await hubRequest(hub, 'GET', '/api/discussion/topics/abc', { token })).status).toBe(418);
		expect((await hubRequest(hub, 'GET', '/api/discussion/topics/abc/posts', { token })).status).not.toBe(418);
		await controlRequest(hub, 'DELETE', '/__sandbox/faults');
		await fault({ path: '/api/discussion/**', status: 418, count: 5 });
		expect((await hubRequest(hub, 'GET', '/api/discussion/topics/abc/posts', { token })).status).toBe(418);
		expect((await me()).status).toBe(200);
	});

	it('delays, then handles the request normally', async () => {
		const before = await counters();
		await fault({ path: '/api/auth/me', delayMs: 50 });
		const result = await me();
		expect(result.status).toBe(200);
		expect(result.body.email).toBe('ada@example.com');
		const after = await counters();
		expect(after.faultsInjected).toBe(before.faultsInjected + 1);
		expect(after.executions['GET /api/auth/me']).toBe((before.executions['GET /api/auth/me'] ?? 0) + 1);
	});

	it('resets the connection with no answer', async () => {
		await fault({ path: '/api/auth/me', reset: true });
		await expect(me()).rejects.toThrow();
		expect((await counters()).requests['GET /api/auth/me'].reset).toBe(1);
		expect((await me()).status).toBe(200);
	});

	it('DELETE /__sandbox/faults clears every pending fault', async () => {
		await fault({ path: '/**', status: 500, count: 100 });
		await controlRequest(hub, 'DELETE', '/__sandbox/faults');
		expect((await me()).status).toBe(200);
	});

	it('never faults the control API itself', async () => {
		await fault({ path: '/**', status: 500, count: 100 });
		expect((await hubRequest(hub, 'GET', '/__sandbox/info')).status).toBe(200);
	});

	it('validates the fault', async () => {
		const result = await hubRequest(hub, 'POST', '/__sandbox/faults', { body: { status: 500 } });
		expect(result.status).toBe(400);
		expect(result.body.field).toBe('path');
	});
});
