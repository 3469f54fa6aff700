import nock from 'nock';
import { CONCURRENT_READS, runItems } from '../../nodes/AgenticDeveloperHub/actions/router';
import { describeViolations, hubApiValidator, type Violation } from '../openapi/validator';
import { topic } from '../requestShapes/fixtures';
import { HUB_URL, useShapeHarness } from '../requestShapes/support';
import { waitFor } from '../realtime/support';
import { node, withDefaults } from './support';

/*
 * Items of a read-only operation run several at once (as n8n's HTTP Request node sends every item's
 * request at once), bounded; writes one after another. The Hub here holds every answer until the test
 * lets it go, so what is in flight at once is counted without any timing (nock: the sandbox cannot
 * hold an answer until told). Every answer it gives is checked against the Hub's published types.
 */

const validator = hubApiValidator();

interface HeldHub {
	/** Requests received so far, in arrival order (`METHOD /path`). */
	received: string[];
	inFlight(): number;
	peak(): number;
	/** Answers every held request and every later one at once. */
	release(): void;
	/** Answers that are not a published shape (a test bug): must stay empty. */
	violations: Violation[];
}

function holdHub(answer: (method: string, path: string) => [number, unknown]): HeldHub {
	const received: string[] = [];
	const violations: Violation[] = [];
	let inFlight = 0;
	let peak = 0;
	let release!: () => void;
	const released = new Promise<void>((resolve) => (release = resolve));
	for (const method of ['GET', 'POST']) {
		nock(HUB_URL)
			.persist()
			.intercept(() => true, method)
			.reply(async (request: Request) => {
				const { pathname } = new URL(request.url);
				received.push(`${request.method} ${pathname}`);
				peak = Math.max(peak, ++inFlight);
				await released;
				inFlight -= 1;
				const [status, body] = answer(request.method, pathname);
				violations.push(...validator.validateResponse({ method: request.method, path: pathname, status, contentType: 'application/json', body }));
				return [status, JSON.stringify(body), { 'Content-Type': 'application/json' }];
			});
	}
	return { received, inFlight: () => inFlight, peak: () => peak, release, violations };
}

/** Topic IDs as the Hub makes them; `missing` ones are answered 404. */
const topicId = (index: number, missing = false) => `${missing ? 'dead0000' : '0c9e7a3b'}-1111-4a2b-8c3d-${String(index).padStart(12, '0')}`;

const topicAnswer = (method: string, path: string): [number, unknown] => {
	const id = path.split('/').pop()!;
	if (id.startsWith('dead0000')) return [404, { error: { code: 'not_found', message: 'Topic not found' } }];
	return [200, topic({ id })];
};

describe('Router: items of a read at once, writes one by one', () => {
	const shapes = useShapeHarness();
	const topicGet = { resource: 'topic', operation: 'get', topicId: { __rl: true, mode: 'id', value: '={{ $json.topicId }}' }, simplify: false };
	const items = (ids: string[]) => ids.map((topicId) => ({ json: { topicId } }));
	const ids = Array.from({ length: 25 }, (_unused, index) => topicId(index));
	/** The same items, those at `indexes` asking for topics the Hub does not have. */
	const failingAt = (...indexes: number[]) => ids.map((id, index) => (indexes.includes(index) ? topicId(index, true) : id));

	afterEach(() => nock.cleanAll());

	it(`holds up to ${CONCURRENT_READS} items' reads in flight, never more, and keeps the items' order and pairing`, async () => {
		const hub = holdHub(topicAnswer);
		const run = shapes.harness.execute(node, { parameters: withDefaults({ authentication: 'apiToken', ...topicGet }), items: items(ids) });
		await waitFor(() => hub.inFlight() === CONCURRENT_READS, `${CONCURRENT_READS} reads in flight`);
		expect(hub.received).toEqual(ids.slice(0, CONCURRENT_READS).map((id) => `GET /api/discussion/topics/${id}`));
		hub.release();
		const [output] = await run;
		expect(hub.peak()).toBe(CONCURRENT_READS);
		expect(output.map((item) => item.json.id)).toEqual(ids);
		expect(output.map((item) => item.pairedItem)).toEqual(ids.map((_id, item) => ({ item })));
		expect(describeViolations(hub.violations)).toBe('');
	});

	it('fails with the first failing item in item order, not the first to fail', async () => {
		const failing = failingAt(3, 5);
		const hub = holdHub(topicAnswer);
		const run = shapes.harness.execute(node, { parameters: withDefaults({ authentication: 'apiToken', ...topicGet }), items: items(failing) });
		await waitFor(() => hub.inFlight() === CONCURRENT_READS, `${CONCURRENT_READS} reads in flight`);
		hub.release();
		const error = (await run.then(() => undefined, (thrown: unknown) => thrown)) as { message: string; context?: { itemIndex?: number } };
		expect(error?.message).toMatch(/not found/i);
		expect(error.context?.itemIndex).toBe(3);
		expect(describeViolations(hub.violations)).toBe('');
	});

	it('with Continue On Fail, every item runs and each failure stays at its own item', async () => {
		const failing = failingAt(3, 17);
		const hub = holdHub(topicAnswer);
		hub.release();
		const [output] = await shapes.harness.execute(node, {
			parameters: withDefaults({ authentication: 'apiToken', ...topicGet }),
			items: items(failing),
			continueOnFail: true,
		});
		expect(hub.received).toHaveLength(ids.length);
		expect(output.map((item) => (item.json.error ? `error ${item.pairedItem && (item.pairedItem as { item: number }).item}` : item.json.id))).toEqual(
			failing.map((id, index) => (id.startsWith('dead0000') ? `error ${index}` : id)),
		);
		expect(describeViolations(hub.violations)).toBe('');
	});

	it('sends a write one item after another, in item order', async () => {
		const notificationIds = ids.slice(0, 3);
		const hub = holdHub(() => [200, { success: true }]);
		const run = shapes.harness.execute(node, {
			parameters: withDefaults({ authentication: 'apiToken', resource: 'notification', operation: 'markRead', notificationId: { __rl: true, mode: 'id', value: '={{ $json.topicId }}' } }),
			items: items(notificationIds),
		});
		await waitFor(() => hub.inFlight() === 1, 'the first write in flight');
		// Time for a second write to show up if items ran at once (it only widens the net: one after
		// another passes however long this takes).
		await new Promise((resolve) => setTimeout(resolve, 300));
		expect(hub.received).toHaveLength(1);
		hub.release();
		const [output] = await run;
		expect(hub.peak()).toBe(1);
		expect(hub.received).toEqual(notificationIds.map((id) => `POST /api/notifications/${id}/read`));
		expect(output.map((item) => item.json)).toEqual(notificationIds.map((id) => ({ success: true, id })));
		expect(describeViolations(hub.violations)).toBe('');
	});
});

describe('runItems: the order items start and stop in', () => {
	/** Each item's run, settled by the test; `started` lists items as they start. */
	function controlledRuns(count: number) {
		const started: number[] = [];
		const settle: Array<{ resolve: () => void; reject: (error: Error) => void }> = [];
		const run = async (itemIndex: number) => {
			started.push(itemIndex);
			await new Promise<void>((resolve, reject) => (settle[itemIndex] = { resolve, reject }));
			return [{ json: { itemIndex }, pairedItem: { item: itemIndex } }];
		};
		return { started, settle, run, count };
	}
	/** Lets every promise reaction queued so far run (no clock involved). */
	const settled = async () => await new Promise((resolve) => setImmediate(resolve));

	it('starts items in order, at most the limit at once, the next when one ends', async () => {
		const items = controlledRuns(5);
		const outcomes = runItems(items.count, 2, true, items.run);
		await settled();
		expect(items.started).toEqual([0, 1]);
		items.settle[1].resolve();
		await settled();
		expect(items.started).toEqual([0, 1, 2]);
		for (const index of [0, 2, 3, 4]) {
			items.settle[index]?.resolve();
			await settled();
		}
		expect((await outcomes).map((outcome) => outcome && 'records' in outcome)).toEqual([true, true, true, true, true]);
	});

	it('starts nothing after a failure when told to stop; the items in flight finish', async () => {
		const items = controlledRuns(25);
		const outcomes = runItems(items.count, 10, true, items.run);
		await settled();
		items.settle[3].reject(new Error('item 3 failed'));
		await settled();
		for (const index of [0, 1, 2, 4, 5, 6, 7, 8, 9]) items.settle[index].resolve();
		const result = await outcomes;
		expect(items.started).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
		expect(result.map((outcome) => (outcome ? ('error' in outcome ? 'error' : 'ok') : 'not started'))).toEqual([
			...['ok', 'ok', 'ok', 'error', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok'],
			...Array(15).fill('not started'),
		]);
	});

	it('goes on after a failure when not told to stop (Continue On Fail)', async () => {
		const items = controlledRuns(4);
		const outcomes = runItems(items.count, 2, false, items.run);
		await settled();
		items.settle[0].reject(new Error('item 0 failed'));
		await settled();
		expect(items.started).toEqual([0, 1, 2]);
		for (const index of [1, 2, 3]) {
			items.settle[index].resolve();
			await settled();
		}
		expect((await outcomes).map((outcome) => outcome && 'error' in outcome)).toEqual([true, false, false, false]);
	});
});
