import { startHub, type Hub } from '../../hub';
import { controlRequest, hubRequest, obtainTokens } from '../../hub/testing';

/** The control API `/__sandbox/*` (interfaces.md section 2). */
describe('control API', () => {
	let hub: Hub;
	let ada: string;

	beforeAll(async () => {
		hub = await startHub({ redirectUris: ['http://localhost:5678/rest/oauth2-credential/callback'] });
		ada = hub.info().users[0].apiToken;
	});
	afterAll(() => hub.close());

	it('GET /__sandbox/info is hub.info(): url, the default client, the three users in order', async () => {
		const info = await controlRequest(hub, 'GET', '/__sandbox/info');
		expect(info).toEqual(hub.info());
		expect(info.url).toBe(hub.url);
		expect(info.clients[0]).toEqual({
			clientId: expect.any(String),
			clientSecret: expect.any(String),
			redirectUris: ['http://localhost:5678/rest/oauth2-credential/callback'],
		});
		expect(info.users).toEqual([
			{ id: expect.any(String), email: 'ada@example.com', name: 'Ada Lovelace', password: 'ada-password', apiToken: expect.stringMatching(/^adh_pat_/) },
			{ id: expect.any(String), email: 'grace@example.com', name: 'Grace Hopper', password: 'grace-password', apiToken: expect.stringMatching(/^adh_pat_/) },
			{ id: expect.any(String), email: 'alan@example.com', name: 'Alan Turing', password: 'alan-password', apiToken: expect.stringMatching(/^adh_pat_/) },
		]);
		for (const user of info.users) expect(user.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
	});

	describe('POST /__sandbox/clients', () => {
		it('registers an app whose flow works with its own redirect URI', async () => {
			const created = await controlRequest(hub, 'POST', '/__sandbox/clients', {
				name: 'Second app',
				redirectUris: ['http://127.0.0.1:9999/cb', 'https://app.example.com/oauth/callback'],
			});
			expect(created).toEqual({
				clientId: expect.any(String),
				clientSecret: expect.any(String),
				redirectUris: ['http://127.0.0.1:9999/cb', 'https://app.example.com/oauth/callback'],
			});
			expect(hub.info().clients.map((client) => client.clientId)).toContain(created.clientId);
			expect(hub.info().clients[0].clientId).not.toBe(created.clientId);
			const tokens = await obtainTokens(hub, {
				scopes: ['profile:read'],
				clientId: created.clientId,
				clientSecret: created.clientSecret,
				redirectUri: 'https://app.example.com/oauth/callback',
			});
			expect(tokens.access_token).toMatch(/^adh_/);
		});

		it.each([
			['plain http on another host', 'http://example.com/cb'],
			['http localhost without a port', 'http://localhost/cb'],
			['a fragment', 'https://app.example.com/cb#x'],
			['not a URL', 'not a url'],
			['another scheme', 'ftp://localhost:21/cb'],
		])('refuses %s with 400', async (_, uri) => {
			const result = await hubRequest(hub, 'POST', '/__sandbox/clients', { body: { redirectUris: [uri] } });
			expect(result.status).toBe(400);
			expect(result.body).toMatchObject({ code: 'validation_error', field: 'redirectUris' });
		});

		it('applies the same rule to the default client\'s redirect URIs at start', async () => {
			await expect(startHub({ redirectUris: ['http://example.com/callback'] })).rejects.toThrow(/must be HTTPS/);
		});

		it('refuses an empty list', async () => {
			const result = await hubRequest(hub, 'POST', '/__sandbox/clients', { body: { redirectUris: [] } });
			expect(result.status).toBe(400);
		});
	});

	it('POST /__sandbox/personal-tokens takes an email or an id; 404 for an unknown user', async () => {
		const grace = hub.info().users[1];
		for (const user of [grace.email, grace.id]) {
			const { token } = await controlRequest(hub, 'POST', '/__sandbox/personal-tokens', { user });
			expect(token).toMatch(/^adh_pat_/);
			expect((await hubRequest(hub, 'GET', '/api/auth/me', { token })).body.id).toBe(grace.id);
		}
		const unknown = await hubRequest(hub, 'POST', '/__sandbox/personal-tokens', { body: { user: 'nobody@example.com' } });
		expect(unknown.status).toBe(404);
	});

	it('POST /__sandbox/settings changes the access-token lifetime of new tokens', async () => {
		const settings = await controlRequest(hub, 'POST', '/__sandbox/settings', { accessTokenTtl: 120 });
		expect(settings).toEqual({ accessTokenTtl: 120, rateLimit: 0, idempotency: 'declared', errorShape: 'published', maxPageSize: 0, syncWorker: true, future: false, tokenEndpoint: 'standard' });
		const tokens = await obtainTokens(hub, { scopes: ['profile:read'] });
		expect(tokens.expires_in).toBe(120);
		await controlRequest(hub, 'POST', '/__sandbox/clock', { advanceSeconds: 121 });
		expect((await hubRequest(hub, 'GET', '/api/auth/me', { token: tokens.access_token })).body.error.code).toBe('token_expired');
		await controlRequest(hub, 'POST', '/__sandbox/settings', { accessTokenTtl: 3600 });
		const invalid = await hubRequest(hub, 'POST', '/__sandbox/settings', { body: { accessTokenTtl: -1 } });
		expect(invalid.status).toBe(400);
	});

	it('POST /__sandbox/clock moves the hub clock and answers the new time', async () => {
		const before = hub.clock.now();
		const result = await controlRequest(hub, 'POST', '/__sandbox/clock', { advanceSeconds: 90 });
		expect(result.now).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
		expect(Date.parse(result.now) - before).toBeGreaterThanOrEqual(90_000);
	});

	it('POST /__sandbox/clock { frozen } stops the hub clock but for advances, and lets it run again', async () => {
		const frozen = await controlRequest(hub, 'POST', '/__sandbox/clock', { frozen: true });
		expect(frozen.frozen).toBe(true);
		const stoppedAt = hub.clock.now();
		await new Promise((resolve) => setTimeout(resolve, 20));
		expect(hub.clock.now()).toBe(stoppedAt);
		const advanced = await controlRequest(hub, 'POST', '/__sandbox/clock', { advanceSeconds: 45 });
		expect(Date.parse(advanced.now)).toBe(stoppedAt + 45_000);
		const thawed = await controlRequest(hub, 'POST', '/__sandbox/clock', { frozen: false });
		expect(thawed.frozen).toBe(false);
		await new Promise((resolve) => setTimeout(resolve, 20));
		expect(hub.clock.now()).toBeGreaterThan(stoppedAt + 45_000);
	});

	describe('activity', () => {
		it('creates topics by another user, with ` #n` suffixes when count > 1', async () => {
			const community = await hubRequest(hub, 'GET', '/api/communities/agentic-builders', { token: ada });
			const result = await controlRequest(hub, 'POST', '/__sandbox/activity/topics', {
				user: 'ada@example.com',
				communityId: community.body.id,
				title: 'Generated',
				body: 'Body',
				count: 3,
			});
			expect(result.items.map((topic: { title: string }) => topic.title)).toEqual(['Generated #1', 'Generated #2', 'Generated #3']);
			expect(result.items[0].customerId).toBe(hub.info().users[0].id);
		});

		it('creates posts in a topic', async () => {
			const community = await hubRequest(hub, 'GET', '/api/communities/agentic-builders', { token: ada });
			const topic = await controlRequest(hub, 'POST', '/__sandbox/activity/topics', {
				user: 'ada@example.com',
				communityId: community.body.id,
				title: 'For posts',
				body: 'Opening',
			});
			const result = await controlRequest(hub, 'POST', '/__sandbox/activity/posts', {
				user: 'grace@example.com',
				topicId: topic.items[0].id,
				body: 'Reply',
				count: 2,
			});
			expect(result.items.map((post: { content: string }) => post.content)).toEqual(['Reply #1', 'Reply #2']);
			expect(result.items[0].customerId).toBe(hub.info().users[1].id);
		});

		it('sends direct messages, opening the chat if needed', async () => {
			const result = await controlRequest(hub, 'POST', '/__sandbox/activity/messages', {
				user: 'alan@example.com',
				recipient: 'grace@example.com',
				body: 'Hi Grace',
			});
			expect(result.items).toHaveLength(1);
			expect(result.items[0]).toMatchObject({ body: 'Hi Grace', senderUserId: hub.info().users[2].id });
		});

		it('creates notifications with an actor', async () => {
			const result = await controlRequest(hub, 'POST', '/__sandbox/activity/notifications', {
				user: 'ada@example.com',
				category: 'community_mention',
				title: 'Mentioned',
				body: 'You were mentioned',
				actor: 'grace@example.com',
				count: 2,
			});
			expect(result.items.map((item: { title: string; body: string }) => [item.title, item.body])).toEqual([
				['Mentioned #1', 'You were mentioned #1'],
				['Mentioned #2', 'You were mentioned #2'],
			]);
			expect(result.items[0].actorId).toBe(hub.info().users[1].id);
		});

		it('answers the domain functions\' errors', async () => {
			const result = await hubRequest(hub, 'POST', '/__sandbox/activity/posts', {
				body: { user: 'ada@example.com', topicId: 'no-such-topic', body: 'x' },
			});
			expect(result.status).toBe(404);
			const invalid = await hubRequest(hub, 'POST', '/__sandbox/activity/notifications', {
				body: { user: 'ada@example.com', category: 'not-a-category', title: 'x' },
			});
			expect(invalid.status).toBe(400);
		});
	});
});
