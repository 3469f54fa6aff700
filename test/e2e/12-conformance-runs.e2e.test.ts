import { randomUUID } from 'crypto';
import { lineUnderTest } from './support/environment';
import { headerAuthCredential, hubNode, httpNode, runBeside, type StoredItem } from './support/beside';
import { runManually } from './support/manualRun';
import { useSession } from './support/session';
import type { CredentialRef, WorkflowNode } from './support/workflows';

/*
 * Conformance rows in a real n8n (each line), part 3: the ways n8n runs a node besides a production
 * run (pinned data and "Execute workflow" / "Execute step" in the editor, a sub-workflow through the
 * Execute Workflow node) give what a production run gives, for this node ("Hub") as for n8n's HTTP
 * Request node ("HTTP").
 */

const TOPIC_GETS = 'GET /api/discussion/topics/:id';

describe('conformance: editor runs, pinned data and sub-workflows give a normal run\'s results', () => {
	const session = useSession();
	let token: CredentialRef;
	let header: CredentialRef;
	let topicIds: string[];
	let normal: Record<string, unknown[]>;

	const nodes = (): WorkflowNode[] => [
		hubNode(token, { resource: 'topic', operation: 'get', topicId: { __rl: true, mode: 'id', value: '={{ $json.topicId }}' } }),
		httpNode(header, `=${session.hub.url}/api/discussion/topics/{{ $json.topicId }}`),
	];
	const items = () => topicIds.map((topicId) => ({ topicId }));
	const jsonOf = (output: StoredItem[][] | undefined) => (output?.[0] ?? []).map((item) => item.json);
	const topicGets = async () => Object.values((await session.counters()).requests[TOPIC_GETS] ?? {}).reduce((a: number, b) => a + Number(b), 0);

	/** Manual Trigger -> Items (a No Op whose output is pinned: the items) -> Hub and HTTP, saved with `pinData`. */
	async function editorWorkflow(name: string, pinData: Record<string, unknown[]>): Promise<string> {
		const placed = nodes().map((node, index) => ({ id: randomUUID(), position: [400, index * 200], ...node }));
		const { id } = await session.n8n.createWorkflow({
			name,
			nodes: [
				{ id: randomUUID(), name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
				{ id: randomUUID(), name: 'Items', type: 'n8n-nodes-base.noOp', typeVersion: 1, position: [200, 0], parameters: {} },
				...placed,
			],
			connections: {
				Start: { main: [[{ node: 'Items', type: 'main', index: 0 }]] },
				Items: { main: [placed.map((node) => ({ node: node.name, type: 'main', index: 0 }))] },
			},
			pinData: { Items: items().map((json) => ({ json })), ...pinData },
		});
		return id;
	}

	beforeAll(async () => {
		const ada = session.user('ada@example.com');
		token = { type: 'agenticDeveloperHubApi', name: 'Runs token', id: (await session.n8n.createCredential('Runs token', 'agenticDeveloperHubApi', { baseUrl: session.hub.url, apiToken: ada.apiToken })).id };
		header = await headerAuthCredential(session, 'Runs header', `Bearer ${ada.apiToken}`);
		const community = await fetch(`${session.hub.url}/api/communities/agentic-builders`, { headers: { Authorization: `Bearer ${ada.apiToken}` } });
		const { id: communityId } = (await community.json()) as { id: string };
		const created = await session.hub.control('POST', '/__sandbox/activity/topics', { user: ada.email, communityId, title: 'Runs conformance', body: 'Read in every kind of run.', count: 3 });
		topicIds = created.items.map((topic: { id: string }) => topic.id);
		const run = await runBeside(session, 'Conformance: a normal run', nodes(), items());
		expect(run.status).toBe('success');
		normal = { Hub: jsonOf(run.outputs.Hub), HTTP: jsonOf(run.outputs.HTTP) };
		expect(normal.Hub.map((topic: any) => topic.id)).toEqual(topicIds);
	});

	it('Execute workflow in the editor, from pinned input items, then Execute step on the node: a normal run\'s results', async () => {
		const workflowId = await editorWorkflow('Conformance: editor runs', {});
		const full = await runManually(session, workflowId, { triggerToStartFrom: { name: 'Start' } });
		expect(full.status).toBe('success');
		for (const node of ['Hub', 'HTTP']) expect({ node, output: jsonOf(full.outputs[node]) }).toEqual({ node, output: normal[node] });

		const before = await topicGets();
		const step = await runManually(session, workflowId, { destinationNode: { nodeName: 'Hub', mode: 'inclusive' }, runData: { Start: full.runData.Start, Items: full.runData.Items } });
		expect(step.status).toBe('success');
		expect(jsonOf(step.outputs.Hub)).toEqual(normal.Hub);
		// Only the step ran: the node's three requests, not the HTTP Request node's.
		expect(await topicGets()).toBe(before + 3);
	});

	it('pinned output: the node sends nothing and its pinned items flow on, as the HTTP Request node\'s', async () => {
		const pinned = [{ json: { pinned: 'Hub output' } }];
		const workflowId = await editorWorkflow('Conformance: pinned output', { Hub: pinned, HTTP: [{ json: { pinned: 'HTTP output' } }] });
		const before = await topicGets();
		const run = await runManually(session, workflowId, { triggerToStartFrom: { name: 'Start' } });
		expect(run.status).toBe('success');
		expect(jsonOf(run.outputs.Hub)).toEqual([{ pinned: 'Hub output' }]);
		expect(jsonOf(run.outputs.HTTP)).toEqual([{ pinned: 'HTTP output' }]);
		expect(await topicGets()).toBe(before);
	});

	it('sub-workflow (Execute Workflow node): the node in a called workflow gives a normal run\'s results', async () => {
		const callers: WorkflowNode[] = [];
		for (const node of nodes()) {
			const child = await session.n8n.createWorkflow({
				name: `Conformance: sub-workflow with ${node.name}`,
				nodes: [
					{ id: randomUUID(), name: 'Called', type: 'n8n-nodes-base.executeWorkflowTrigger', typeVersion: 1.1, position: [0, 0], parameters: { inputSource: 'passthrough' } },
					{ id: randomUUID(), position: [200, 0], ...node },
				],
				connections: { Called: { main: [[{ node: node.name, type: 'main', index: 0 }]] } },
			});
			// n8n 2.x runs a sub-workflow's published version in a production run; 1.123 runs the saved one.
			if (lineUnderTest().name === '2.x') await session.n8n.activateWorkflow(child.id);
			callers.push({
				name: `Call ${node.name}`,
				type: 'n8n-nodes-base.executeWorkflow',
				typeVersion: 1.2,
				parameters: { source: 'database', workflowId: { __rl: true, mode: 'id', value: child.id }, mode: 'once', options: {} },
			});
		}
		const run = await runBeside(session, 'Conformance: calls the sub-workflows', callers, items());
		expect(run.status).toBe('success');
		for (const node of ['Hub', 'HTTP']) expect({ node, output: jsonOf(run.outputs[`Call ${node}`]) }).toEqual({ node, output: normal[node] });
	});
});
