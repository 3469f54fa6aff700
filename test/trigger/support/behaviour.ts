import { deepCopy, type IDataObject } from 'n8n-workflow';
import { setRetryPolicy } from '../../../nodes/AgenticDeveloperHub/transport/retryPolicy';
import type { Harness } from '../../harness';
import { controlRequest } from '../../hub/testing';
import {
	counters,
	expectNoSecrets,
	freshNodeName,
	measureResponseBytes,
	pollItems,
	requestsBetween,
	trigger,
	triggerHarness,
} from './harness';
import type { EventScenario } from './scenarios';

/** 50 bursts, 1,000 events: quiet polls, small bursts, one burst past a page, one of 421. */
export function burstSizes(): number[] {
	const pattern = [0, 1, 3, 7, 12, 20];
	const sizes = Array.from({ length: 50 }, (_, index) => pattern[index % pattern.length]);
	sizes[10] += 150;
	sizes[35] += 1000 - sizes.reduce((sum, size) => sum + size, 0);
	return sizes;
}

/** Every created item emitted once and nothing else; within a group, in creation order. */
export function expectEmittedExactlyOnce(
	emitted: IDataObject[],
	created: IDataObject[],
	groupOf: (item: IDataObject) => string,
): void {
	const emittedIds = emitted.map((item) => String(item.id));
	expect(new Set(emittedIds).size).toBe(emittedIds.length);
	expect([...emittedIds].sort()).toEqual(created.map((item) => String(item.id)).sort());
	const groups = new Set(created.map(groupOf));
	for (const group of groups) {
		const idsOf = (items: IDataObject[]) => items.filter((item) => groupOf(item) === group).map((item) => item.id);
		expect(idsOf(emitted)).toEqual(idsOf(created));
	}
}

/**
 * The behaviour every trigger event shares (issue 5's tests), against the sandbox Hub through
 * n8n-core's PollContext. `makeScenario` builds the event's scenario once the Hub is up.
 */
export function describeEventBehaviour(
	makeScenario: (harness: Harness, authentication?: string) => EventScenario,
	context: { harness?: Harness } = {},
): void {
	let harness: Harness;
	let scenario: EventScenario;
	let restoreRetryPolicy: () => void;

	beforeAll(async () => {
		harness = await triggerHarness();
		context.harness = harness;
		scenario = makeScenario(harness);
		// Retries of injected 5xx answers run without waiting.
		restoreRetryPolicy = setRetryPolicy({ sleep: async () => {} });
	});

	afterAll(async () => {
		restoreRetryPolicy();
		await harness.close();
	});

	const poll = async (nodeName: string, parameters = scenario.parameters) =>
		await pollItems(harness, nodeName, parameters);

	async function activate(parameters = scenario.parameters): Promise<string> {
		const nodeName = freshNodeName();
		expect(await poll(nodeName, parameters)).toEqual([]);
		return nodeName;
	}

	it('emits nothing on first activation, then only what came after it', async () => {
		const nodeName = freshNodeName();
		expect(await poll(nodeName)).toEqual([]);
		expect(harness.staticData(nodeName).state).toBeDefined();
		expect(await poll(nodeName)).toEqual([]);
		const created = await scenario.create(2, 'after activation');
		expect((await poll(nodeName)).map((item) => item.id)).toEqual(created.map((item) => item.id));
	});

	it('"Fetch Test Event" returns the most recent item and leaves the trigger state alone', async () => {
		const nodeName = await activate();
		const created = await scenario.create(2, 'test event');
		const stateBefore = deepCopy(harness.staticData(nodeName));
		const sample = await pollItems(harness, nodeName, scenario.parameters, 'manual');
		expect(sample.map((item) => item.id)).toEqual([created[created.length - 1].id]);
		expect(harness.staticData(nodeName)).toEqual(stateBefore);
		expect((await poll(nodeName)).map((item) => item.id)).toEqual(created.map((item) => item.id));
	});

	it('1,000 events in bursts across 50 polls: each emitted exactly once, in order', async () => {
		const nodeName = await activate();
		const created: IDataObject[] = [];
		const emitted: IDataObject[] = [];
		const before = await counters(harness.hub);
		const startedAt = Date.now();
		for (const [index, size] of burstSizes().entries()) {
			created.push(...(await scenario.create(size, `burst ${index}`)));
			emitted.push(...(await poll(nodeName)));
		}
		const elapsedMs = Date.now() - startedAt;
		const requests = requestsBetween(before, await counters(harness.hub));
		expect(created).toHaveLength(1000);
		expectEmittedExactlyOnce(emitted, created, scenario.groupOf);
		expect(await poll(nodeName)).toEqual([]);
		// For the report: what the run cost (Hub API requests; control calls are not counted).
		process.stdout.write(
			`[trigger] ${scenario.title}: 1000 events, 50 polls, ${requests} Hub requests, ${elapsedMs} ms\n`,
		);
	});

	it('a burst larger than one page between two polls: all emitted, in order', async () => {
		const nodeName = await activate();
		const created = await scenario.create(scenario.largerThanAPage, 'big burst');
		const before = await counters(harness.hub);
		const emitted = await poll(nodeName);
		expect(requestsBetween(before, await counters(harness.hub))).toBeGreaterThan(1);
		expectEmittedExactlyOnce(emitted, created, scenario.groupOf);
		expect(await poll(nodeName)).toEqual([]);
	});

	it('items sharing a timestamp with the mark are neither lost nor repeated', async () => {
		const nodeName = await activate();
		const frozenAt = harness.hub.clock.now();
		const clock = jest.spyOn(harness.hub.clock, 'now').mockReturnValue(frozenAt);
		try {
			const first = await scenario.create(3, 'same millisecond, first');
			expectEmittedExactlyOnce(await poll(nodeName), first, scenario.groupOf);
			const second = await scenario.create(2, 'same millisecond, second');
			expectEmittedExactlyOnce(await poll(nodeName), second, scenario.groupOf);
			expect(await poll(nodeName)).toEqual([]);
			const times = new Set([...first, ...second].map((item) => item.createdAt ?? item.dateSent));
			expect([...times]).toEqual([new Date(frozenAt).toISOString()]);
		} finally {
			clock.mockRestore();
		}
	});

	it('an idle poll makes exactly one request, also after a burst that shares a timestamp', async () => {
		const nodeName = await activate();
		for (const burst of [0, 20]) {
			const clock = jest.spyOn(harness.hub.clock, 'now').mockReturnValue(harness.hub.clock.now());
			const created = await scenario.create(burst, 'before idle, one millisecond').finally(() => clock.mockRestore());
			expectEmittedExactlyOnce(await poll(nodeName), created, scenario.groupOf);
			const before = await counters(harness.hub);
			const { result, bytes } = await measureResponseBytes(harness, async () => await poll(nodeName));
			expect(result).toEqual([]);
			expect(requestsBetween(before, await counters(harness.hub))).toBe(1);
			process.stdout.write(`[trigger] ${scenario.title}: idle poll after a burst of ${burst}: 1 request, ${bytes} response body bytes\n`);
		}
	});

	it('a Hub error halfway through a poll fails it clearly, keeps the state, and the next poll catches up', async () => {
		const nodeName = await activate();
		const created = await scenario.create(scenario.largerThanAPage, 'before the outage');
		const stateBefore = deepCopy(harness.staticData(nodeName));
		const { path, passFirst } = scenario.secondRequest;
		if (passFirst > 0) await controlRequest(harness.hub, 'POST', '/__sandbox/faults', { path, count: passFirst, delayMs: 0 });
		// Five answers: the first attempt and the transport's four retries.
		await controlRequest(harness.hub, 'POST', '/__sandbox/faults', {
			path,
			count: 5,
			status: 503,
			body: { code: 'internal_error', message: 'The Hub is briefly unavailable' },
		});
		let failure: Error | undefined;
		try {
			await harness.poll(trigger, { parameters: scenario.parameters, nodeName });
		} catch (error) {
			failure = error as Error;
		} finally {
			await controlRequest(harness.hub, 'DELETE', '/__sandbox/faults');
		}
		expect(failure?.message).toMatch(/HTTP 503.*Request ID: req_/);
		expectNoSecrets(harness, { message: failure?.message, description: (failure as { description?: string }).description });
		expect(harness.staticData(nodeName)).toEqual(stateBefore);
		expectEmittedExactlyOnce(await poll(nodeName), created, scenario.groupOf);
		expect(await poll(nodeName)).toEqual([]);
	});

	it('an access token that expired between polls is refreshed once, and the poll goes on', async () => {
		const oauth = makeScenario(harness, 'oAuth2');
		const nodeName = await activate(oauth.parameters);
		const created = await oauth.create(3, 'after expiry');
		await controlRequest(harness.hub, 'POST', '/__sandbox/expire-access-tokens', {});
		const before = await counters(harness.hub);
		const emitted = await poll(nodeName, oauth.parameters);
		expectEmittedExactlyOnce(emitted, created, oauth.groupOf);
		expect((await counters(harness.hub)).refreshes - before.refreshes).toBe(1);
		expectNoSecrets(harness, { emitted, state: harness.staticData(nodeName) });
		expect(await poll(nodeName, oauth.parameters)).toEqual([]);
	});
}
