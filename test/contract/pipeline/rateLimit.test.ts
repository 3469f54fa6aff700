import { startHub, type Hub } from '../../hub';
import { controlRequest, hubRequest, tokenRequest } from '../../hub/testing';

/** `--rate-limit N`: N requests per token per minute, on the hub clock (hub-api.md section 2, 429). */
describe('rate limit', () => {
	let hub: Hub;
	let ada: string;
	let grace: string;

	beforeAll(async () => {
		hub = await startHub({ rateLimit: 3 });
		// Time stands still but for the test's own advances: a slow machine must not move a Retry-After.
		hub.clock.freeze();
		[ada, grace] = hub.info().users.map((user) => user.apiToken);
		// The first answer compiles the published types' schemas it is checked against: not inside a timed window.
		await hubRequest(hub, 'GET', '/api/auth/me', { token: grace });
	});
	afterAll(() => hub.close());

	const me = (token: string) => hubRequest(hub, 'GET', '/api/auth/me', { token });

	function startOfMinute() {
		// Start each test at the beginning of a fresh window, so the arithmetic below is exact.
		hub.clock.advance(60_000 - (hub.clock.now() % 60_000));
	}

	it('answers 429 rate_limited with an integer Retry-After past N requests a minute', async () => {
		startOfMinute();
		for (let i = 0; i < 3; i++) expect((await me(ada)).status).toBe(200);
		hub.clock.advance(15_500);
		const limited = await me(ada);
		expect(limited.status).toBe(429);
		expect(limited.body).toEqual({ error: { code: 'rate_limited', message: expect.any(String) } });
		expect(limited.headers.get('retry-after')).toMatch(/^\d+$/);
		expect(Number(limited.headers.get('retry-after'))).toBe(45);
		expect(limited.headers.get('x-request-id')).toMatch(/^req_/);
	});

	it('counts per token: another token still gets through', async () => {
		startOfMinute();
		for (let i = 0; i < 4; i++) await me(ada);
		expect((await me(ada)).status).toBe(429);
		expect((await me(grace)).status).toBe(200);
	});

	it('opens again in the next minute by the hub clock', async () => {
		startOfMinute();
		for (let i = 0; i < 4; i++) await me(ada);
		expect((await me(ada)).status).toBe(429);
		hub.clock.advance(60_000);
		expect((await me(ada)).status).toBe(200);
	});

	it('can be changed at run time, and 0 turns it off', async () => {
		startOfMinute();
		await controlRequest(hub, 'POST', '/__sandbox/settings', { rateLimit: 0 });
		for (let i = 0; i < 6; i++) expect((await me(ada)).status).toBe(200);
		const settings = await controlRequest(hub, 'POST', '/__sandbox/settings', { rateLimit: 1 });
		expect(settings.rateLimit).toBe(1);
		hub.clock.advance(60_000);
		expect((await me(grace)).status).toBe(200);
		expect((await me(grace)).status).toBe(429);
		await controlRequest(hub, 'POST', '/__sandbox/settings', { rateLimit: 3 });
	});

	it('does not limit the token endpoints or the control API', async () => {
		startOfMinute();
		for (let i = 0; i < 5; i++) {
			expect((await tokenRequest(hub, '/api/auth/revoke', { token: 'x' })).status).toBe(401);
			expect((await hubRequest(hub, 'GET', '/__sandbox/info')).status).toBe(200);
		}
	});
});
