import { controlRequest } from '../hub/testing';
import { counters, freshNodeName } from '../trigger/support/harness';
import { responses } from '../transport/support';
import { activate, emittedItems, ids, NOTIFICATIONS, notifyAda, realtimeTrigger, streamCounters, useRealtimeHarness, waitFor } from './support';

const STREAM = 'GET /api/notifications/stream';
const LIST = 'GET /api/notifications';

describe('Realtime trigger: keeping the stream', () => {
	const suite = useRealtimeHarness({ maxConsecutiveFailures: 4, minHandoverLifeMs: 1_000, handoverLeadMs: 1_500, reprobeMs: 5_000 });
	const hub = () => suite.harness.hub;
	const closeStreams = async () => await controlRequest(hub(), 'POST', '/__sandbox/streams/close', {});
	const openStreams = async () => (await streamCounters(suite.harness)).open.notifications;

	it('after the Hub closes the stream: reconnects (backing off while connects fail) and catches up on the gap', async () => {
		const run = await activate(suite, NOTIFICATIONS);
		await controlRequest(hub(), 'POST', '/__sandbox/faults', { method: 'GET', path: '/api/notifications/stream', count: 3, status: 503 });
		await closeStreams();
		// Created while no stream is open: no wake-up reaches the trigger for these.
		const inTheGap = await notifyAda(suite.harness, 5);
		expect(ids(await emittedItems(run, 5))).toEqual(ids(inTheGap));
		await waitFor(async () => (await openStreams()) === 1, 'the stream is open again');
		expect(responses(await counters(hub()), STREAM)['503']).toBe(3);
		const later = await notifyAda(suite.harness, 2);
		expect(ids(await emittedItems(run, 7))).toEqual(ids([...inTheGap, ...later]));
		expect(run.errors).toEqual([]);
		expect(suite.harness.logs.join('\n')).toMatch(/Realtime Trigger: The Hub failed to process the request \(HTTP 503\).*reconnecting in/);
	});

	it('deactivation closes the stream; the next activation (or an n8n restart) catches up from the saved mark, nothing twice', async () => {
		const nodeName = freshNodeName();
		const first = await activate(suite, NOTIFICATIONS, nodeName);
		const before = await notifyAda(suite.harness, 2);
		expect(ids(await emittedItems(first, 2))).toEqual(ids(before));
		await first.close();
		await waitFor(async () => (await openStreams()) === 0, 'the stream is closed');
		const whileInactive = await notifyAda(suite.harness, 3);
		const second = await activate(suite, NOTIFICATIONS, nodeName);
		expect(ids(await emittedItems(second, 3))).toEqual(ids(whileInactive));
		const after = await notifyAda(suite.harness, 1);
		expect(ids(await emittedItems(second, 4))).toEqual(ids([...whileInactive, ...after]));
		expect(first.items()).toHaveLength(2);
	});

	it('once the stream life is known, the next stream opens before the current one ends: idle costs connects only', async () => {
		await controlRequest(hub(), 'POST', '/__sandbox/streams/settings', { maxLifeSeconds: 3 });
		const openedAtStart = (await streamCounters(suite.harness)).opened.notifications;
		const run = await activate(suite, NOTIFICATIONS);
		// The first stream's end teaches the trigger the life (that end is a reconnect and a catch-up read).
		await waitFor(async () => (await streamCounters(suite.harness)).opened.notifications >= openedAtStart + 3, 'two more streams opened', 20_000);
		const before = await counters(hub());
		const openedBefore = (await streamCounters(suite.harness)).opened.notifications;
		let lowestOpen = Infinity;
		const watchUntil = Date.now() + 7_000;
		while (Date.now() < watchUntil) {
			lowestOpen = Math.min(lowestOpen, await openStreams());
			await new Promise((resolve) => setTimeout(resolve, 25));
		}
		const after = await counters(hub());
		expect((await streamCounters(suite.harness)).opened.notifications - openedBefore).toBeGreaterThanOrEqual(2);
		expect(responses(after, LIST)['200'] ?? 0).toBe(responses(before, LIST)['200'] ?? 0);
		expect(lowestOpen).toBeGreaterThanOrEqual(1);
		const created = await notifyAda(suite.harness, 3);
		expect(ids(await emittedItems(run, 3))).toEqual(ids(created));
	});

	it('a Hub without realtime events (a single `ready`) is polled every Fallback Poll Interval, and its stream is looked for again', async () => {
		await controlRequest(hub(), 'POST', '/__sandbox/streams/settings', { readyOnly: true });
		const run = await activate(suite, { ...NOTIFICATIONS, fallbackPollInterval: 10 });
		const polled = await notifyAda(suite.harness, 2);
		expect(ids(await emittedItems(run, 2, 25_000))).toEqual(ids(polled));
		expect(suite.harness.logs.join('\n')).toContain('the Hub has no realtime events; polling every 10 s instead');
		await controlRequest(hub(), 'POST', '/__sandbox/streams/settings', { readyOnly: false });
		await waitFor(async () => (await openStreams()) === 1, 'the trigger found the event stream again', 25_000);
		const live = await notifyAda(suite.harness, 1);
		expect(ids(await emittedItems(run, 3))).toEqual(ids([...polled, ...live]));
		expect(run.errors).toEqual([]);
	});

	it('connects that keep failing back off, then the outage is reported (n8n reactivates the workflow)', async () => {
		await controlRequest(hub(), 'POST', '/__sandbox/faults', { method: 'GET', path: '/api/notifications/stream', count: 2, reset: true });
		await controlRequest(hub(), 'POST', '/__sandbox/faults', { method: 'GET', path: '/api/notifications/stream', count: 100, status: 502 });
		const before = await counters(hub());
		const run = await suite.harness.trigger(realtimeTrigger, { parameters: NOTIFICATIONS, nodeName: freshNodeName() });
		suite.runs.push(run);
		await run.waitUntil(() => run.errors.length > 0, 'the outage is reported');
		expect(run.errors[0].message).toMatch(/HTTP 502/);
		const after = await counters(hub());
		// The first attempt and the policy's four reconnects, no more: two resets, then three 502s.
		const delta = (status: string) => (responses(after, STREAM)[status] ?? 0) - (responses(before, STREAM)[status] ?? 0);
		expect([delta('reset'), delta('502')]).toEqual([2, 3]);
		expect(await openStreams()).toBe(0);
	});
});
