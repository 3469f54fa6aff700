import type { IDataObject, INodeParameters } from 'n8n-workflow';
import { setRealtimePolicy } from '../../../nodes/AgenticDeveloperHub/realtime/policy';
import { setRetryPolicy } from '../../../nodes/AgenticDeveloperHub/transport/retryPolicy';
import { createHarness, type Harness } from '../../harness';
import { loadOptionsProbe, node, withDefaults } from '../../node/support';
import { activate, emittedItems, FAST_POLICY, messageAda } from '../../realtime/support';
import { freshNodeName, pollItems } from '../../trigger/support/harness';
import { directMessageScenario, notificationScenario, replyScenario, topicScenario } from '../../trigger/support/scenarios';
import { startHub, type Hub } from '..';
import { controlRequest, hubRequest } from '../testing';
import { everyOperation, PASSED_THROUGH } from './operations';
import { FUTURE, FUTURE_FIELD, FUTURE_FIELD_VALUE } from './values';

/*
 * The node against a Hub newer than its types (docs/hub-drift.md): every operation, the pickers, and
 * both triggers. Nothing may fail, unknown values come through unchanged, Simplify still works.
 */

const tally = { operations: 0, events: 0, failures: [] as string[] };

type Run = (parameters: INodeParameters) => Promise<IDataObject[]>;

const byId = (value: string) => ({ __rl: true, mode: 'id', value });
/** The operations that act on what an earlier one made, and the parameter its id goes into. */
const FED: Record<string, (made: Record<string, string>) => INodeParameters> = {
	'reaction remove': (made) => ({ reactionId: made['reaction add'] }),
	'post delete': (made) => ({ postId: byId(made['post reply']) }),
	'topic delete': (made) => ({ topicId: byId(made['topic create']) }),
};

/** Every operation once, in order; a write's output feeds the operation that needs its id. */
async function runEveryOperation(hub: Hub, run: Run, future: boolean): Promise<{ failures: string[]; withField: string[] }> {
	const operations = everyOperation(hub);
	expect(operations).toHaveLength(56);
	const made: Record<string, string> = {};
	const failures: string[] = [];
	const withField: string[] = [];
	for (const [name, parameters] of operations) {
		try {
			const fed = FED[name]?.(made) ?? {};
			const output = await run({ ...parameters, ...fed });
			made[name] = String(output[0]?.id);
			const text = JSON.stringify(output);
			if (text.includes(`"${FUTURE_FIELD}":${JSON.stringify(FUTURE_FIELD_VALUE)}`)) withField.push(name);
			if (future && PASSED_THROUGH[name] && !PASSED_THROUGH[name](text)) failures.push(`${name}: a future value did not come through: ${text.slice(0, 300)}`);
		} catch (error) {
			failures.push(`${name}: ${(error as Error).message}`);
		}
	}
	return { failures, withField };
}

/** The same run against today's Hub first: the baseline the future Hub is held to. */
describe('today\'s Hub (the baseline)', () => {
	it('runs every operation without a failure', async () => {
		const harness = await createHarness();
		try {
			harness.useApiToken();
			const run: Run = async (parameters) => (await harness.execute(node, { parameters: withDefaults({ authentication: 'apiToken', ...parameters }) }))[0].map((item) => item.json);
			const { failures, withField } = await runEveryOperation(harness.hub, run, false);
			expect(failures).toEqual([]);
			expect(withField).toEqual([]);
		} finally {
			await harness.close();
		}
	});
});

describe('the future Hub', () => {
	let hub: Hub;
	let harness: Harness;
	const undo: Array<() => void> = [];

	beforeAll(async () => {
		hub = await startHub({ future: true });
		harness = await createHarness({ hub });
		harness.useApiToken();
		await harness.connectOAuth2();
		undo.push(setRealtimePolicy(FAST_POLICY), setRetryPolicy({ sleep: async () => {} }));
	});
	afterAll(async () => {
		undo.forEach((restore) => restore());
		await harness?.close();
		await hub?.close();
		process.stdout.write(`future Hub: ${tally.operations} operations, ${tally.events} trigger events, ${tally.failures.length} failures\n`);
	});

	const run = async (parameters: INodeParameters): Promise<IDataObject[]> => {
		const output = await harness.execute(node, { parameters: withDefaults({ authentication: 'apiToken', ...parameters }) });
		return output[0].map((item) => item.json);
	};

	it('runs every operation: none fails, the new field and the new kinds come through unchanged', async () => {
		const { failures, withField } = await runEveryOperation(hub, run, true);
		tally.operations += everyOperation(hub).length;
		tally.failures.push(...failures);
		expect(failures).toEqual([]);
		// Every operation whose output is the Hub's record shows the new field as the Hub sent it.
		expect(withField.length).toBeGreaterThanOrEqual(40);
	});

	it('Simplify keeps working: the simplified fields only, new kinds by their raw value', async () => {
		const notifications = await run({ resource: 'notification', operation: 'getAll', returnAll: true });
		const future = notifications.find((item) => item.category === FUTURE.notificationCategory);
		expect(future).toBeDefined();
		expect(future).not.toHaveProperty(FUTURE_FIELD);
		const connections = await run({ resource: 'integration', operation: 'getAllConnections', returnAll: true });
		expect(connections).toContainEqual(expect.objectContaining({ provider: FUTURE.provider, status: FUTURE.connectionStatus }));
	});

	it('pickers list the unknown kinds by their raw value', async () => {
		const pick = async (method: string, parameters: INodeParameters) =>
			(await harness.listSearch(loadOptionsProbe, method, { parameters: { authentication: 'apiToken', ...parameters } })).results;
		const connections = await pick('searchConnections', { resource: 'integration', operation: 'sync' });
		expect(connections.map((option) => option.name)).toContainEqual(expect.stringContaining(`(${FUTURE.provider}, ${FUTURE.connectionStatus})`));
		expect(await pick('getServiceTypes', { resource: 'integration', operation: 'connect', providerId: FUTURE.provider })).toEqual([{ name: 'issues', value: 'issues' }]);
	});

	it('error answers with members the types do not list still fail the item with the Hub\'s message', async () => {
		const error = await run({ resource: 'topic', operation: 'get', topicId: { __rl: true, mode: 'id', value: '00000000-0000-4000-8000-000000000000' } }).catch((caught: Error) => caught);
		expect((error as Error).message).toMatch(/^The topic was not found/);
	});

	it('the request side stays strict: a request the types refuse is still refused', async () => {
		const ada = hub.info().users[0];
		const response = await hubRequest(hub, 'POST', '/api/discussion/topics', { token: ada.apiToken, body: { title: 'x', body: 'y', communityId: 'c', tags: ['future'] } });
		expect(response.status).toBe(400);
		expect(hub.takeViolations().map((violation) => `${violation.kind} ${violation.message}`)).toEqual(['request has "tags", which the published type does not define']);
	});

	it('the polling trigger delivers notifications of a new category, and keeps its mark', async () => {
		const ada = hub.info().users[0];
		const nodeName = freshNodeName();
		const parameters = { authentication: 'apiToken', event: 'newNotification' };
		expect(await pollItems(harness, nodeName, parameters)).toEqual([]);
		const made = (await controlRequest(hub, 'POST', '/__sandbox/future', { notifications: { userId: ada.id, count: 2 } })).notifications as string[];
		const delivered = await pollItems(harness, nodeName, parameters);
		expect(delivered.map((item) => item.id).sort()).toEqual([...made].sort());
		expect(delivered.every((item) => item.category === FUTURE.notificationCategory)).toBe(true);
		tally.events += delivered.length;
		expect(await pollItems(harness, nodeName, parameters)).toEqual([]);
		const later = (await controlRequest(hub, 'POST', '/__sandbox/future', { notifications: { userId: ada.id } })).notifications as string[];
		const next = await pollItems(harness, nodeName, parameters);
		expect(next.map((item) => item.id)).toEqual(later);
		tally.events += next.length;
	});

	it('the polling trigger delivers every event as the future Hub answers it, the new field included, once', async () => {
		for (const scenario of [notificationScenario, topicScenario, replyScenario, directMessageScenario].map((make) => make(harness))) {
			const nodeName = freshNodeName();
			expect(await pollItems(harness, nodeName, scenario.parameters)).toEqual([]);
			const created = await scenario.create(2, `future ${scenario.title}`);
			const delivered = await pollItems(harness, nodeName, scenario.parameters);
			expect({ event: scenario.title, ids: delivered.map((item) => item.id) }).toEqual({ event: scenario.title, ids: created.map((item) => item.id) });
			expect(delivered.every((item) => JSON.stringify(item).includes(FUTURE_FIELD))).toBe(true);
			expect(await pollItems(harness, nodeName, scenario.parameters)).toEqual([]);
			tally.events += delivered.length;
		}
	});

	it('the realtime trigger delivers direct messages from the future Hub', async () => {
		const suite = { harness, runs: [] as Array<{ close(): Promise<void> }> };
		try {
			const run = await activate(suite as never, { authentication: 'apiToken', event: 'newDirectMessage' }, freshNodeName());
			const sent = await messageAda(harness, 2);
			expect((await emittedItems(run, 2)).map((item) => item.id)).toEqual(sent.map((item) => item.id));
			tally.events += 2;
			expect(run.errors).toEqual([]);
		} finally {
			for (const open of suite.runs) await open.close();
		}
	});

	it('the realtime trigger delivers notifications of a new category as they arrive', async () => {
		const ada = hub.info().users[0];
		const suite = { harness, runs: [] as Array<{ close(): Promise<void> }> };
		try {
			const run = await activate(suite as never, { authentication: 'apiToken', event: 'newNotification' }, freshNodeName());
			const made = (await controlRequest(hub, 'POST', '/__sandbox/future', { notifications: { userId: ada.id, count: 2 } })).notifications as string[];
			const emitted = await emittedItems(run, 2);
			expect(emitted.map((item) => item.id).sort()).toEqual([...made].sort());
			expect(emitted.every((item) => item.category === FUTURE.notificationCategory)).toBe(true);
			tally.events += emitted.length;
			expect(run.errors).toEqual([]);
		} finally {
			for (const open of suite.runs) await open.close();
		}
	});
});
