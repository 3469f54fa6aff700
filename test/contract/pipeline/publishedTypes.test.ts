import { startHub, type Hub } from '../../hub';
import { Hub as HubClass } from '../../hub/hub';
import { isResourcePath, isPublishedRoute } from '../../hub/middleware/contract';
import { controlRequest, hubRequest, remoteViolationReport, takeViolations } from '../../hub/testing';

/*
 * The published types as the sandbox's oracle (issue 11 part 1): every request on a resource route is
 * checked before its route runs, every answer before it is written, and what breaks the types is
 * recorded, printed and exposed.
 */
describe('the published types in the request pipeline', () => {
	let hub: Hub;
	let token: string;
	let topicId: string;
	const printed: string[] = [];
	const silence = HubClass.violationLog;

	beforeAll(async () => {
		HubClass.violationLog = (text) => printed.push(text);
		hub = await startHub();
		token = hub.info().users[0].apiToken;
		topicId = (await hubRequest(hub, 'GET', '/api/discussion/topics?pageSize=1', { token })).body.items[0].id;
	});
	afterAll(async () => {
		HubClass.violationLog = silence;
		await hub.close();
	});
	beforeEach(() => {
		printed.length = 0;
	});

	it('implements no resource route the types do not publish', () => {
		const unpublished = hub.router
			.list()
			.filter((route) => isResourcePath(route.pattern))
			.filter((route) => !isPublishedRoute(route.method, route.pattern.replace(/:[^/]+/g, 'x')))
			.map((route) => route.label);
		expect(unpublished).toEqual([]);
	});

	it('refuses a wrong body with 400 naming the field and the schema path, before the route runs', async () => {
		const before = (await controlRequest(hub, 'GET', '/__sandbox/counters')).executions['POST /api/discussion/topics'] ?? 0;
		const result = await hubRequest(hub, 'POST', '/api/discussion/topics', { token, body: { title: 'T', body: 'B', communityId: 'c', tags: ['x'] } });
		expect(result.status).toBe(400);
		expect(result.body.error).toEqual({
			code: 'validation_error',
			field: 'body',
			message: expect.stringContaining('body: has "tags", which the published type does not define (#/paths/~1discussion~1topics/post/requestBody/content/application~1json/schema/unevaluatedProperties)'),
		});
		expect((await controlRequest(hub, 'GET', '/__sandbox/counters')).executions['POST /api/discussion/topics'] ?? 0).toBe(before);
		const [recorded] = hub.takeViolations();
		expect(recorded).toEqual({
			kind: 'request',
			method: 'POST',
			path: '/api/discussion/topics',
			requestId: result.headers.get('x-request-id'),
			location: 'body',
			message: 'has "tags", which the published type does not define',
			schemaPath: '#/paths/~1discussion~1topics/post/requestBody/content/application~1json/schema/unevaluatedProperties',
		});
		expect(printed.join('')).toContain(`sandbox hub: contract violation (request) POST /api/discussion/topics [${recorded.requestId}]`);
	});

	it('refuses an unknown query parameter, and a route or method the types do not publish', async () => {
		const query = await hubRequest(hub, 'GET', '/api/discussion/topics?sort=popular', { token });
		expect(query.status).toBe(400);
		expect(query.body.error).toMatchObject({ field: 'sort', message: expect.stringContaining('#/paths/~1discussion~1topics/get/parameters') });
		const route = await hubRequest(hub, 'GET', '/api/communities', { token });
		expect(route.status).toBe(400);
		const method = await hubRequest(hub, 'POST', `/api/discussion/topics/${topicId}`, { token, body: { title: 'x' } });
		expect(method.status).toBe(400);
		expect(takeViolations(hub)).toEqual([
			'request query/sort: "sort" is not a published query parameter',
			'request route: GET /api/communities: no published route has this path',
			`request route: POST /api/discussion/topics/${topicId}: only GET, PUT, DELETE is published for this path`,
		]);
	});

	it('answers 500 sandbox_contract_violation, naming the schema path, when its own answer drifts from the types', async () => {
		const topic = hub.state.data.topics[topicId];
		const replyCount = topic.replyCount;
		(topic as unknown as { replyCount: unknown }).replyCount = String(replyCount);
		try {
			const result = await hubRequest(hub, 'GET', `/api/discussion/topics/${topicId}`, { token });
			expect(result.status).toBe(500);
			expect(result.body.error.code).toBe('sandbox_contract_violation');
			expect(result.body.error.message).toContain('response 200 body/replyCount: must be integer (#/components/schemas/DiscussionTopic/properties/replyCount/type)');
		} finally {
			topic.replyCount = replyCount;
		}
		const [recorded] = hub.takeViolations();
		expect(recorded).toMatchObject({ kind: 'response', status: 200, location: 'response 200 body/replyCount' });
		expect(printed.join('')).toContain('contract violation (response)');
	});

	it('catches a field the types do not define in an answer, on a deliberately broken route', async () => {
		// GET /users/{slug}, answered by a broken handler in place of the sandbox's own.
		const real = hub.router.remove('GET', '/api/users/:slug')!;
		hub.router.add('GET', '/api/users/:slug', ({ req }) => ({ status: 200, body: { slug: req.params.slug, displayName: null, avatarUrl: null, nickname: 'x' } }));
		const result = await hubRequest(hub, 'GET', '/api/users/ada', { token });
		hub.router.remove('GET', '/api/users/:slug');
		hub.router.restore(real);
		expect(result.status).toBe(500);
		expect(result.body.error.message).toContain('response 200 body: has "nickname", which the published type does not define');
		expect(takeViolations(hub)).toEqual([
			'response response 200 body: misses "createdAt"',
			'response response 200 body: misses "socialLinks"',
			'response response 200 body: misses "emails"',
			'response response 200 body: misses "phones"',
			'response response 200 body: misses "addresses"',
			'response response 200 body: misses "personas"',
			'response response 200 body: has "nickname", which the published type does not define',
		]);
	});

	it('checks idempotent replays too, but never an injected fault', async () => {
		await controlRequest(hub, 'POST', '/__sandbox/faults', { path: '/api/auth/me', status: 200, body: { anything: true } });
		const faulted = await hubRequest(hub, 'GET', '/api/auth/me', { token });
		expect([faulted.status, faulted.body]).toEqual([200, { anything: true }]);
		const headers = { 'Idempotency-Key': 'replay-checked' };
		// The pipeline replays only in every-post mode (by default the action route dedupes itself).
		await controlRequest(hub, 'POST', '/__sandbox/settings', { idempotency: 'every-post' });
		const mailgun = Object.values(hub.state.data.connections).find((connection) => connection.provider === 'mailgun')!;
		const act = () =>
			hubRequest(hub, 'POST', `/api/integrations/${mailgun.id}/actions/send`, { token, body: { to: ['grace@example.com'], subject: 'S', bodyText: 'Once' }, headers });
		const first = await act();
		const replay = await act();
		await controlRequest(hub, 'POST', '/__sandbox/settings', { idempotency: 'declared' });
		expect(replay.headers.get('idempotent-replayed')).toBe('true');
		expect(replay.body).toEqual(first.body);
		expect(hub.violations).toEqual([]);
	});

	it('exposes the violations over the control API, counts them, and a reset clears them', async () => {
		await hubRequest(hub, 'GET', '/api/notifications?status=unread', { token });
		const listed = await controlRequest(hub, 'GET', '/__sandbox/violations');
		expect(listed.violations).toEqual([expect.objectContaining({ kind: 'request', location: 'query/status', path: '/api/notifications' })]);
		const counted = (await controlRequest(hub, 'GET', '/__sandbox/counters')).violations;
		expect(counted).toBeGreaterThanOrEqual(1);
		const taken = await controlRequest(hub, 'DELETE', '/__sandbox/violations');
		expect(taken).toEqual(listed);
		expect((await controlRequest(hub, 'GET', '/__sandbox/violations')).violations).toEqual([]);
		await hubRequest(hub, 'GET', '/api/notifications?status=unread', { token });
		await controlRequest(hub, 'POST', '/__sandbox/reset');
		expect(await controlRequest(hub, 'GET', '/__sandbox/violations')).toEqual({ violations: [] });
		expect((await controlRequest(hub, 'GET', '/__sandbox/counters')).violations).toBe(0);
		token = hub.info().users[0].apiToken;
		topicId = (await hubRequest(hub, 'GET', '/api/discussion/topics?pageSize=1', { token })).body.items[0].id;
	});

	it('reports them over HTTP for a Hub in another process, as the e2e teardown and the bench read them', async () => {
		expect(await remoteViolationReport(hub.url, 'during this check')).toBe('');
		await hubRequest(hub, 'GET', '/api/notifications?read=maybe', { token });
		const report = await remoteViolationReport(hub.url, 'during this check');
		expect(report).toBe(
			'The sandbox Hub recorded 1 published-types violation(s) during this check that no test expected:\n' +
				'request GET /api/notifications: query/read: must be boolean (#/paths/~1notifications/get/parameters/4/schema/type)',
		);
		expect((await controlRequest(hub, 'DELETE', '/__sandbox/violations')).violations).toHaveLength(1);
		expect(await remoteViolationReport('http://127.0.0.1:9', 'during this check')).toMatch(/^Could not read the sandbox Hub's violations during this check: /);
	});

	it('with the flat error shape, error answers are exempt but success answers are still checked', async () => {
		await controlRequest(hub, 'POST', '/__sandbox/settings', { errorShape: 'flat' });
		try {
			const missing = await hubRequest(hub, 'GET', '/api/discussion/topics/nope', { token });
			expect(missing.body).toEqual({ code: 'not_found', message: expect.any(String) });
			expect(hub.violations).toEqual([]);
			const topic = hub.state.data.topics[topicId];
			(topic as unknown as { title: unknown }).title = 42;
			const drifted = await hubRequest(hub, 'GET', `/api/discussion/topics/${topicId}`, { token });
			expect(drifted.status).toBe(500);
			expect(drifted.body).toMatchObject({ code: 'sandbox_contract_violation' });
			expect(takeViolations(hub)).toEqual(['response response 200 body/title: must be string']);
		} finally {
			await controlRequest(hub, 'POST', '/__sandbox/reset');
			token = hub.info().users[0].apiToken;
			topicId = (await hubRequest(hub, 'GET', '/api/discussion/topics?pageSize=1', { token })).body.items[0].id;
		}
	});
});

describe('maxPageSize: a Hub that serves smaller pages than asked', () => {
	let hub: Hub;
	let token: string;

	beforeAll(async () => {
		hub = await startHub({ maxPageSize: 7 });
		token = hub.info().users[0].apiToken;
	});
	afterAll(() => hub.close());

	it('serves at most that many per page on every list, paging by what it served', async () => {
		const topics = (page: number) => hubRequest(hub, 'GET', `/api/discussion/topics?page=${page}&pageSize=100`, { token });
		const [first, second] = [(await topics(1)).body.items, (await topics(2)).body.items];
		expect([first.length, second.length]).toEqual([7, 7]);
		expect(new Set([...first, ...second].map((topic: { id: string }) => topic.id)).size).toBe(14);
		const notifications = await hubRequest(hub, 'GET', '/api/notifications?pageSize=100&status=inbox', { token });
		expect(notifications.body).toMatchObject({ pageSize: 7 });
		expect(notifications.body.items.length).toBeLessThanOrEqual(7);
		const chats = await hubRequest(hub, 'GET', '/api/chat/dms?pageSize=500', { token });
		expect(chats.body.pageSize).toBe(7);
		const search = await hubRequest(hub, 'GET', '/api/search/discussions?q=reply&type=posts&pageSize=100', { token });
		expect(search.body).toMatchObject({ pageSize: 7, postsHasMore: true });
		expect(search.body.posts).toHaveLength(7);
	});

	it('is a run-time setting too, and 0 turns it off', async () => {
		await controlRequest(hub, 'POST', '/__sandbox/settings', { maxPageSize: 0 });
		const topics = await hubRequest(hub, 'GET', '/api/discussion/topics?pageSize=20', { token });
		expect(topics.body.items).toHaveLength(20);
		await controlRequest(hub, 'POST', '/__sandbox/settings', { maxPageSize: 3 });
		expect((await hubRequest(hub, 'GET', '/api/discussion/topics?pageSize=20', { token })).body.items).toHaveLength(3);
	});
});
