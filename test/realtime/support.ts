import type { IDataObject, INodeParameters } from 'n8n-workflow';
import { AgenticDeveloperHubRealtimeTrigger } from '../../nodes/AgenticDeveloperHub/AgenticDeveloperHubRealtimeTrigger.node';
import { setRealtimePolicy, type RealtimePolicy } from '../../nodes/AgenticDeveloperHub/realtime/policy';
import { setRetryPolicy } from '../../nodes/AgenticDeveloperHub/transport/retryPolicy';
import type { Harness, TriggerRun } from '../harness';
import { controlRequest } from '../hub/testing';
import { ADA, ALAN, GRACE } from '../trigger/support/scenarios';
import { freshNodeName, triggerHarness } from '../trigger/support/harness';

export const realtimeTrigger = new AgenticDeveloperHubRealtimeTrigger();

/** Waits short enough for tests; the Hub's stream life is set per test through the control API. */
export const FAST_POLICY: Partial<RealtimePolicy> = {
	reconnectBaseMs: 50,
	reconnectMaxMs: 400,
	minHealthyLifeMs: 100,
	idleTimeoutMs: 20_000,
};

export interface RealtimeSuite {
	harness: Harness;
	/** Every run activated by the test, closed after it. */
	runs: TriggerRun[];
}

/** A harness (both credentials for Ada) per test file, fast waits, and every run closed after each test. */
export function useRealtimeHarness(policy: Partial<RealtimePolicy> = {}): RealtimeSuite {
	const suite = { runs: [] } as unknown as RealtimeSuite;
	let restore: Array<() => void> = [];
	beforeAll(async () => {
		suite.harness = await triggerHarness();
		restore = [setRealtimePolicy({ ...FAST_POLICY, ...policy }), setRetryPolicy({ sleep: async () => {} })];
	});
	afterEach(async () => {
		for (const run of suite.runs.splice(0)) await run.close();
		await controlRequest(suite.harness.hub, 'POST', '/__sandbox/streams/settings', { maxLifeSeconds: 300, readyOnly: false });
		await controlRequest(suite.harness.hub, 'DELETE', '/__sandbox/faults');
	});
	afterAll(async () => {
		restore.forEach((undo) => undo());
		await suite.harness.close();
	});
	return suite;
}

/** Activates the realtime trigger (as n8n does when a workflow is published) and waits for its stream. */
export async function activate(suite: RealtimeSuite, parameters: INodeParameters, nodeName = freshNodeName()): Promise<TriggerRun & { nodeName: string }> {
	const before = (await streamCounters(suite.harness)).opened.notifications;
	const run = await suite.harness.trigger(realtimeTrigger, { parameters, nodeName });
	suite.runs.push(run);
	await waitFor(async () => (await streamCounters(suite.harness)).opened.notifications > before, 'the trigger opened its stream');
	return Object.assign(run, { nodeName });
}

export async function streamCounters(harness: Harness): Promise<{ open: { notifications: number; chat: number }; opened: { notifications: number; chat: number }; queryTokenConnects: number; wakeUps: number }> {
	return (await controlRequest(harness.hub, 'GET', '/__sandbox/counters')).streams;
}

export async function waitFor(condition: () => Promise<boolean> | boolean, what: string, timeoutMs = 15_000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!(await condition())) {
		if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting until ${what}`);
		await new Promise((resolve) => setTimeout(resolve, 20));
	}
}

/** Waits until the run emitted `count` items in all. */
export async function emittedItems(run: TriggerRun, count: number, timeoutMs?: number): Promise<IDataObject[]> {
	await run.waitUntil(() => run.items().length >= count || run.errors.length > 0, `${count} items were emitted`, timeoutMs);
	if (run.errors.length > 0) throw run.errors[0];
	return run.items();
}

export async function notifyAda(harness: Harness, count = 1, category = 'community_reply', title = 'Grace replied'): Promise<IDataObject[]> {
	const body = { user: ADA, category, title, actor: GRACE, count };
	return (await controlRequest(harness.hub, 'POST', '/__sandbox/activity/notifications', body)).items;
}

export async function messageAda(harness: Harness, count = 1, from = GRACE, body = 'Hello Ada'): Promise<IDataObject[]> {
	return (await controlRequest(harness.hub, 'POST', '/__sandbox/activity/messages', { user: from, recipient: ADA, body, count })).items;
}

export { ADA, ALAN, GRACE };

export const ids = (items: IDataObject[]) => items.map((item) => item.id);

export const NOTIFICATIONS = { authentication: 'apiToken', event: 'newNotification' };
export const DIRECT_MESSAGES = { authentication: 'apiToken', event: 'newDirectMessage' };
