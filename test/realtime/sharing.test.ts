import type { INode } from 'n8n-workflow';
import { sharedStreamCounts } from '../../nodes/AgenticDeveloperHub/realtime/streams';
import { createHarness, type Harness, type TriggerRun } from '../harness';
import { controlRequest } from '../hub/testing';
import { counters, freshNodeName } from '../trigger/support/harness';
import { responses } from '../transport/support';
import {
	activate,
	DIRECT_MESSAGES,
	emittedItems,
	GRACE,
	ids,
	messageAda,
	NOTIFICATIONS,
	notifyAda,
	realtimeTrigger,
	streamCounters,
	useRealtimeHarness,
	waitFor,
} from './support';

const LIST = 'GET /api/notifications';
const STREAM = 'GET /api/notifications/stream';
const OAUTH_NOTIFICATIONS = { ...NOTIFICATIONS, authentication: 'oAuth2' };

describe('Realtime trigger: workflows of one account share one stream', () => {
	const suite = useRealtimeHarness();
	const hub = () => suite.harness.hub;
	const opened = async () => (await streamCounters(suite.harness)).opened.notifications;
	const openNow = async () => (await streamCounters(suite.harness)).open.notifications;
	const closeStreams = async () => await controlRequest(hub(), 'POST', '/__sandbox/streams/close', {});

	/** Activates one more workflow on an account that already has a stream: no new stream is awaited. */
	async function join(parameters: object, harness: Harness = suite.harness): Promise<TriggerRun & { nodeName: string }> {
		const nodeName = freshNodeName();
		const run = await harness.trigger(realtimeTrigger, { parameters: parameters as never, nodeName });
		suite.runs.push(run);
		return Object.assign(run, { nodeName });
	}

	afterEach(async () => {
		await waitFor(() => sharedStreamCounts().streams === 0, 'every stream of the process is closed');
	});

	it('three workflows of one account: one stream, each gets each event once, one list read per event', async () => {
		const before = await opened();
		const first = await activate(suite, NOTIFICATIONS);
		const second = await join(NOTIFICATIONS);
		const messages = await join(DIRECT_MESSAGES);
		await waitFor(() => sharedStreamCounts().listeners === 3, 'all three listen');
		expect(sharedStreamCounts()).toEqual({ streams: 1, listeners: 3 });

		const early = await notifyAda(suite.harness, 2);
		expect(ids(await emittedItems(first, 2))).toEqual(ids(early));
		expect(ids(await emittedItems(second, 2))).toEqual(ids(early));
		const dm = await messageAda(suite.harness, 1);
		expect(ids(await emittedItems(messages, 1))).toEqual(ids(dm));

		// Both notification workflows are idle and at the same mark: one event, one shared list read.
		const reads = responses(await counters(hub()), LIST)['200'] ?? 0;
		const next = await notifyAda(suite.harness, 1);
		expect(ids(await emittedItems(first, 3))).toEqual(ids([...early, ...next]));
		expect(ids(await emittedItems(second, 3))).toEqual(ids([...early, ...next]));
		expect((responses(await counters(hub()), LIST)['200'] ?? 0) - reads).toBe(1);

		expect(await opened()).toBe(before + 1);
		expect(await openNow()).toBe(1);
		expect(first.items()).toHaveLength(3);
		expect(second.items()).toHaveLength(3);
		expect(messages.items()).toHaveLength(1);
		expect([...first.errors, ...second.errors, ...messages.errors]).toEqual([]);
	});

	it('two accounts (two users, or two credentials): two streams, and never each other\'s events', async () => {
		const other = await createHarness({ hub: hub() });
		try {
			other.useApiToken(hub().info().users.find((user) => user.email === GRACE)!.apiToken);
			const ada = await activate(suite, NOTIFICATIONS);
			const adaAgain = await join(NOTIFICATIONS);
			const graces = await join(NOTIFICATIONS, other);
			const adaOAuth = await activate(suite, OAUTH_NOTIFICATIONS);
			await waitFor(() => sharedStreamCounts().streams === 3 && sharedStreamCounts().listeners === 4, 'three streams for four workflows');
			await waitFor(async () => (await openNow()) === 3, 'the Hub holds three streams');

			const forAda = await notifyAda(suite.harness, 2);
			const forGrace = (await controlRequest(hub(), 'POST', '/__sandbox/activity/notifications', { user: GRACE, category: 'community_reply', title: 'for Grace', actor: 'alan@example.com', count: 1 })).items;
			for (const run of [ada, adaAgain, adaOAuth]) expect(ids(await emittedItems(run, 2))).toEqual(ids(forAda));
			expect(ids(await emittedItems(graces, 1))).toEqual(ids(forGrace));
			await notifyAda(suite.harness, 1);
			await emittedItems(ada, 3);
			expect(graces.items()).toHaveLength(1);
		} finally {
			for (const run of suite.runs.splice(0)) await run.close();
			await other.close();
		}
	});

	it('deactivating the workflow that opened the stream leaves the others receiving; reconnects use one still active; the last closes it', async () => {
		const before = await opened();
		const opener = await activate(suite, NOTIFICATIONS);
		const stays = await join(NOTIFICATIONS);
		const alsoStays = await join(DIRECT_MESSAGES);
		await waitFor(() => sharedStreamCounts().listeners === 3, 'all three listen');
		const first = await notifyAda(suite.harness, 1);
		await emittedItems(opener, 1);
		await emittedItems(stays, 1);

		await opener.close();
		expect(sharedStreamCounts()).toEqual({ streams: 1, listeners: 2 });
		const whileOpen = await notifyAda(suite.harness, 2);
		expect(ids(await emittedItems(stays, 3))).toEqual(ids([...first, ...whileOpen]));
		expect(await opened()).toBe(before + 1);

		// The Hub ends the stream the closed workflow opened: a workflow still active opens the next.
		await closeStreams();
		await waitFor(async () => (await opened()) === before + 2 && (await openNow()) === 1, 'the stream is open again');
		const afterReconnect = await notifyAda(suite.harness, 1);
		const dm = await messageAda(suite.harness, 1);
		expect(ids(await emittedItems(stays, 4))).toEqual(ids([...first, ...whileOpen, ...afterReconnect]));
		expect(ids(await emittedItems(alsoStays, 1))).toEqual(ids(dm));
		expect(opener.items()).toHaveLength(1);

		await stays.close();
		expect(await openNow()).toBe(1);
		await alsoStays.close();
		await waitFor(async () => (await openNow()) === 0, 'the last workflow closed the stream');
		expect(sharedStreamCounts()).toEqual({ streams: 0, listeners: 0 });
		expect([...opener.errors, ...stays.errors, ...alsoStays.errors]).toEqual([]);
	});

	it('an expired access token: one refresh in all, every workflow keeps receiving', async () => {
		const runs = [await activate(suite, OAUTH_NOTIFICATIONS), await join(OAUTH_NOTIFICATIONS), await join(OAUTH_NOTIFICATIONS)];
		await waitFor(() => sharedStreamCounts().listeners === 3, 'all three listen');
		const before = await counters(hub());
		await controlRequest(hub(), 'POST', '/__sandbox/expire-access-tokens', {});
		await closeStreams();
		const created = await notifyAda(suite.harness, 2);
		for (const run of runs) expect(ids(await emittedItems(run, 2))).toEqual(ids(created));
		const after = await counters(hub());
		expect(after.refreshes - before.refreshes).toBe(1);
		expect(runs.flatMap((run) => run.errors)).toEqual([]);
	});

	it('a revoked grant reaches every workflow once, each with its own error naming its node, after one refused connect', async () => {
		const runs = [await activate(suite, OAUTH_NOTIFICATIONS), await join(OAUTH_NOTIFICATIONS), await join(OAUTH_NOTIFICATIONS)];
		await waitFor(() => sharedStreamCounts().listeners === 3, 'all three listen');
		const before = await counters(hub());
		await controlRequest(hub(), 'POST', '/__sandbox/revoke-grants', {});
		await closeStreams();
		for (const run of runs) await run.waitUntil(() => run.errors.length > 0, 'the workflow reports the revoked grant');
		await waitFor(async () => (await openNow()) === 0 && sharedStreamCounts().streams === 0, 'the stream is closed');
		const refused = await counters(hub());
		for (const run of runs) {
			expect(run.errors).toHaveLength(1);
			expect(run.errors[0].message).toMatch(/needs to be reconnected/);
			expect((run.errors[0] as Error & { node?: INode }).node?.name).toBe(run.nodeName);
		}
		expect(new Set(runs.map((run) => run.errors[0])).size).toBe(3);
		// One refused connect for the three of them, and no refresh for a revoked token.
		const refusedConnects = (all: typeof before) => responses(all, STREAM)['401'] ?? 0;
		expect(refusedConnects(refused) - refusedConnects(before)).toBe(1);
		expect(refused.refreshes - before.refreshes).toBe(0);
		await suite.harness.connectOAuth2();
	});
});
