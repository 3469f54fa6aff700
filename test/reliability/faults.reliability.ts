import type { INodeExecutionData, INodeParameters } from 'n8n-workflow';
import { createHarness, type Harness } from '../harness';
import type { Counters } from '../hub/middleware/counters';
import { injectRandomFaults, type RandomFaults } from './randomFaults';
import { adasCommunityId, node, recordRetryWaits, requestCount, rl, runNode, seededRandom } from './support';

const SEED = 20261126;
const FAULT_RATE = 0.05;

interface Batch {
	parameters: INodeParameters;
	items: number;
	/** Output items per input item (default 1). */
	perItem?: number;
	/** A POST whose every item must exist exactly once at the Hub afterwards: its route, and how many records it made. */
	creates?: { route: string; records: () => number };
}

/**
 * 2,000+ requests of mixed operations through the node while 5% of them fail at random (500, 429
 * with Retry-After, a reset before the route, an answer lost after the route ran). Every
 * idempotent operation must succeed, and every POST must run exactly once at the Hub.
 */
describe('5% random faults over 2,000 mixed requests', () => {
	let harness: Harness;
	let faults: RandomFaults;
	let retryWaits: { waits: number[]; restore: () => void };
	const outputs: Record<string, INodeExecutionData[]> = {};
	let counters: Counters;
	let batches: Record<string, Batch>;

	beforeAll(async () => {
		harness = await createHarness();
		await harness.connectOAuth2();
		const hub = harness.hub;
		const [, grace] = hub.info().users;
		const communityId = adasCommunityId(hub);
		const topic = Object.values(hub.state.data.topics).find((candidate) => candidate.communityId === communityId && !candidate.isLocked)!;
		const chat = await harness.execute(node, {
			parameters: { authentication: 'oAuth2', resource: 'directMessage', operation: 'startChat', recipientId: grace.id },
		});
		const chatId = String(chat[0][0].json.id);
		const notificationIds = Object.values(hub.state.data.notifications)
			.filter((notification) => notification.userId === hub.info().users[0].id)
			.map((notification) => notification.id);
		const marked = (texts: string[], marker: string) => texts.filter((text) => text.startsWith(marker)).length;
		const data = hub.state.data;

		batches = {
			'topic create': {
				parameters: { resource: 'topic', operation: 'create', communityId: rl(communityId), title: '=Fault topic {{ $json.index }}', body: 'Created under faults' },
				items: 150,
				creates: { route: 'POST /api/discussion/topics', records: () => marked(Object.values(data.topics).map((t) => t.title), 'Fault topic ') },
			},
			'post reply': {
				parameters: { resource: 'post', operation: 'reply', topicId: rl(topic.id), body: '=Fault reply {{ $json.index }}' },
				items: 150,
				creates: { route: 'POST /api/discussion/topics/:id/posts', records: () => marked(Object.values(data.posts).map((p) => p.content), 'Fault reply ') },
			},
			'direct message send': {
				parameters: { resource: 'directMessage', operation: 'send', chatId: rl(chatId), body: '=Fault message {{ $json.index }}' },
				items: 150,
				creates: { route: 'POST /api/chat/dms/:chatId/messages', records: () => marked((data.messages[chatId] ?? []).map((m) => m.body), 'Fault message ') },
			},
			'notification mark read': {
				parameters: { resource: 'notification', operation: 'markRead', notificationId: rl('={{ $json.notificationId }}') },
				items: Math.min(100, notificationIds.length),
			},
			'topic get': { parameters: { resource: 'topic', operation: 'get', topicId: rl(topic.id) }, items: 500 },
			'topic update': {
				parameters: { resource: 'topic', operation: 'update', topicId: rl(topic.id), updateFields: { isPinned: true } },
				items: 200,
			},
			'user get me': { parameters: { resource: 'user', operation: 'getMe' }, items: 400 },
			'notification get many': { parameters: { resource: 'notification', operation: 'getAll', returnAll: false, limit: 5 }, items: 200, perItem: 5 },
			'notification unread count': { parameters: { resource: 'notification', operation: 'getUnreadCount' }, items: 200 },
		};

		retryWaits = recordRetryWaits();
		faults = injectRandomFaults(hub, seededRandom(SEED), FAULT_RATE);
		try {
			for (const [name, batch] of Object.entries(batches)) {
				const items = Array.from({ length: batch.items }, (_unused, index) => ({
					json: { index, notificationId: notificationIds[index % notificationIds.length] },
				}));
				const { output, error } = await runNode(harness, { authentication: 'oAuth2', ...batch.parameters }, { items });
				if (error) throw new Error(`${name} failed under faults: ${error.message}`);
				outputs[name] = output!;
			}
		} finally {
			faults.stop();
			retryWaits.restore();
		}
		counters = hub.counters;
	});
	afterAll(async () => harness?.close());

	it('sent more than 2,000 requests and injected faults of every kind at about 5%', () => {
		const total = requestCount(counters);
		const injected = Object.values(faults.injected).reduce((a, b) => a + b, 0);
		process.stdout.write(`[reliability] ${total} requests, ${injected} faults injected: ${JSON.stringify(faults.injected)}\n`);
		expect(total).toBeGreaterThanOrEqual(2_000);
		expect(injected / total).toBeGreaterThan(0.03);
		expect(injected / total).toBeLessThan(0.07);
		for (const count of Object.values(faults.injected)) expect(count).toBeGreaterThan(0);
	});

	it('every operation succeeded for every item', () => {
		for (const [name, batch] of Object.entries(batches)) {
			expect({ name, items: outputs[name].length }).toEqual({ name, items: batch.items * (batch.perItem ?? 1) });
			expect(outputs[name].every((item) => item.json.error === undefined)).toBe(true);
		}
	});

	it('every POST ran exactly once at the Hub: one record per item, one execution per item', () => {
		for (const [name, batch] of Object.entries(batches)) {
			if (!batch.creates) continue;
			expect({ name, records: batch.creates.records() }).toEqual({ name, records: batch.items });
			expect({ name, executions: counters.executions[batch.creates.route] }).toEqual({ name, executions: batch.items });
		}
		// Answers lost after the route ran were retried with the same key and replayed, not rerun.
		expect(counters.idempotentReplays).toBeGreaterThanOrEqual(faults.injected.lost_response > 0 ? 1 : 0);
	});

	it('waited the Retry-After of every 429', () => {
		const retryAfterMs = faults.retryAfterSeconds * 1000;
		expect(retryWaits.waits.filter((wait) => wait === retryAfterMs).length).toBeGreaterThanOrEqual(faults.injected.rate_limited);
	});
});

describe('a DELETE whose answer was lost', () => {
	let harness: Harness;
	let retryWaits: { waits: number[]; restore: () => void };

	beforeAll(async () => {
		harness = await createHarness();
		await harness.connectOAuth2();
		retryWaits = recordRetryWaits();
	});
	afterAll(async () => {
		retryWaits?.restore();
		await harness?.close();
	});

	it('is retried, finds the topic gone, and reports it deleted', async () => {
		const created = await runNode(harness, { authentication: 'oAuth2', resource: 'topic', operation: 'create', communityId: rl(adasCommunityId(harness.hub)), title: 'Delete me', body: 'Soon gone' });
		const topicId = String(created.output![0].json.id);
		// The first API request gets a lost answer (the route runs, the connection drops); no other faults.
		const draws = [0, 0.99];
		const faults = injectRandomFaults(harness.hub, () => draws.shift() ?? 1, 0.5);
		let outcome: Awaited<ReturnType<typeof runNode>>;
		try {
			outcome = await runNode(harness, { authentication: 'oAuth2', resource: 'topic', operation: 'delete', topicId: rl(topicId) });
		} finally {
			faults.stop();
		}
		expect(faults.injected).toEqual({ internal_error: 0, rate_limited: 0, reset: 0, lost_response: 1 });
		expect(outcome.error).toBeUndefined();
		expect(outcome.output![0].json).toEqual({ deleted: true, id: topicId });
		expect(harness.hub.state.data.topics[topicId].deletedAt).toEqual(expect.any(String));
		// The first attempt deleted it (its 204 was lost on the way), the retry found it gone.
		expect(harness.hub.counters.requests['DELETE /api/discussion/topics/:id']).toEqual({ '204': 1, '404': 1 });
	});
});
