import type { IDataObject } from 'n8n-workflow';
import { dropAnswer, recordRetryWaits, watchRequests } from '../transport/support';
import { retriedOnFailure, rl, seededCommunity, useNodeHarness } from './support';

const CREATE_TOPIC = 'POST /api/discussion/topics';
const LIST_TOPICS = 'GET /api/discussion/topics';
const REPLY = 'POST /api/discussion/topics/:id/posts';
const CONNECT = 'POST /api/integrations/connect';
const SYNC = 'POST /api/integrations/:connectionId/sync';

/**
 * hub-api.md section 2 "Retries and idempotency": the sandbox honours Idempotency-Key on the
 * action route only (its default, as the published types declare), so a Topic Create, Post Reply,
 * Integration Connect or Sync Now whose answer is lost must be settled by the node itself.
 */
describe('exactly once without undeclared help', () => {
	const hub = useNodeHarness();
	let waits: ReturnType<typeof recordRetryWaits>;
	let watching: { stop: () => void } | undefined;
	const data = () => hub.harness.hub.state.data;
	const executions = (label: string) => hub.harness.hub.counters.executions[label] ?? 0;
	const responses = (label: string) => ({ ...(hub.harness.hub.counters.requests[label] ?? {}) });
	const topicsTitled = (title: string) => Object.values(data().topics).filter((topic) => topic.title === title);
	const createTopic = (title: string) => ({ resource: 'topic', operation: 'create', communityId: rl(seededCommunity(hub.harness.hub).id), title, body: 'Once' });
	/** The Hub runs the nth matching request, then its answer is lost. */
	const loseAnswer = (method: string, path: string | RegExp, nth = 1) => {
		watching = watchRequests(hub.harness.hub, method, path, (response, seen) => seen === nth && dropAnswer(response));
	};
	/** The request after the nth matching one is answered 500 before its route runs. */
	const failAfter = (method: string, path: string, nth: number) => {
		watching = watchRequests(hub.harness.hub, method, path, (_response, seen) => {
			if (seen === nth) hub.harness.hub.faults.add({ method, path, count: 1, status: 500 });
		});
	};

	beforeAll(() => expect(hub.harness.hub.settings.idempotency).toBe('declared'));
	beforeEach(() => {
		waits = recordRetryWaits();
	});
	afterEach(async () => {
		watching?.stop();
		watching = undefined;
		waits.restore();
		hub.harness.hub.clock.reset();
		await hub.control('DELETE', '/__sandbox/faults');
	});

	describe('Topic Create', () => {
		it('a lost answer after the Hub created the topic: read back and returned, created once', async () => {
			loseAnswer('POST', '/api/discussion/topics');
			const before = { posts: responses(CREATE_TOPIC), runs: executions(CREATE_TOPIC) };

			const [topic] = await hub.runJson(createTopic('Lost answer topic'));

			expect(topicsTitled('Lost answer topic').map((created) => created.id)).toEqual([topic.id]);
			expect(topic).toMatchObject({ title: 'Lost answer topic', customerId: hub.users().ada.id });
			expect(executions(CREATE_TOPIC) - before.runs).toBe(1);
			expect(waits.waits).toEqual([]);
		});

		it('a 500 before the route ran: the read-back finds nothing, so it is sent again once', async () => {
			await hub.control('POST', '/__sandbox/faults', { method: 'POST', path: '/api/discussion/topics', status: 500 });
			const lists = await hub.requests(LIST_TOPICS);

			const [topic] = await hub.runJson(createTopic('Resent after a 500'));

			expect(topicsTitled('Resent after a 500').map((created) => created.id)).toEqual([topic.id]);
			expect(await hub.requests(LIST_TOPICS)).toBe(lists + 1);
			expect(waits.waits).toHaveLength(1);
		});

		it('a read-back that fails: an "outcome unknown" error that says what to check, never a resend', async () => {
			await hub.control('POST', '/__sandbox/faults', { method: 'POST', path: '/api/discussion/topics', status: 502 });
			await hub.control('POST', '/__sandbox/faults', { method: 'GET', path: '/api/discussion/topics', status: 500, count: 50 });
			const runs = executions(CREATE_TOPIC);

			const error = await hub.runError(createTopic('Unknown outcome'), { items: [{ json: {} }, { json: {} }] });

			expect(error.message).toMatch(
				/^The Hub may or may not have created the topic "Unknown outcome": check the community before running again \[item 0\] \[Request ID: req_[0-9a-f-]+\]$/,
			);
			expect(error.description).toMatch(/The Hub answered HTTP 502, and reading back failed: The Hub failed to process the request \(HTTP 500\) after 5 attempts/);
			expect((error.context as IDataObject).itemIndex).toBe(0);
			// Read back five times (the first and the POST's four retries), each GET with its own five attempts.
			expect(responses(LIST_TOPICS)['500']).toBeGreaterThanOrEqual(25);
			expect(executions(CREATE_TOPIC)).toBe(runs);
			expect(topicsTitled('Unknown outcome')).toHaveLength(0);
		});

		it("n8n's Retry On Fail after an unknown outcome reads back first, and returns the topic instead of sending it again", async () => {
			loseAnswer('POST', '/api/discussion/topics');
			// Every read-back of the first try fails: five read-backs (the POST's budget) of five GETs each.
			await hub.control('POST', '/__sandbox/faults', { method: 'GET', path: '/api/discussion/topics', status: 500, count: 25 });
			const runs = executions(CREATE_TOPIC);
			const failedLists = responses(LIST_TOPICS)['500'] ?? 0;

			const [topic] = await hub.runJson(createTopic('Settled on retry'), { nodeType: retriedOnFailure() });

			expect(topicsTitled('Settled on retry').map((created) => created.id)).toEqual([topic.id]);
			expect(executions(CREATE_TOPIC)).toBe(runs + 1);
			// The first try's read-backs all failed; the retry read back before sending anything.
			expect((responses(LIST_TOPICS)['500'] ?? 0) - failedLists).toBe(25);
		});

		it('a 429 proves the Hub did nothing: sent again after Retry-After, without reading back', async () => {
			await hub.control('POST', '/__sandbox/faults', { method: 'POST', path: '/api/discussion/topics', status: 429, headers: { 'Retry-After': '2' } });
			const lists = await hub.requests(LIST_TOPICS);

			const [topic] = await hub.runJson(createTopic('Rate limited once'));

			expect(topicsTitled('Rate limited once').map((created) => created.id)).toEqual([topic.id]);
			expect(waits.waits).toEqual([2000]);
			expect(await hub.requests(LIST_TOPICS)).toBe(lists);
		});

		describe('two items with the same title in one run', () => {
			const items = [{ json: {} }, { json: {} }];

			it('item 1 fails before the Hub ran it: item 0\'s topic is not taken for it, item 1 is sent again', async () => {
				failAfter('POST', '/api/discussion/topics', 1);

				const output = await hub.runJson(createTopic('Twin title, 500'), { items });

				expect(output[0].id).not.toBe(output[1].id);
				expect(topicsTitled('Twin title, 500').map((topic) => topic.id).sort()).toEqual([output[0].id, output[1].id].sort());
			});

			it("item 1's answer is lost: the read-back returns item 1's topic, not item 0's", async () => {
				loseAnswer('POST', '/api/discussion/topics', 2);

				const output = await hub.runJson(createTopic('Twin title, lost'), { items });

				expect(output[0].id).not.toBe(output[1].id);
				expect(topicsTitled('Twin title, lost').map((topic) => topic.id).sort()).toEqual([output[0].id, output[1].id].sort());
			});
		});

		describe("the Hub's clock differs from n8n's", () => {
			it('an hour behind: the lost topic is still found (the window is on the Hub\'s clock)', async () => {
				hub.harness.hub.clock.advance(-3600_000);
				loseAnswer('POST', '/api/discussion/topics');

				const [topic] = await hub.runJson(createTopic('Hub clock behind'));

				expect(topicsTitled('Hub clock behind').map((created) => created.id)).toEqual([topic.id]);
			});

			it("an hour ahead: an earlier topic of the same title (later than the attempt on n8n's clock) is not taken for this one", async () => {
				hub.harness.hub.clock.advance(3600_000);
				const [{ items: [earlier] }] = [
					await hub.control('POST', '/__sandbox/activity/topics', { user: 'ada@example.com', communityId: seededCommunity(hub.harness.hub).id, title: 'Hub clock ahead', body: 'Earlier' }),
				];
				hub.harness.hub.clock.advance(600_000);
				await hub.control('POST', '/__sandbox/faults', { method: 'POST', path: '/api/discussion/topics', status: 500 });

				const [topic] = await hub.runJson(createTopic('Hub clock ahead'));

				expect(topic.id).not.toBe(earlier.id);
				expect(topicsTitled('Hub clock ahead').map((created) => created.id).sort()).toEqual([earlier.id, topic.id].sort());
			});
		});

		describe('an OAuth2 credential without Profile: Read (GET /auth/me is refused)', () => {
			const oauth = (title: string) => ({ ...createTopic(title), authentication: 'oAuth2' });
			beforeEach(async () => hub.harness.connectOAuth2({ scopes: ['discussions:read', 'discussions:write'] }));

			it('cannot tell whose a found topic is: outcome unknown, asking for Profile: Read; nothing sent twice', async () => {
				loseAnswer('POST', '/api/discussion/topics');
				const runs = executions(CREATE_TOPIC);

				const error = await hub.runError(oauth('No profile scope'));

				expect(error.message).toMatch(/^The Hub may or may not have created the topic "No profile scope": check the community before running again \[item 0\]$/);
				expect(error.description).toMatch(/whether it is this item's cannot be told: the credential may not read its user's profile \(add Profile: Read/);
				expect(executions(CREATE_TOPIC)).toBe(runs + 1);
				expect(topicsTitled('No profile scope')).toHaveLength(1);
			});

			it('learns the user from a topic it created earlier in the execution, then settles a lost answer', async () => {
				loseAnswer('POST', '/api/discussion/topics', 2);

				const output = await hub.runJson(oauth('Profile learned'), { items: [{ json: {} }, { json: {} }] });

				expect(topicsTitled('Profile learned').map((topic) => topic.id).sort()).toEqual([output[0].id, output[1].id].sort());
			});
		});
	});

	describe('Post Reply', () => {
		const topicId = () => Object.values(data().topics).find((topic) => topic.communityId === seededCommunity(hub.harness.hub).id && !topic.isLocked && !topic.deletedAt)!.id;
		const reply = (body: string) => ({ resource: 'post', operation: 'reply', topicId: rl(topicId()), body });
		const postsWith = (body: string) => Object.values(data().posts).filter((post) => post.content === body);

		it('a lost answer after the Hub posted the reply: read back from the end of the thread and returned, posted once', async () => {
			// A thread longer than a page: the reply is on the last page.
			await hub.control('POST', '/__sandbox/activity/posts', { user: 'grace@example.com', topicId: topicId(), body: 'Filler', count: 120 });
			loseAnswer('POST', /^\/api\/discussion\/topics\/[^/]+\/posts$/);
			const runs = executions(REPLY);

			const [post] = await hub.runJson(reply('Lost answer reply'));

			expect(postsWith('Lost answer reply').map((created) => created.id)).toEqual([post.id]);
			expect(post).toMatchObject({ topicId: topicId(), customerId: hub.users().ada.id });
			expect(executions(REPLY) - runs).toBe(1);
		});

		it('a 500 before the route ran: sent again once; the same body from two items makes two replies', async () => {
			failAfter('POST', `/api/discussion/topics/${topicId()}/posts`, 1);

			const output = await hub.runJson(reply('Same reply twice'), { items: [{ json: {} }, { json: {} }] });

			expect(output[0].id).not.toBe(output[1].id);
			expect(postsWith('Same reply twice').map((post) => post.id).sort()).toEqual([output[0].id, output[1].id].sort());
		});
	});

	describe('Integration Connect and Sync Now', () => {
		const personal = () => data().ecosystems.find((ecosystem) => ecosystem.slug === 'personal')!.id;
		const connect = (handle: string) => ({
			resource: 'integration',
			operation: 'connect',
			connectionType: 'app_password',
			providerId: 'bluesky',
			serviceType: 'social',
			ecosystemId: rl(personal()),
			identifier: handle,
			password: 'app-pass-1234',
		});
		const connectionsOf = (handle: string) => Object.values(data().connections).filter((connection) => connection.username === handle);

		it('Connect: a lost answer after the Hub connected is read back and returned, connected once', async () => {
			loseAnswer('POST', '/api/integrations/connect');
			const runs = executions(CONNECT);

			const [connection] = await hub.runJson(connect('lost.bsky.social'));

			expect(connectionsOf('lost.bsky.social').map((created) => created.id)).toEqual([connection.id]);
			expect(executions(CONNECT) - runs).toBe(1);
		});

		it('Sync Now: a lost answer is settled by the connection\'s lastSyncAt, synced once', async () => {
			const [connection] = await hub.runJson(connect('sync.bsky.social'));
			loseAnswer('POST', `/api/integrations/${String(connection.id)}/sync`);
			const runs = executions(SYNC);

			const [result] = await hub.runJson({ resource: 'integration', operation: 'sync', connectionId: rl(String(connection.id)) });

			expect(result).toEqual({ ok: true, id: connection.id });
			expect(executions(SYNC) - runs).toBe(1);
		});

		it('Sync Now: a 500 leaves it unknown (a sync may still be queued): never sent again', async () => {
			const [connection] = await hub.runJson(connect('unsynced.bsky.social'));
			await hub.control('POST', '/__sandbox/faults', { method: 'POST', path: `/api/integrations/${String(connection.id)}/sync`, status: 500 });

			const error = await hub.runError({ resource: 'integration', operation: 'sync', connectionId: rl(String(connection.id)) });

			expect(error.message).toMatch(/^The Hub may or may not have started a sync of the connection: check the connection's last sync time before running again \[item 0\]/);
			expect(responses(SYNC)).toMatchObject({ '500': 1 });
			expect(data().connections[String(connection.id)].lastSyncAt).toBeNull();
		});

		it('Sync Now: a 503 (no sync worker) is not retried and says so', async () => {
			const [connection] = await hub.runJson(connect('noworker.bsky.social'));
			const path = `/api/integrations/${String(connection.id)}/sync`;
			await hub.control('POST', '/__sandbox/faults', { method: 'POST', path, status: 503, count: 5 });
			const before = { sync: await hub.requests(SYNC), reads: await hub.requests('GET /api/integrations') };

			const error = await hub.runError({ resource: 'integration', operation: 'sync', connectionId: rl(String(connection.id)) });

			expect(error.message).toMatch(/^The Hub cannot sync this connection now: no sync worker is registered for it \[Request ID: req_/);
			expect(error.description).toMatch(/not retry it within the run/);
			expect(await hub.requests(SYNC)).toBe(before.sync + 1);
			expect(await hub.requests('GET /api/integrations')).toBe(before.reads);
			expect(waits.waits).toEqual([]);
		});
	});
});
