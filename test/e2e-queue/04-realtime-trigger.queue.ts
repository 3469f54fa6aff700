import { phase } from '../e2e/support/environment';
import { useSession } from '../e2e/support/session';
import type { WorkflowJson } from '../e2e/support/workflows';
import { finishedExecutions, queueWorkflow, realtimeRunsOnWorkers } from './support/executions';

/*
 * In queue mode the leader main activates triggers; workers only run the executions it enqueues.
 * Every process has the realtime trigger installed, so a stream held by more than one process
 * would show at the sandbox as more than one open stream, and as each event starting more than
 * one execution.
 */

const EVENTS = 5;

type Streams = { open: { notifications: number }; opened: { notifications: number } };

/** The polling-trigger workflow of this suite with the realtime trigger in its place. */
function realtimeWorkflow(workflow: WorkflowJson): WorkflowJson {
	const nodes = workflow.nodes.map((node) =>
		node.name === 'New Notification'
			? { ...node, type: 'n8n-nodes-agentic-developer-hub.agenticDeveloperHubRealtimeTrigger', parameters: { event: 'newNotification' } }
			: node,
	);
	return { ...workflow, name: 'Queue: realtime new notifications, with the process that ran the execution', nodes };
}

describe('the realtime trigger with one main and two workers', () => {
	const session = useSession();
	const streams = async () => (await session.counters()).streams as Streams;
	const until = async (condition: () => Promise<boolean>, what: string, timeoutMs = 30_000) => {
		const deadline = Date.now() + timeoutMs;
		while (!(await condition())) {
			if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting until ${what}`);
			await new Promise((resolve) => setTimeout(resolve, 200));
		}
	};

	it('holds exactly one stream to the Hub (on the leader main), and each event starts one execution', async () => {
		const credential = await session.connectedCredential('Queue realtime', { permissions: ['discussions:read'] });
		const { id } = await session.n8n.createWorkflow(realtimeWorkflow(queueWorkflow('notification-trigger', credential)));
		const openedBefore = (await streams()).opened.notifications;
		await session.n8n.activateWorkflow(id);
		await until(async () => (await streams()).opened.notifications > openedBefore, 'the trigger opened its stream');
		// Give a (wrongly) activating worker the time to open a second one.
		await new Promise((resolve) => setTimeout(resolve, 5000));
		expect((await streams()).open.notifications).toBe(1);

		const created: string[] = [];
		await phase(`realtime queue: ${EVENTS} notifications, one at a time`, async () => {
			for (let event = 1; event <= EVENTS; event++) {
				const answer = await session.hub.control('POST', '/__sandbox/activity/notifications', {
					user: 'ada@example.com',
					category: 'community_reply',
					title: `Grace replied in queue mode (${event})`,
					actor: 'grace@example.com',
					count: 1,
				});
				created.push(answer.items[0].id);
				await finishedExecutions(session.n8n, id, event, 30_000);
			}
		});
		// A late duplicate start would show here.
		await new Promise((resolve) => setTimeout(resolve, 5000));
		const { executions, emitted } = await realtimeRunsOnWorkers(session, id, EVENTS);
		expect(emitted.sort()).toEqual([...created].sort());
		const { open, opened } = await streams();
		expect(open.notifications).toBe(1);

		await session.n8n.deactivateWorkflow(id);
		await until(async () => (await streams()).open.notifications === 0, 'the sandbox counts 0 open streams');
		process.stdout.write(
			`[figures] realtime: ${created.length} notifications -> ${executions.length} executions (${emitted.length} items); ${opened.notifications - openedBefore} stream(s) opened, 1 open at a time\n`,
		);
	});
});
