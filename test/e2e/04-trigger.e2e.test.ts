import { phase } from './support/environment';
import { useSession } from './support/session';
import { e2eWorkflow, latestExecution } from './support/workflows';

/*
 * An active workflow polled by n8n's own scheduler. n8n refuses poll intervals under a minute
 * ("The polling interval is too short"), so this uses Every Minute, the smallest it allows:
 * each pickup waits for the next minute boundary (up to 60 s).
 */
describe('the trigger in an active workflow', () => {
	const session = useSession();

	it('picks up new notifications at the next poll, and only the new ones at the poll after', async () => {
		const credential = await session.connectedCredential('Trigger', { permissions: ['discussions:read'] });
		const { id } = await session.n8n.createWorkflow(e2eWorkflow('notification-trigger', credential));
		// Activation polls once (n8n publishes the activation asynchronously, so wait for that poll
		// at the Hub): it remembers the position and emits nothing.
		const polls = async () => (await session.counters()).requests['GET /api/notifications']?.['200'] ?? 0;
		const pollsBefore = await polls();
		await session.n8n.activateWorkflow(id);
		const deadline = Date.now() + 30000;
		while ((await polls()) === pollsBefore) {
			if (Date.now() > deadline) throw new Error('n8n did not poll on activation');
			await new Promise((resolve) => setTimeout(resolve, 200));
		}
		expect(await session.n8n.executions(id)).toEqual([]);

		const notify = async (title: string, count: number) =>
			(await session.hub.control('POST', '/__sandbox/activity/notifications', { user: 'ada@example.com', category: 'community_reply', title, actor: 'grace@example.com', count })).items.map(
				(notification: { id: string }) => notification.id,
			);

		const first = await notify('Grace replied', 3);
		const pickedUp = await phase('trigger: first pickup (waits for the minute)', async () => await latestExecution(session.environment, session.n8n, id, { timeoutMs: 150000 }));
		expect(pickedUp.status).toBe('success');
		expect(pickedUp.outputs['New Notification'].map((item) => item.id).sort()).toEqual([...first].sort());

		const second = await notify('Grace replied again', 2);
		const next = await phase('trigger: second pickup', async () => await latestExecution(session.environment, session.n8n, id, { afterId: pickedUp.id, timeoutMs: 150000 }));
		expect(next.outputs['New Notification'].map((item) => item.id).sort()).toEqual([...second].sort());
		await session.n8n.deactivateWorkflow(id);
	});
});
