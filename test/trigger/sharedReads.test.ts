import {
	NodeConnectionTypes,
	NodeHelpers,
	type IDataObject,
	type IExecuteFunctions,
	type IHttpRequestMethods,
	type INode,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';
import { AgenticDeveloperHubTrigger } from '../../nodes/AgenticDeveloperHub/AgenticDeveloperHubTrigger.node';
import { authenticationProperty, credentialDescriptions } from '../../nodes/AgenticDeveloperHub/descriptions/authentication';
import { hubApiRequest } from '../../nodes/AgenticDeveloperHub/transport';
import { readTicket } from '../../nodes/AgenticDeveloperHub/transport/sharedReads';
import { createHarness, type Harness } from '../harness';
import { controlRequest } from '../hub/testing';
import { responses } from '../transport/support';
import { counters, freshNodeName, pollItems, triggerHarness } from './support/harness';
import { ADA, GRACE } from './support/scenarios';

const LIST = 'GET /api/notifications';
const NOTIFICATIONS = { authentication: 'apiToken', event: 'newNotification' };

/**
 * A test-only node: sends `copies` identical requests at once through the transport, as reads
 * that all began before any was sent, and outputs each answer as an item.
 */
class IdenticalRequests implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Identical Requests',
		name: 'identicalRequests',
		group: ['transform'],
		version: 1,
		description: 'Sends identical Hub requests at once (tests only)',
		defaults: { name: 'Identical Requests' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: credentialDescriptions,
		properties: [
			authenticationProperty,
			{ displayName: 'Method', name: 'method', type: 'string', default: 'GET' },
			{ displayName: 'Endpoint', name: 'endpoint', type: 'string', default: '/api/notifications' },
			{ displayName: 'Copies', name: 'copies', type: 'number', default: 3 },
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const method = this.getNodeParameter('method', 0) as IHttpRequestMethods;
		const endpoint = this.getNodeParameter('endpoint', 0) as string;
		const copies = this.getNodeParameter('copies', 0) as number;
		const began = readTicket();
		const options = method === 'GET' ? { qs: { page: 1, pageSize: 5 }, shareAfter: began } : { idempotent: true, shareAfter: began };
		const answers = await Promise.all(Array.from({ length: copies }, async () => await hubApiRequest.call<IExecuteFunctions, Parameters<typeof hubApiRequest>, Promise<IDataObject>>(this, method, endpoint, options)));
		return [answers.map((json) => ({ json }))];
	}
}

const identical = new IdenticalRequests();

/** The polling trigger as n8n loads it: n8n's loader adds Poll Times to every polling node (n8n-core nodes-loader/constants). */
const loadedTrigger = new AgenticDeveloperHubTrigger();
loadedTrigger.description = {
	...loadedTrigger.description,
	properties: [
		...loadedTrigger.description.properties,
		{
			displayName: 'Poll Times',
			name: 'pollTimes',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true },
			default: { item: [{ mode: 'everyMinute' }] },
			options: NodeHelpers.cronNodeOptions,
		},
	],
};

describe('Identical reads of one account share one request', () => {
	let harness: Harness;
	/**
	 * Polling workflows run at the same moment, each in a harness of its own (the harness keeps one
	 * static data object per harness, as n8n keeps one per workflow), all with Ada's credentials.
	 */
	const workflows: Harness[] = [];
	beforeAll(async () => {
		harness = await triggerHarness();
		for (let count = 0; count < 3; count++) {
			const workflow = await createHarness({ hub: harness.hub });
			workflow.useApiToken();
			await workflow.connectOAuth2();
			workflows.push(workflow);
		}
	});
	afterAll(async () => {
		for (const workflow of workflows) await workflow.close();
		await harness.close();
	});
	/** Polls workflow `index` of `workflows` with each parameter set, all at the same moment. */
	const pollTogether = async (runs: Array<{ index: number; node: string; parameters?: object }>) =>
		await Promise.all(runs.map(async ({ index, node, parameters = NOTIFICATIONS }) => await pollItems(workflows[index], node, parameters as never)));
	const hub = () => harness.hub;
	const listReads = async () => responses(await counters(hub()), LIST)['200'] ?? 0;
	const notify = async (count: number, user = ADA): Promise<IDataObject[]> =>
		(await controlRequest(hub(), 'POST', '/__sandbox/activity/notifications', { user, category: 'community_reply', title: 'Shared', actor: user === ADA ? GRACE : ADA, count })).items;
	const ids = (items: IDataObject[]) => items.map((item) => item.id);

	it('reads that began together: one request; each caller gets its own copy of the answer', async () => {
		const before = await listReads();
		const [output] = await harness.execute(identical, { parameters: { authentication: 'apiToken', copies: 3 } });
		expect(await listReads()).toBe(before + 1);
		const [first, second, third] = output.map((item) => item.json as { items: IDataObject[] });
		expect(second).toEqual(first);
		expect(third).toEqual(first);
		expect(first.items.length).toBeGreaterThan(0);
		first.items[0].title = 'changed by one caller';
		first.items.pop();
		expect(second.items[0].title).not.toBe('changed by one caller');
		expect(second.items).toHaveLength(third.items.length);
		expect(second.items).not.toBe(third.items);
	});

	it('never shares a write', async () => {
		const route = 'POST /api/notifications/read-all';
		const before = responses(await counters(hub()), route)['200'] ?? 0;
		await harness.execute(identical, { parameters: { authentication: 'apiToken', method: 'POST', endpoint: '/api/notifications/read-all', copies: 2 } });
		expect(responses(await counters(hub()), route)['200'] ?? 0).toBe(before + 2);
	});

	it('a read that begins after an identical request was sent never takes its answer', async () => {
		const before = await listReads();
		await harness.execute(identical, { parameters: { authentication: 'apiToken', copies: 1 } });
		const created = await notify(1);
		const [output] = await harness.execute(identical, { parameters: { authentication: 'apiToken', copies: 1 } });
		expect(await listReads()).toBe(before + 2);
		expect((output[0].json.items as IDataObject[])[0].id).toBe(created[0].id);
	});

	it('polling workflows of one account polled at the same moment: one request, each filtering by its own mark', async () => {
		const node = freshNodeName();
		const [a, b, c] = [0, 1, 2].map((index) => ({ index, node }));
		expect(await pollTogether([a, b])).toEqual([[], []]);
		const early = await notify(1);
		// C takes its mark after the first one arrived: for C it is not new.
		expect(await pollTogether([c])).toEqual([[]]);
		const later = await notify(1);
		const before = await listReads();
		const [forA, forB, forC] = await pollTogether([a, b, c]);
		expect(await listReads()).toBe(before + 1);
		expect(ids(forA)).toEqual(ids([...early, ...later]));
		expect(ids(forB)).toEqual(ids([...early, ...later]));
		expect(ids(forC)).toEqual(ids(later));
		// Nothing twice: the next moment has nothing new for any of them.
		expect(await pollTogether([a, b, c])).toEqual([[], [], []]);
	});

	it('never across accounts: a personal token, an OAuth2 credential and another user\'s token each send their own', async () => {
		const node = freshNodeName();
		workflows[2].useApiToken(hub().info().users.find((user) => user.email === GRACE)!.apiToken);
		try {
			const all = async () =>
				await pollTogether([{ index: 0, node }, { index: 1, node, parameters: { ...NOTIFICATIONS, authentication: 'oAuth2' } }, { index: 2, node }]);
			await all();
			const created = await notify(1);
			const forGrace = await notify(1, GRACE);
			const before = await listReads();
			const [byToken, byOAuth, byGrace] = await all();
			expect(await listReads()).toBe(before + 3);
			expect(ids(byToken)).toEqual(ids(created));
			expect(ids(byOAuth)).toEqual(ids(created));
			expect(ids(byGrace)).toEqual(ids(forGrace));
		} finally {
			workflows[2].useApiToken();
		}
	});

	it('a failure reaches every reader of the shared request as its own error, naming its own node', async () => {
		const nodes = [freshNodeName(), freshNodeName()];
		const pollAll = async () => await Promise.allSettled(nodes.map(async (node, index) => await pollItems(workflows[index], node, NOTIFICATIONS)));
		await pollAll();
		const before = await counters(hub());
		await controlRequest(hub(), 'POST', '/__sandbox/faults', { method: 'GET', path: '/api/notifications', count: 1, status: 403 });
		const outcomes = await pollAll();
		expect(responses(await counters(hub()), LIST)['403'] ?? 0).toBe((responses(before, LIST)['403'] ?? 0) + 1);
		const errors = outcomes.map((outcome) => (outcome.status === 'rejected' ? (outcome.reason as Error & { node?: INode }) : undefined));
		expect(errors.map((error) => error?.node?.name)).toEqual(nodes);
		expect(errors[0]).not.toBe(errors[1]);
		expect(errors[1]?.message).toBe(errors[0]?.message);
		// The marks did not move: the next poll finds what arrives as usual.
		const created = await notify(1);
		const after = await pollAll();
		expect(after.map((outcome) => (outcome.status === 'fulfilled' ? ids(outcome.value) : outcome.reason))).toEqual([ids(created), ids(created)]);
	});

	it('an expired access token: the shared request refreshes once, and every reader gets the retried answer', async () => {
		const parameters = { ...NOTIFICATIONS, authentication: 'oAuth2' };
		const node = freshNodeName();
		const pollAll = async () => await pollTogether([0, 1, 2].map((index) => ({ index, node, parameters })));
		await pollAll();
		const created = await notify(2);
		const before = await counters(hub());
		await controlRequest(hub(), 'POST', '/__sandbox/expire-access-tokens', {});
		const emitted = await pollAll();
		const after = await counters(hub());
		expect(after.refreshes - before.refreshes).toBe(1);
		expect((responses(after, LIST)['401'] ?? 0) - (responses(before, LIST)['401'] ?? 0)).toBe(1);
		expect((responses(after, LIST)['200'] ?? 0) - (responses(before, LIST)['200'] ?? 0)).toBe(1);
		expect(emitted.map(ids)).toEqual([0, 1, 2].map(() => ids(created)));
	});

	it('a poll may take an identical read fetched by another workflow up to a minute before: a new item comes one poll later, never lost or repeated', async () => {
		const [a, b] = [freshNodeName(), freshNodeName()];
		await pollTogether([{ index: 0, node: a }, { index: 1, node: b }]);
		const before = await listReads();
		expect(await pollTogether([{ index: 0, node: a }])).toEqual([[]]);
		const created = await notify(1);
		// B takes the answer A fetched a moment ago: nothing new for B yet, and no request.
		expect(await pollTogether([{ index: 1, node: b }])).toEqual([[]]);
		expect(await listReads()).toBe(before + 1);
		// Never the same answer twice: B's next poll sends its own, and A takes that newer one.
		expect((await pollTogether([{ index: 1, node: b }]))[0].map((item) => item.id)).toEqual(ids(created));
		expect((await pollTogether([{ index: 0, node: a }]))[0].map((item) => item.id)).toEqual(ids(created));
		expect(await listReads()).toBe(before + 2);
		expect(await pollTogether([{ index: 0, node: a }, { index: 1, node: b }])).toEqual([[], []]);
	});

	it('Poll Times more often than once a minute: a poll takes only reads sent since it began', async () => {
		const parameters = { ...NOTIFICATIONS, pollTimes: { item: [{ mode: 'custom', cronExpression: '*/10 * * * * *' }] } };
		const poll = async (index: number, nodeName: string) =>
			((await workflows[index].poll(loadedTrigger, { parameters, nodeName })) ?? [[]])[0].map((item) => item.json.id);
		const [a, b] = [freshNodeName(), freshNodeName()];
		await Promise.all([poll(0, a), poll(1, b)]);
		const before = await listReads();
		expect(await poll(0, a)).toEqual([]);
		const created = await notify(1);
		expect(await poll(1, b)).toEqual(ids(created));
		expect(await listReads()).toBe(before + 2);
		// Every Minute (n8n's default) again: B's answer serves A.
		const everyMinute = { ...parameters, pollTimes: { item: [{ mode: 'everyMinute' }] } };
		expect(((await workflows[0].poll(loadedTrigger, { parameters: everyMinute, nodeName: a })) ?? [[]])[0].map((item) => item.json.id)).toEqual(ids(created));
		expect(await listReads()).toBe(before + 2);
	});
});
