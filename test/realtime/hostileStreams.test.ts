import { controlRequest } from '../hub/testing';
import { activate, NOTIFICATIONS, useRealtimeHarness } from './support';

/** How long each stream misbehaves before the counts are read: a window for an upper bound only. */
const WINDOW_MS = 1_500;

/**
 * Streams that a broken or hostile Hub sends: each is closed at its bound, and the next connect
 * waits a backoff (from 50 ms, doubling to 400 ms here): a few connects in the window, where
 * reconnecting at once would make hundreds.
 */
describe('Realtime trigger: hostile event streams', () => {
	const suite = useRealtimeHarness({ maxConsecutiveFailures: 1_000 });
	const hostile = async (behaviour: string) => await controlRequest(suite.harness.hub, 'POST', '/__sandbox/hostile', { behaviours: [behaviour] });
	afterEach(async () => await controlRequest(suite.harness.hub, 'DELETE', '/__sandbox/hostile'));

	it.each(['streamClosesAfterEvent', 'streamEndlessLine', 'streamHugeEvent'])('%s: reconnects with a backoff, emits nothing, reports no error', async (behaviour) => {
		const run = await activate(suite, NOTIFICATIONS);
		await hostile(behaviour);
		// The stream open since activation ends; every later one is hostile.
		await controlRequest(suite.harness.hub, 'POST', '/__sandbox/streams/close', {});
		await new Promise((resolve) => setTimeout(resolve, WINDOW_MS));
		const { met } = await controlRequest<{ met: { streamsOpened: number } }>(suite.harness.hub, 'GET', '/__sandbox/hostile');
		expect(met.streamsOpened).toBeGreaterThanOrEqual(1);
		expect(met.streamsOpened).toBeLessThanOrEqual(12);
		expect(run.items()).toEqual([]);
		expect(run.errors).toEqual([]);
		if (behaviour !== 'streamClosesAfterEvent') expect(suite.harness.logs.join('\n')).toMatch(/bound stream(Line|Event)Chars.*reconnecting in/);
	});
});
