import type { IDataObject } from 'n8n-workflow';
import { controlRequest } from '../hub/testing';
import { expectEmittedExactlyOnce } from '../trigger/support/behaviour';
import { counters, freshNodeName, pollItems, requestsBetween } from '../trigger/support/harness';
import {
	activate,
	ADA,
	ALAN,
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

describe('Realtime trigger: events', () => {
	const suite = useRealtimeHarness();

	it('activation takes the mark and emits nothing; a new notification is emitted as the polling trigger emits it', async () => {
		const harness = suite.harness;
		await notifyAda(harness, 2, 'community_reply', 'before activation');
		const pollingNode = freshNodeName();
		expect(await pollItems(harness, pollingNode, NOTIFICATIONS)).toEqual([]);
		const run = await activate(suite, NOTIFICATIONS);
		expect(harness.staticData(run.nodeName).state).toBeDefined();
		const created = await notifyAda(harness, 3);
		const emitted = await emittedItems(run, 3);
		expect(ids(emitted)).toEqual(ids(created));
		// One implementation of "what is new": the same items, field for field, as the polling trigger's.
		expect(emitted).toEqual(await pollItems(harness, pollingNode, NOTIFICATIONS));
		expect(run.errors).toEqual([]);
	});

	it('New Notification keeps to its categories', async () => {
		const run = await activate(suite, { ...NOTIFICATIONS, categories: ['community_mention'] });
		await notifyAda(suite.harness, 2, 'community_reply');
		const mention = await notifyAda(suite.harness, 1, 'community_mention');
		expect(ids(await emittedItems(run, 1))).toEqual(ids(mention));
		await notifyAda(suite.harness, 1, 'community_reply');
		const second = await notifyAda(suite.harness, 1, 'community_mention');
		expect(ids(await emittedItems(run, 2))).toEqual(ids([...mention, ...second]));
	});

	it('New Direct Message emits messages from others (woken by the notification stream) and skips Ada\'s own', async () => {
		const run = await activate(suite, DIRECT_MESSAGES);
		const fromGrace = await messageAda(suite.harness, 2);
		await controlRequest(suite.harness.hub, 'POST', '/__sandbox/activity/messages', { user: ADA, recipient: GRACE, body: 'Ada writes' });
		const fromAlan = await messageAda(suite.harness, 1, ALAN);
		const emitted = await emittedItems(run, 3);
		expectEmittedExactlyOnce(emitted, [...fromGrace, ...fromAlan], (item: IDataObject) => String(item.chatId));
		expect(emitted.every((message) => message.senderUserId !== suite.harness.hub.info().users[0].id)).toBe(true);
	});

	it('a burst larger than a page: every item once, in order', async () => {
		const run = await activate(suite, NOTIFICATIONS);
		const created = await notifyAda(suite.harness, 250);
		const emitted = await emittedItems(run, 250);
		expect(ids(emitted)).toEqual(ids(created));
		await notifyAda(suite.harness, 1);
		expect(await emittedItems(run, 251)).toHaveLength(251);
		// The wake-ups of a burst are coalesced: far fewer reads than events.
		expect(run.emits.length).toBeLessThan(50);
	});

	it('connects with the token in the header only, and one stream per account (two credentials: two streams)', async () => {
		const before = await streamCounters(suite.harness);
		await activate(suite, NOTIFICATIONS);
		await activate(suite, { ...DIRECT_MESSAGES, authentication: 'oAuth2' });
		const after = await streamCounters(suite.harness);
		expect(after.queryTokenConnects).toBe(before.queryTokenConnects);
		expect(after.open.notifications).toBe(before.open.notifications + 2);
	});

	it('refuses bad parameters before any request', async () => {
		const before = await counters(suite.harness.hub);
		const start = async (parameters: IDataObject) => await suite.harness.trigger(realtimeTrigger, { parameters: parameters as never, nodeName: freshNodeName() });
		await expect(start({ ...NOTIFICATIONS, categories: ['billing'] })).rejects.toThrow(/^"Categories" must be one of .*\(got "billing"\)/);
		await expect(start({ ...NOTIFICATIONS, fallbackPollInterval: 5 })).rejects.toThrow(/^"Fallback Poll Interval \(Seconds\)" must be a number of at least 10/);
		expect(requestsBetween(before, await counters(suite.harness.hub))).toBe(0);
	});

	it('"Listen for test event" emits the next event once, and leaves the active mark alone', async () => {
		const active = await activate(suite, NOTIFICATIONS);
		await active.close();
		const saved = JSON.stringify(suite.harness.staticData(active.nodeName));
		const listening = await suite.harness.trigger(realtimeTrigger, { parameters: NOTIFICATIONS, nodeName: active.nodeName, mode: 'manual' });
		suite.runs.push(listening);
		expect(listening.emits).toEqual([]);
		await listening.response.manualTriggerFunction!();
		await waitFor(async () => (await streamCounters(suite.harness)).open.notifications === 1, 'the listener opened its stream');
		const created = await notifyAda(suite.harness, 2);
		expect(ids(await emittedItems(listening, 2))).toEqual(ids(created));
		// It stopped after its event: its stream is closed.
		await waitFor(async () => (await streamCounters(suite.harness)).open.notifications === 0, 'the listener closed its stream');
		await notifyAda(suite.harness, 1);
		expect(listening.emits).toHaveLength(1);
		await listening.close();
		await listening.close();
		expect(JSON.stringify(suite.harness.staticData(active.nodeName))).toBe(saved);
		// The active workflow's mark did not move: activated again, it catches up on all three.
		const again = await activate(suite, NOTIFICATIONS, active.nodeName);
		expect(await emittedItems(again, 3)).toHaveLength(3);
	});
});
