import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import path from 'path';
import type { IDataObject } from 'n8n-workflow';
import { setRealtimePolicy } from '../../nodes/AgenticDeveloperHub/realtime/policy';
import { createHarness, type Harness, type TriggerRun } from '../harness';
import { controlRequest } from '../hub/testing';
import { realtimeTrigger } from '../realtime/support';
import { hubFacade, RestartableHub } from './restartableHub';
import { allSecrets, exposedText, leakedSecrets, seededRandom } from './support';

const ADA = 'ada@example.com';
const OTHERS = ['grace@example.com', 'alan@example.com'];
const TOTAL = 1000;
const BATCHES = 80;
const CLOSE_EVERY_MS = 10_000;
const EXPIRE_AT_BATCHES = [22, 58];
const RESTART_AT_BATCH = 40;

const sleep = async (ms: number) => await new Promise((resolve) => setTimeout(resolve, ms));

/** Batch sizes summing to TOTAL, seeded: mostly small, a few past a page. */
function batchSizes(random: () => number): number[] {
	const sizes = Array.from({ length: BATCHES }, () => 1 + Math.floor(random() * 14));
	sizes[10] += 120;
	sizes[47] += 140;
	const sum = sizes.reduce((total, size) => total + size, 0);
	sizes[BATCHES - 1] += TOTAL - sum;
	if (sizes[BATCHES - 1] < 1) throw new Error('The batch plan does not fit');
	return sizes;
}

/**
 * Issue 13's reliability figure, with issue 23's sharing: five active realtime triggers (three New
 * Notification, two New Direct Message, one OAuth2 credential) share one Hub stream while 1,000
 * notifications and DMs arrive, every stream is closed every ~10 s, access tokens expire twice and
 * the sandbox restarts once (state kept). Each workflow keeps its own mark: each gets each event once.
 */
describe('realtime trigger under stream closes, token expiries and a Hub restart', () => {
	let folder: string;
	let restartable: RestartableHub;
	let harness: Harness;
	let restorePolicy: () => void;

	beforeAll(async () => {
		folder = mkdtempSync(path.join(tmpdir(), 'hub-realtime-'));
		restartable = await RestartableHub.start(path.join(folder, 'state.json'));
		harness = await createHarness({ hub: hubFacade(() => restartable.hub) });
		await harness.connectOAuth2();
		// Reconnects back off from 0.2 s to 2 s, so the restart's outage is bridged within seconds.
		restorePolicy = setRealtimePolicy({ reconnectBaseMs: 200, reconnectMaxMs: 2_000, maxConsecutiveFailures: 30 });
	});
	afterAll(async () => {
		restorePolicy();
		await harness.close();
		await restartable.hub.close();
		rmSync(folder, { recursive: true, force: true });
	});

	it('1,000 events, 5 workflows on one stream: 0 duplicates, 0 misses per workflow, exactly one refresh per expiry', async () => {
		const random = seededRandom(13);
		const control = async (method: string, route: string, body?: unknown) => await controlRequest(restartable.hub, method, route, body);
		const start = async (event: string, nodeName: string) =>
			await harness.trigger(realtimeTrigger, { parameters: { authentication: 'oAuth2', event }, nodeName });
		const notificationRuns = [await start('newNotification', 'Realtime notifications'), await start('newNotification', 'Realtime notifications 2'), await start('newNotification', 'Realtime notifications 3')];
		const messageRuns = [await start('newDirectMessage', 'Realtime messages'), await start('newDirectMessage', 'Realtime messages 2')];
		const runs = [...notificationRuns, ...messageRuns];
		const openStreams = async () => ((await control('GET', '/__sandbox/counters')).streams.open.notifications as number);
		let mostOpen = 0;
		let streamsOpened = 0;
		const countStreams = async () => {
			const { open, opened } = (await control('GET', '/__sandbox/counters')).streams;
			mostOpen = Math.max(mostOpen, open.notifications);
			return opened.notifications as number;
		};
		let openedSinceStart = 0;

		const expected = { notifications: [] as string[], messages: [] as string[] };
		// Refreshes between one expiry and the next (the first entry: before any expiry).
		const refreshesPerPhase = [0];
		let counted = (await control('GET', '/__sandbox/counters')).refreshes as number;
		const takeRefreshes = async () => {
			const now = (await control('GET', '/__sandbox/counters')).refreshes as number;
			refreshesPerPhase[refreshesPerPhase.length - 1] += now - counted;
			counted = now;
		};
		let closes = 0;
		let lastClose = Date.now();
		const startedAt = Date.now();

		for (const [index, size] of batchSizes(random).entries()) {
			if (EXPIRE_AT_BATCHES.includes(index)) {
				await takeRefreshes();
				refreshesPerPhase.push(0);
				await control('POST', '/__sandbox/expire-access-tokens', {});
			}
			if (index === RESTART_AT_BATCH) {
				await takeRefreshes();
				streamsOpened += (await countStreams()) - openedSinceStart;
				openedSinceStart = 0;
				await restartable.crash();
				await sleep(1_500);
				await restartable.restart();
				counted = 0;
			}
			const asNotifications = Math.round(size * random());
			if (asNotifications > 0) {
				const created = await control('POST', '/__sandbox/activity/notifications', { user: ADA, category: 'community_reply', title: `batch ${index}`, actor: OTHERS[0], count: asNotifications });
				expected.notifications.push(...created.items.map((item: IDataObject) => String(item.id)));
			}
			for (let sent = 0; sent < size - asNotifications; ) {
				const count = Math.min(size - asNotifications - sent, 1 + Math.floor(random() * 5));
				const from = OTHERS[Math.floor(random() * OTHERS.length)];
				const created = await control('POST', '/__sandbox/activity/messages', { user: from, recipient: ADA, body: `batch ${index}`, count });
				expected.messages.push(...created.items.map((item: IDataObject) => String(item.id)));
				sent += count;
			}
			// Ada's own messages must never come out.
			if (random() < 0.2) await control('POST', '/__sandbox/activity/messages', { user: ADA, recipient: OTHERS[1], body: `Ada, batch ${index}` });
			if (Date.now() - lastClose >= CLOSE_EVERY_MS) {
				closes += (await control('POST', '/__sandbox/streams/close', {})).closed > 0 ? 1 : 0;
				lastClose = Date.now();
			}
			await sleep(300 + random() * 900);
			await countStreams();
		}
		expect(expected.notifications.length + expected.messages.length).toBe(TOTAL);

		const emittedIds = (run: TriggerRun) => run.items().map((item) => String(item.id));
		for (const run of notificationRuns) await run.waitUntil(() => emittedIds(run).length >= expected.notifications.length, 'every notification was emitted', 60_000);
		for (const run of messageRuns) await run.waitUntil(() => emittedIds(run).length >= expected.messages.length, 'every message was emitted', 60_000);
		// Anything late (a duplicate) would show up now.
		await sleep(3_000);
		await takeRefreshes();
		streamsOpened += (await countStreams()) - openedSinceStart;
		const openAtEnd = await openStreams();
		const elapsedMs = Date.now() - startedAt;
		for (const run of runs) await run.close();

		const duplicates = (ids: string[]) => ids.length - new Set(ids).size;
		const misses = (emitted: string[], wanted: string[]) => wanted.filter((id) => !emitted.includes(id)).length;
		const wantedBy = (run: TriggerRun) => (notificationRuns.includes(run) ? expected.notifications : expected.messages);
		const perWorkflow = runs.map((run) => ({
			duplicates: duplicates(emittedIds(run)),
			misses: misses(emittedIds(run), wantedBy(run)),
			strays: emittedIds(run).length - wantedBy(run).length,
		}));
		const figures = {
			workflows: runs.length,
			notifications: expected.notifications.length,
			messages: expected.messages.length,
			perWorkflow,
			duplicates: perWorkflow.reduce((sum, one) => sum + one.duplicates, 0),
			misses: perWorkflow.reduce((sum, one) => sum + one.misses, 0),
			strays: perWorkflow.reduce((sum, one) => sum + one.strays, 0),
			mostStreamsOpenAtOnce: mostOpen,
			streamsOpened,
			openAtEnd,
			closes,
			expiries: EXPIRE_AT_BATCHES.length,
			refreshesPerExpiry: refreshesPerPhase.slice(1),
			refreshesBeforeAnyExpiry: refreshesPerPhase[0],
			restarts: 1,
			executions: runs.reduce((sum, run) => sum + run.emits.length, 0),
		};
		process.stdout.write(`[realtime reliability] ${JSON.stringify(figures)} in ${Math.round(elapsedMs / 1000)} s\n`);

		expect(figures.duplicates).toBe(0);
		expect(figures.misses).toBe(0);
		expect(figures.strays).toBe(0);
		for (const run of notificationRuns) expect(emittedIds(run)).toEqual(expected.notifications);
		// One stream for the five: never more than one open at once, and one per (re)connect, not five.
		expect(figures.mostStreamsOpenAtOnce).toBe(1);
		expect(figures.openAtEnd).toBe(1);
		expect(figures.streamsOpened).toBeLessThanOrEqual(1 + figures.closes + figures.restarts + figures.expiries + 3);
		expect(figures.closes).toBeGreaterThanOrEqual(5);
		expect(refreshesPerPhase).toEqual([0, ...EXPIRE_AT_BATCHES.map(() => 1)]);
		expect(runs.flatMap((run) => run.errors)).toEqual([]);
		const text = `${exposedText(harness, { output: runs.flatMap((run) => run.items()) })}\n${JSON.stringify(harness.staticData('Realtime messages'))}`;
		expect(leakedSecrets(text, allSecrets(harness))).toEqual([]);
	});
});
