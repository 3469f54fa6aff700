import { randomUUID } from 'crypto';
import { figure, lineUnderTest } from './support/environment';
import { headerAuthCredential, hubNode, httpNode, pairedIndexes, runBeside } from './support/beside';
import { useSession } from './support/session';
import { latestExecution, type CredentialRef, type WorkflowNode } from './support/workflows';

/*
 * Conformance rows in a real n8n (each line), part 2: the n8n features a workflow uses around a node
 * (Execute Once, Always Output Data, paired items, error workflow, workflow timeout), this node
 * ("Hub") beside n8n's HTTP Request node ("HTTP") or n8n's own nodes, same run, same sandbox.
 */

const UNKNOWN_TOPIC = '00000000-0000-4000-8000-000000000000';

/** A Set node (3.4) keeping the item and adding `fields` (name -> expression). */
function setNode(name: string, fields: Record<string, string>): WorkflowNode {
	const assignments = Object.entries(fields).map(([field, value]) => ({ id: randomUUID(), name: field, value, type: 'string' }));
	return { name, type: 'n8n-nodes-base.set', typeVersion: 3.4, parameters: { mode: 'manual', assignments: { assignments }, includeOtherFields: true, options: {} } };
}

describe('conformance: n8n features around this node, beside n8n\'s own nodes', () => {
	const session = useSession();
	let token: CredentialRef;
	let header: CredentialRef;
	let userToken: string;
	const communities: Record<string, string> = {};
	const topics: Record<string, string[]> = {};

	const hubUrl = () => session.hub.url;
	const topicGet = (settings = {}) => hubNode(token, { resource: 'topic', operation: 'get', topicId: { __rl: true, mode: 'id', value: '={{ $json.topicId }}' } }, settings);
	const httpTopicGet = (settings = {}) => httpNode(header, `=${hubUrl()}/api/discussion/topics/{{ $json.topicId }}`, settings);

	beforeAll(async () => {
		// Grace reads both communities (the main one is public, she runs the private one); each
		// community's admin adds its topics.
		const grace = session.user('grace@example.com');
		userToken = grace.apiToken;
		token = { type: 'agenticDeveloperHubApi', name: 'Features token', id: (await session.n8n.createCredential('Features token', 'agenticDeveloperHubApi', { baseUrl: session.hub.url, apiToken: grace.apiToken })).id };
		header = await headerAuthCredential(session, 'Features header', `Bearer ${grace.apiToken}`);
		for (const [slug, admin] of [['agentic-builders', 'ada@example.com'], ['n8n-node-makers', 'grace@example.com']]) {
			const answer = await fetch(`${session.hub.url}/api/communities/${slug}`, { headers: { Authorization: `Bearer ${grace.apiToken}` } });
			communities[slug] = ((await answer.json()) as { id: string }).id;
			const created = await session.hub.control('POST', '/__sandbox/activity/topics', { user: admin, communityId: communities[slug], title: `Features ${slug}`, body: 'Read by the features rows.', count: 3 });
			topics[slug] = created.items.map((topic: { id: string }) => topic.id);
		}
	});
	afterEach(async () => await session.hub.control('DELETE', '/__sandbox/faults'));

	it('Execute Once: only the first item is processed, one request, as the HTTP Request node', async () => {
		const [first, second, third] = topics['agentic-builders'];
		const before = await session.counters();
		const run = await runBeside(session, 'Conformance: Execute Once', [topicGet({ executeOnce: true }), httpTopicGet({ executeOnce: true })], [{ topicId: first }, { topicId: second }, { topicId: third }]);
		const after = await session.counters();
		expect(run.status).toBe('success');
		for (const node of ['HTTP', 'Hub']) {
			const [main] = run.outputs[node];
			expect({ node, ids: main.map((item) => item.json.id), paired: pairedIndexes(main) }).toEqual({ node, ids: [first], paired: [0] });
		}
		const gets = (counters: any) => Object.values(counters.requests['GET /api/discussion/topics/:id'] ?? {}).reduce((a: number, b) => a + Number(b), 0);
		expect(gets(after) - gets(before)).toBe(2);
	});

	it('Always Output Data: a list that finds nothing gives one empty item, as the HTTP Request node', async () => {
		// The Hub answers an empty page; n8n's HTTP Request node is given an empty JSON array, which
		// it turns into no items (the same "nothing found" in n8n's terms).
		await session.hub.control('POST', '/__sandbox/faults', { method: 'GET', path: '/api/discussion/topics', status: 200, body: { items: [], nextCursor: null }, count: 10 });
		await session.hub.control('POST', '/__sandbox/faults', { method: 'GET', path: '/api/conformance/nothing', status: 200, body: [], count: 10 });
		const nodes = (alwaysOutputData: boolean) => [
			hubNode(token, { resource: 'topic', operation: 'getAll', returnAll: true }, { alwaysOutputData }),
			httpNode(header, `${hubUrl()}/api/conformance/nothing`, { alwaysOutputData }),
		];
		const off = await runBeside(session, 'Conformance: Always Output Data off', nodes(false), [{}]);
		const on = await runBeside(session, 'Conformance: Always Output Data on', nodes(true), [{}]);
		for (const node of ['HTTP', 'Hub']) {
			expect({ node, off: off.outputs[node]?.[0] ?? [] }).toEqual({ node, off: [] });
			expect({ node, on: on.outputs[node][0].map((item) => item.json) }).toEqual({ node, on: [{}] });
		}
		expect([off.status, on.status]).toEqual(['success', 'success']);
	});

	it('$(node).item after a multi-record output: each record resolves to the input item it came from', async () => {
		// Two input items (two communities), each giving several topics. After the node, a Set node
		// reads the input item through n8n's paired items; the HTTP Request node's answer is split
		// into records by n8n's Split Out node, the way a user would.
		const items = Object.entries(communities).map(([slug, communityId]) => ({ slug, communityId }));
		const run = await runBeside(
			session,
			'Conformance: paired items of Get Many',
			{
				nodes: [
					hubNode(token, { resource: 'topic', operation: 'getAll', communityId: { __rl: true, mode: 'id', value: '={{ $json.communityId }}' }, returnAll: false, limit: 5, simplify: false }),
					httpNode(header, `=${hubUrl()}/api/discussion/topics?communityId={{ $json.communityId }}&pageSize=5`),
					{ name: 'HTTP records', type: 'n8n-nodes-base.splitOut', typeVersion: 1, parameters: { fieldToSplitOut: 'items', options: {} } },
					setNode('After Hub', { inputSlug: "={{ $('Items').item.json.slug }}", hubRecord: "={{ $('Hub').item.json.id }}" }),
					setNode('After HTTP', { inputSlug: "={{ $('Items').item.json.slug }}", hubRecord: "={{ $('HTTP records').item.json.id }}" }),
				],
				after: { Hub: ['After Hub'], HTTP: ['HTTP records'], 'HTTP records': ['After HTTP'] },
			},
			items,
		);
		expect(run.status).toBe('success');
		const resolved = (node: string) => run.outputs[node][0].map((item) => ({ id: item.json.id, community: item.json.communityId, inputSlug: item.json.inputSlug, hubRecord: item.json.hubRecord }));
		const slugOf = Object.fromEntries(Object.entries(communities).map(([slug, id]) => [id, slug]));
		for (const node of ['After Hub', 'After HTTP']) {
			const records = resolved(node);
			expect(new Set(records.map((record) => record.inputSlug))).toEqual(new Set(Object.keys(communities)));
			for (const record of records) expect({ node, ...record }).toEqual({ node, ...record, inputSlug: slugOf[String(record.community)], hubRecord: record.id });
		}
		expect(resolved('After Hub').length).toBe(10);
		expect(resolved('After Hub').map((record) => record.id).sort()).toEqual(resolved('After HTTP').map((record) => record.id).sort());
	});

	it('error workflow: it receives the Hub\'s message and request ID, and no secret, as it receives the HTTP Request node\'s error', async () => {
		const errorWorkflow = await session.n8n.createWorkflow({
			name: 'Conformance: error workflow',
			nodes: [{ id: randomUUID(), name: 'Error Trigger', type: 'n8n-nodes-base.errorTrigger', typeVersion: 1, position: [0, 0], parameters: {} }],
			connections: {},
			settings: { saveDataSuccessExecution: 'all' },
		});
		// n8n 2.x runs an error workflow only when it is published (else: "is not active and cannot be
		// executed"); n8n 1.123 runs the saved one.
		if (lineUnderTest().name === '2.x') await session.n8n.activateWorkflow(errorWorkflow.id);
		const received: Record<string, any> = {};
		for (const [name, node] of [['Hub', topicGet()], ['HTTP', httpTopicGet()]] as const) {
			const before = (await session.n8n.executions(errorWorkflow.id)).map((execution) => Number(execution.id));
			const run = await runBeside(session, `Conformance: fails into the error workflow (${name})`, { nodes: [node], settings: { errorWorkflow: errorWorkflow.id } }, [{ topicId: UNKNOWN_TOPIC }]);
			expect(run.status).toBe('error');
			const handled = await latestExecution(session.environment, session.n8n, errorWorkflow.id, { afterId: before.length ? String(Math.max(...before)) : undefined, timeoutMs: 60_000 });
			expect(handled.status).toBe('success');
			const [report] = handled.outputs['Error Trigger'];
			expect(report).toMatchObject({ execution: { id: run.executionId, lastNodeExecuted: name }, workflow: { id: run.workflowId } });
			received[name] = { report, stored: JSON.stringify(handled.raw) };
		}
		const hubError = received.Hub.report.execution.error;
		expect(hubError.message).toMatch(/not found/i);
		expect(hubError.message).toMatch(/\[Request ID: req_[0-9a-f-]{36}\]/);
		expect(received.HTTP.report.execution.error.message).toMatch(/404|not found|could not be found/i);
		// The secret scan covers the whole stored execution of the error workflow, not only the report.
		expect(received.Hub.stored.includes(userToken)).toBe(false);
		figure(`error workflow, HTTP Request node's execution holds the token (${lineUnderTest().name})`, received.HTTP.stored.includes(userToken));
	});

	it('workflow timeout: a long Return All stops when n8n says so, and the Hub stops receiving requests', async () => {
		// Enough topics for several pages, each page answered after a delay: the execution outlives its
		// timeout while a request is in flight. n8n's cancel signal must abort it and end the paging.
		// The HTTP Request node waits on one slow answer under the same timeout.
		await session.hub.control('POST', '/__sandbox/activity/topics', { user: 'grace@example.com', communityId: communities['n8n-node-makers'], title: 'Timeout', body: 'Paged slowly.', count: 500 });
		await session.hub.control('POST', '/__sandbox/faults', { method: 'GET', path: '/api/discussion/topics', delayMs: 1500, count: 1000 });
		await session.hub.control('POST', '/__sandbox/faults', { method: 'GET', path: '/api/conformance/slow', delayMs: 20_000, status: 200, body: {}, count: 10 });
		const settings = { executionTimeout: 2 };
		const http = await runBeside(session, 'Conformance: workflow timeout (HTTP)', { nodes: [httpNode(header, `${hubUrl()}/api/conformance/slow`)], settings }, [{}]);
		const faulted = async () => Number((await session.counters()).faultsInjected);
		const before = await faulted();
		const hub = await runBeside(
			session,
			'Conformance: workflow timeout (Hub)',
			{ nodes: [hubNode(token, { resource: 'topic', operation: 'getAll', communityId: { __rl: true, mode: 'id', value: communities['n8n-node-makers'] }, returnAll: true })], settings },
			[{}],
		);
		const atEnd = await faulted();
		// Bounded wait: without the cancel signal the paging would go on (a page every 1.5 s).
		await new Promise((resolve) => setTimeout(resolve, 6000));
		const later = await faulted();
		figure(`workflow timeout: status and error, HTTP / Hub (${lineUnderTest().name})`, { http: [http.status, http.error?.message], hub: [hub.status, hub.error?.message] });
		figure(`workflow timeout: pages requested by the end / 6 s later (${lineUnderTest().name})`, [atEnd - before, later - before]);
		expect(http.status).not.toBe('success');
		expect(hub.status).toBe(http.status);
		// Said as what it is on 2.41, which stores the node's error; 1.123 stores none, for either node.
		expect(hub.error?.message ?? null).toEqual(
			lineUnderTest().name === '2.x' ? expect.stringMatching(/^The execution was stopped before the Hub answered GET \/api\/discussion\/topics/) : (http.error?.message ?? null),
		);
		expect(later - before).toBeLessThanOrEqual(atEnd - before + 1);
		expect(later - before).toBeLessThan(5);
	});

	it('workflow timeout during the node\'s own wait (a 429\'s Retry-After): nothing more is sent after n8n stops the execution', async () => {
		await session.hub.control('POST', '/__sandbox/faults', { method: 'GET', path: '/api/auth/me', status: 429, headers: { 'Retry-After': '8' }, count: 1000 });
		const faulted = async () => Number((await session.counters()).faultsInjected);
		const before = await faulted();
		const run = await runBeside(session, 'Conformance: workflow timeout in a wait', { nodes: [hubNode(token, { resource: 'user', operation: 'getMe' })], settings: { executionTimeout: 2 } }, [{}]);
		const atEnd = await faulted();
		// Bounded wait past the Retry-After: a wait that outlived the execution would send again.
		await new Promise((resolve) => setTimeout(resolve, 10_000));
		const later = await faulted();
		const stored = (await session.n8n.execution(run.executionId)) as { startedAt: string; stoppedAt: string };
		const seconds = (Date.parse(stored.stoppedAt) - Date.parse(stored.startedAt)) / 1000;
		figure(`workflow timeout in a 429 wait: status, seconds to stop, requests by the end / 10 s later (${lineUnderTest().name})`, [run.status, seconds, atEnd - before, later - before]);
		expect(run.status).not.toBe('success');
		expect([atEnd - before, later - before]).toEqual([1, 1]);
	});
});
