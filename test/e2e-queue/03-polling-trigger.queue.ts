import { phase } from '../e2e/support/environment';
import { useSession } from '../e2e/support/session';
import { readExecution } from '../e2e/support/workflows';
import { finishedExecutions, queueWorkflow } from './support/executions';

/*
 * In queue mode the leader main activates triggers and polls; workers never do (they only run the
 * executions the main enqueues). Every process has the trigger installed, so a poll on more than
 * one process would show at the Hub as more than one poll a minute, and as the same notifications
 * emitted more than once.
 */

const NOTIFICATIONS = 4;
const POLL = 'GET /api/notifications';

describe('the polling trigger with one main and two workers', () => {
	const session = useSession();

	it('polls on one process only: 4 new notifications give 4 items in one execution, once', async () => {
		const credential = await session.connectedCredential('Queue trigger', { permissions: ['discussions:read'] });
		const { id } = await session.n8n.createWorkflow(queueWorkflow('notification-trigger', credential));
		const polls = async () => (await session.counters()).requests[POLL]?.['200'] ?? 0;
		const pollsBefore = await polls();
		await session.n8n.activateWorkflow(id);
		const activatedAt = Date.now();
		// Activation polls once, to remember the position; it emits nothing.
		const deadline = Date.now() + 30000;
		while ((await polls()) === pollsBefore) {
			if (Date.now() > deadline) throw new Error('n8n did not poll on activation');
			await new Promise((resolve) => setTimeout(resolve, 200));
		}

		const created = (
			await session.hub.control('POST', '/__sandbox/activity/notifications', {
				user: 'ada@example.com',
				category: 'community_reply',
				title: 'Grace replied in queue mode',
				actor: 'grace@example.com',
				count: NOTIFICATIONS,
			})
		).items.map((notification: { id: string }) => notification.id);

		const [pickedUp] = await phase('trigger: pickup at the next minute', async () => await finishedExecutions(session.n8n, id, 1, 150000));
		expect(pickedUp.status).toBe('success');
		// The poll's items ran on a worker, as every execution in queue mode does.
		expect(['worker-1', 'worker-2']).toContain(pickedUp.process);
		const { outputs } = await readExecution(session.environment, session.n8n, pickedUp.id);
		expect(outputs['New Notification'].map((item) => item.id).sort()).toEqual([...created].sort());

		// The poll after the pickup finds nothing new: still one execution.
		const pollsAtPickup = await polls();
		await phase('trigger: the poll after the pickup', async () => {
			const next = Date.now() + 150000;
			while ((await polls()) === pollsAtPickup) {
				if (Date.now() > next) throw new Error('n8n did not poll again');
				await new Promise((resolve) => setTimeout(resolve, 500));
			}
			// Give an execution that poll might (wrongly) start the time to appear.
			await new Promise((resolve) => setTimeout(resolve, 5000));
		});
		const executions = await session.n8n.executions(id);
		expect(executions).toHaveLength(1);
		await session.n8n.deactivateWorkflow(id);

		// One poller: at most one poll per started minute since activation, plus the activation poll.
		const pollCount = (await polls()) - pollsBefore;
		const minutes = Math.ceil((Date.now() - activatedAt) / 60000);
		process.stdout.write(`[figures] trigger: ${created.length} notifications -> ${outputs['New Notification'].length} items in ${executions.length} execution; ${pollCount} polls in ${minutes} started minutes\n`);
		expect(pollCount).toBeLessThanOrEqual(minutes + 1);
	});
});
