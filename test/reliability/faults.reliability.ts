import type { INodeExecutionData, INodeParameters } from 'n8n-workflow';
import { createHarness, type Harness } from '../harness';
import type { Counters } from '../hub/middleware/counters';
import { injectRandomFaults, type FaultKind, type RandomFaults } from './randomFaults';
import { adasCommunityId, node, recordRetryWaits, requestCount, rl, runNode, seededRandom } from './support';

const SEED = 20261126;
const FAULT_RATE = 0.05;
const UNKNOWN_OUTCOME = /^The Hub may or may not have /;

interface Batch {
	parameters: INodeParameters;
	/** The input items; a function when they depend on an earlier batch's output. */
	items: () => INodeExecutionData[];
	/** Output items per input item (default 1). */
	perItem?: number;
	/** A POST the Hub does not dedupe: every item must have made exactly one record. */
	creates?: { route: string; records: () => string[] };
	/** A POST idempotent by nature: its effects, which must be exactly one per item. */
	effects?: () => string[];
	/** Counted at the sandbox: GETs that only this batch's read-backs send. */
	readBackRoutes?: string[];
	/** Whether an item may end in an "outcome unknown" error (Sync Now: a sync may still be queued). */
	mayBeUnknown?: boolean;
}

interface BatchFigures {
	items: number;
	requests: number;
	faults: Record<FaultKind, number>;
	readBacks: number;
	unknownOutcomes: number;
	records?: number;
}

function difference(after: Record<FaultKind, number>, before: Record<FaultKind, number>): Record<FaultKind, number> {
	return Object.fromEntries(Object.entries(after).map(([kind, count]) => [kind, count - before[kind as FaultKind]])) as Record<FaultKind, number>;
}

/** Counts writes of one field of a sandbox record (e.g. each sync's `lastSyncAt`), at the sandbox. */
function countWrites(record: object, field: string): () => number {
	let value = (record as Record<string, unknown>)[field];
	let writes = 0;
	Object.defineProperty(record, field, {
		enumerable: true,
		get: () => value,
		set: (next: unknown) => {
			writes += 1;
			value = next;
		},
	});
	return () => writes;
}

/**
 * 2,000+ requests of mixed operations through the node while 5% of them fail at random (500, 429
 * with Retry-After, a reset before the route, an answer lost after the route ran), with the
 * sandbox honouring Idempotency-Key only on the action route, as the Hub's types declare. Every
 * Topic Create, Post Reply and Integration Connect must take effect exactly once (read back after
 * an unclear failure), and every other POST at most once per item.
 */
describe('5% random faults over 2,000 mixed requests, Idempotency-Key honoured only where declared', () => {
	let harness: Harness;
	let faults: RandomFaults;
	let retryWaits: { waits: number[]; restore: () => void };
	const outputs: Record<string, INodeExecutionData[]> = {};
	const figures: Record<string, BatchFigures> = {};
	let counters: Counters;
	let batches: Record<string, Batch>;
	let syncsPerConnection: Map<string, () => number>;

	beforeAll(async () => {
		harness = await createHarness();
		await harness.connectOAuth2();
		const hub = harness.hub;
		expect(hub.settings.idempotency).toBe('declared');
		const [ada, grace] = hub.info().users;
		const communityId = adasCommunityId(hub);
		const topic = Object.values(hub.state.data.topics).find((candidate) => candidate.communityId === communityId && !candidate.isLocked)!;
		const chat = await harness.execute(node, {
			parameters: { authentication: 'oAuth2', resource: 'directMessage', operation: 'startChat', recipientId: grace.id },
		});
		const chatId = String(chat[0][0].json.id);
		const notificationIds = Object.values(hub.state.data.notifications).filter((notification) => notification.userId === ada.id).map((notification) => notification.id);
		const data = hub.state.data;
		const personal = data.ecosystems.find((ecosystem) => ecosystem.slug === 'personal')!.id;
		const marked = (texts: string[], marker: string) => texts.filter((text) => text.startsWith(marker));
		const indexed = (count: number) => () => Array.from({ length: count }, (_unused, index) => ({ json: { index, notificationId: notificationIds[index % notificationIds.length] } }));
		syncsPerConnection = new Map();

		batches = {
			'topic create': {
				parameters: { resource: 'topic', operation: 'create', communityId: rl(communityId), title: '=Fault topic {{ $json.index }}', body: 'Created under faults' },
				items: indexed(150),
				creates: { route: 'POST /api/discussion/topics', records: () => marked(Object.values(data.topics).map((t) => t.title), 'Fault topic ') },
				readBackRoutes: ['GET /api/discussion/topics'],
			},
			'post reply': {
				parameters: { resource: 'post', operation: 'reply', topicId: rl(topic.id), body: '=Fault reply {{ $json.index }}' },
				items: indexed(150),
				creates: { route: 'POST /api/discussion/topics/:id/posts', records: () => marked(Object.values(data.posts).map((p) => p.content), 'Fault reply ') },
				readBackRoutes: ['GET /api/discussion/topics/:id'],
			},
			'integration connect': {
				parameters: {
					resource: 'integration', operation: 'connect', connectionType: 'app_password', providerId: 'bluesky', serviceType: 'social',
					ecosystemId: rl(personal), identifier: '=fault-{{ $json.index }}.bsky.social', password: 'app-pass-1234',
				},
				items: indexed(100),
				creates: { route: 'POST /api/integrations/connect', records: () => marked(Object.values(data.connections).map((c) => c.username), 'fault-') },
				readBackRoutes: ['GET /api/integrations'],
			},
			'integration sync': {
				parameters: { resource: 'integration', operation: 'sync', connectionId: rl('={{ $json.id }}') },
				// Each item syncs another connection made by the connect batch.
				items: () => outputs['integration connect'].map((item) => {
					const id = String(item.json.id);
					syncsPerConnection.set(id, countWrites(data.connections[id], 'lastSyncAt'));
					return { json: { id } };
				}),
				readBackRoutes: ['GET /api/ecosystem/ecosystems'],
				mayBeUnknown: true,
			},
			'direct message send': {
				parameters: { resource: 'directMessage', operation: 'send', chatId: rl(chatId), body: '=Fault message {{ $json.index }}' },
				items: indexed(150),
				effects: () => marked((data.messages[chatId] ?? []).map((m) => m.body), 'Fault message '),
			},
			'notification mark read': {
				parameters: { resource: 'notification', operation: 'markRead', notificationId: rl('={{ $json.notificationId }}') },
				items: indexed(Math.min(100, notificationIds.length)),
			},
			'topic get': { parameters: { resource: 'topic', operation: 'get', topicId: rl(topic.id) }, items: indexed(500) },
			'topic update': { parameters: { resource: 'topic', operation: 'update', topicId: rl(topic.id), updateFields: { isPinned: true } }, items: indexed(150) },
			'user get me': { parameters: { resource: 'user', operation: 'getMe' }, items: indexed(350) },
			'notification get many': { parameters: { resource: 'notification', operation: 'getAll', returnAll: false, limit: 5 }, items: indexed(150), perItem: 5 },
			'notification unread count': { parameters: { resource: 'notification', operation: 'getUnreadCount' }, items: indexed(150) },
		};

		retryWaits = recordRetryWaits();
		faults = injectRandomFaults(hub, seededRandom(SEED), FAULT_RATE);
		try {
			for (const [name, batch] of Object.entries(batches)) {
				const before = { requests: requestCount(hub.counters), faults: { ...faults.injected }, readBacks: readBackCount(hub.counters, batch) };
				const items = batch.items();
				// Continue On Fail, so that every item's outcome is seen (the assertions below decide).
				const { output, error } = await runNode(harness, { authentication: 'oAuth2', ...batch.parameters }, { items, continueOnFail: true });
				if (error) throw new Error(`${name} failed under faults: ${error.message}`);
				outputs[name] = output!;
				figures[name] = {
					items: items.length,
					requests: requestCount(hub.counters) - before.requests,
					faults: difference(faults.injected, before.faults),
					readBacks: readBackCount(hub.counters, batch) - before.readBacks,
					unknownOutcomes: output!.filter((item) => UNKNOWN_OUTCOME.test(String(item.json.error ?? ''))).length,
					records: batch.creates?.records().length ?? batch.effects?.().length,
				};
			}
		} finally {
			faults.stop();
			retryWaits.restore();
		}
		counters = hub.counters;
	});
	afterAll(async () => harness?.close());

	/** Read-back GETs answered 2xx: one per read-back (the first GET each read-back sends). */
	function readBackCount(all: Counters, batch: Batch): number {
		return (batch.readBackRoutes ?? []).reduce((sum, route) => sum + Object.entries(all.requests[route] ?? {}).filter(([status]) => status.startsWith('2')).reduce((a, [, n]) => a + n, 0), 0);
	}

	it('sent more than 2,000 requests and injected faults of every kind at about 5%', () => {
		const total = requestCount(counters);
		const injected = Object.values(faults.injected).reduce((a, b) => a + b, 0);
		process.stdout.write(`[reliability] ${total} requests, ${injected} faults injected: ${JSON.stringify(faults.injected)}\n`);
		for (const [name, figure] of Object.entries(figures)) process.stdout.write(`[reliability] ${name}: ${JSON.stringify(figure)}\n`);
		expect(total).toBeGreaterThanOrEqual(2_000);
		expect(injected / total).toBeGreaterThan(0.03);
		expect(injected / total).toBeLessThan(0.07);
		for (const count of Object.values(faults.injected)) expect(count).toBeGreaterThan(0);
	});

	it('every item succeeded, except Sync Now items whose outcome the Hub could not tell (never a guess)', () => {
		for (const [name, batch] of Object.entries(batches)) {
			expect({ name, items: outputs[name].length }).toEqual({ name, items: figures[name].items * (batch.perItem ?? 1) });
			const errors = outputs[name].map((item) => item.json.error).filter((error) => error !== undefined).map(String);
			expect({ name, errors: errors.filter((error) => !(batch.mayBeUnknown && UNKNOWN_OUTCOME.test(error))) }).toEqual({ name, errors: [] });
		}
	});

	it('every Topic Create, Post Reply and Integration Connect took effect exactly once: one record and one execution per item', () => {
		for (const [name, batch] of Object.entries(batches)) {
			if (!batch.creates) continue;
			const records = batch.creates.records();
			expect({ name, records: records.length, distinct: new Set(records).size }).toEqual({ name, records: figures[name].items, distinct: figures[name].items });
			expect({ name, executions: counters.executions[batch.creates.route] }).toEqual({ name, executions: figures[name].items });
			// Answers were lost after the Hub acted: the read-backs, not replays, kept them single.
			expect(figures[name].readBacks).toBeGreaterThan(0);
		}
		expect(counters.idempotentReplays).toBe(0);
	});

	it('every other POST at most once per item: one message per clientMessageId, at most one sync per connection', () => {
		const messages = batches['direct message send'].effects!();
		expect({ messages: messages.length, distinct: new Set(messages).size }).toEqual({ messages: 150, distinct: 150 });
		const syncs = [...syncsPerConnection.values()].map((writes) => writes());
		expect(syncs.filter((count) => count > 1)).toEqual([]);
		// A sync item succeeded exactly when its connection shows a sync.
		const synced = outputs['integration sync'].filter((item) => item.json.error === undefined).length;
		expect(syncs.filter((count) => count === 1).length).toBeGreaterThanOrEqual(synced);
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
