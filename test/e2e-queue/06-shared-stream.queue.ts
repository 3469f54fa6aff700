import { phase } from '../e2e/support/environment';
import { useSession } from '../e2e/support/session';
import type { WorkflowJson } from '../e2e/support/workflows';
import { executionsPerProcess, finishedExecutions, queueWorkflow, realtimeRunsOnWorkers } from './support/executions';
import { until } from '../e2e/support/until';

/*
 * Issue 23 in queue mode: the leader main holds the triggers, so 3 realtime workflows of one
 * account share its one Hub stream; the executions run on the workers, each event once per workflow.
 */

const EVENTS = 5;
const WORKFLOWS = ['A', 'B', 'C'];

type Streams = { open: { notifications: number }; peak: { notifications: number } };

/** The suite's polling workflow with the realtime trigger in its place (its Execution Data node records the process). */
function realtimeWorkflow(workflow: WorkflowJson, name: string): WorkflowJson {
	const nodes = workflow.nodes.map((node) =>
		node.name === 'New Notification' ? { ...node, type: 'n8n-nodes-agentic-developer-hub.agenticDeveloperHubRealtimeTrigger', parameters: { event: 'newNotification' } } : node,
	);
	return { ...workflow, name: `Queue: shared stream ${name}`, nodes };
}

describe('realtime workflows of one account with one main and two workers', () => {
	const session = useSession();
	const streams = async () => (await session.counters()).streams as Streams;

	it('3 workflows share the main\'s one stream; each event runs once per workflow, on the workers', async () => {
		const credential = await session.connectedCredential('Queue shared stream', { permissions: ['discussions:read'] });
		const ids: string[] = [];
		for (const name of WORKFLOWS) ids.push((await session.n8n.createWorkflow(realtimeWorkflow(queueWorkflow('notification-trigger', credential), name))).id);
		await session.hub.control('POST', '/__sandbox/streams/peak');
		for (const id of ids) await session.n8n.activateWorkflow(id);
		await until(async () => (await streams()).open.notifications >= 1, 'the shared stream is open');
		// Give a (wrongly) separate stream, per workflow or per process, the time to open.
		await new Promise((resolve) => setTimeout(resolve, 5000));
		expect((await streams()).open.notifications).toBe(1);

		const created: string[] = [];
		await phase(`queue shared stream: ${EVENTS} notifications, ${WORKFLOWS.length} workflows`, async () => {
			for (let event = 1; event <= EVENTS; event++) {
				const answer = await session.hub.control('POST', '/__sandbox/activity/notifications', {
					user: 'ada@example.com',
					category: 'community_reply',
					title: `Grace replied, shared in queue mode (${event})`,
					actor: 'grace@example.com',
					count: 1,
				});
				created.push(answer.items[0].id);
				for (const id of ids) await finishedExecutions(session.n8n, id, event, 30_000);
			}
		});
		// A late duplicate start would show here.
		await new Promise((resolve) => setTimeout(resolve, 5000));
		const perProcess: Array<Record<string, number>> = [];
		for (const id of ids) {
			const { executions, emitted } = await realtimeRunsOnWorkers(session, id, EVENTS);
			expect(emitted.sort()).toEqual([...created].sort());
			perProcess.push(executionsPerProcess(executions));
		}
		const { open, peak } = await streams();
		expect(open.notifications).toBe(1);
		expect(peak.notifications).toBe(1);

		for (const id of ids) await session.n8n.deactivateWorkflow(id);
		await until(async () => (await streams()).open.notifications === 0, 'the sandbox counts 0 open streams');
		process.stdout.write(`[figures] shared stream: ${WORKFLOWS.length} workflows x ${EVENTS} notifications, 1 stream (peak ${peak.notifications}); executions per process ${JSON.stringify(perProcess)}\n`);
	});
});
