import { phase } from './support/environment';
import { useSession } from './support/session';
import { e2eWorkflow, latestExecution, type ExecutionResult } from './support/workflows';

const ADA = 'ada@example.com';
const STREAM = 'GET /api/notifications/stream';
const INBOX = 'GET /api/notifications';

/*
 * The realtime trigger in a real n8n: active workflows hold the Hub's notification stream and start
 * within seconds of an event (no poll interval); a revoked grant stops them with the reconnect
 * message; deactivation closes the stream.
 */
describe('the realtime trigger in an active workflow', () => {
	const session = useSession();
	const answered = async (route: string, status?: string): Promise<number> => {
		const byStatus = ((await session.counters()).requests[route] ?? {}) as Record<string, number>;
		return Object.entries(byStatus).reduce((sum, [code, count]) => (status === undefined || code === status ? sum + count : sum), 0);
	};
	/** Every request the sandbox refused with a 401, on any route. */
	const refusals = async (): Promise<number> => {
		const requests = (await session.counters()).requests as Record<string, Record<string, number>>;
		return Object.values(requests).reduce((sum, byStatus) => sum + (byStatus['401'] ?? 0), 0);
	};
	const streams = async () => (await session.counters()).streams as { open: { notifications: number }; opened: { notifications: number } };
	const until = async (condition: () => Promise<boolean>, what: string, timeoutMs = 30_000) => {
		const deadline = Date.now() + timeoutMs;
		while (!(await condition())) {
			if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting until ${what}`);
			await new Promise((resolve) => setTimeout(resolve, 200));
		}
	};
	/** Activates a workflow and waits until its trigger holds a stream at the sandbox. */
	const activate = async (id: string) => {
		const before = (await streams()).opened.notifications;
		await session.n8n.activateWorkflow(id);
		await until(async () => (await streams()).opened.notifications > before, 'the trigger opened its stream');
	};
	const secondsSince = (from: number, execution: ExecutionResult) => {
		const startedAt = Date.parse(String((execution.raw as { startedAt?: string }).startedAt));
		return ((startedAt - from) / 1000).toFixed(2);
	};

	it('a notification and a direct message each start their workflow within seconds; deactivation closes the streams', async () => {
		const credential = await session.connectedCredential('Realtime', { permissions: ['discussions:read'] });
		const notifications = await session.n8n.createWorkflow(e2eWorkflow('realtime-notification', credential));
		const messages = await session.n8n.createWorkflow(e2eWorkflow('realtime-direct-message', credential));
		await activate(notifications.id);
		const dmReads = async () => Object.values(((await session.counters()).requests['GET /api/chat/dms'] ?? {}) as Record<string, number>).reduce((a, b) => a + b, 0);
		const [openedBefore, dmReadsBefore] = [(await streams()).opened.notifications, await dmReads()];
		await session.n8n.activateWorkflow(messages.id);
		// The second workflow is active once it has taken its mark (its chat list read; n8n 2.41
		// activates from its outbox after the REST call answered). It joined the account's open
		// stream (one per account, docs/triggers-at-scale.md): none more was opened.
		await until(async () => (await dmReads()) > dmReadsBefore, 'the direct-message trigger took its mark');
		expect(await streams()).toMatchObject({ open: { notifications: 1 }, opened: { notifications: openedBefore } });
		expect(await session.n8n.executions(notifications.id)).toEqual([]);

		const notifiedAt = Date.now();
		const created = await session.hub.control('POST', '/__sandbox/activity/notifications', { user: ADA, category: 'community_reply', title: 'Grace replied', actor: 'grace@example.com', count: 2 });
		const notified = await phase('realtime: notification to execution', async () => await latestExecution(session.environment, session.n8n, notifications.id, { timeoutMs: 20_000 }));
		expect(notified.status).toBe('success');
		expect(notified.outputs['New Notification'].map((item) => item.id)).toEqual(created.items.map((item: { id: string }) => item.id));
		process.stdout.write(`[realtime e2e] notification: execution started ${secondsSince(notifiedAt, notified)} s after the Hub accepted it\n`);

		const sentAt = Date.now();
		const sent = await session.hub.control('POST', '/__sandbox/activity/messages', { user: 'grace@example.com', recipient: ADA, body: 'Are you there?' });
		const messaged = await phase('realtime: direct message to execution', async () => await latestExecution(session.environment, session.n8n, messages.id, { timeoutMs: 20_000 }));
		expect(messaged.outputs['New Direct Message'].map((item) => item.id)).toEqual([sent.items[0].id]);
		process.stdout.write(`[realtime e2e] direct message: execution started ${secondsSince(sentAt, messaged)} s after the Hub accepted it\n`);

		await session.n8n.deactivateWorkflow(notifications.id);
		await session.n8n.deactivateWorkflow(messages.id);
		await until(async () => (await streams()).open.notifications === 0, 'the sandbox counts 0 open streams');
	});

	it('a revoked grant stops the workflow with the reconnect message, without reconnecting over and over', async () => {
		const credential = await session.connectedCredential('Realtime revoked', { permissions: ['discussions:read'] });
		const { id } = await session.n8n.createWorkflow(e2eWorkflow('realtime-notification', credential));
		const inboxReadsBefore = await answered(INBOX);
		await activate(id);
		// The activation's mark and the catch-up read once the stream is open: only after both does the
		// reconnect below meet the revoked grant first (otherwise a late catch-up read would).
		await until(async () => (await answered(INBOX)) >= inboxReadsBefore + 2, 'the catch-up read after the stream opened');
		await session.hub.control('POST', '/__sandbox/revoke-grants', { clientId: credential.client.clientId });
		const refusedBefore = await answered(STREAM, '401');
		const allRefusedBefore = await refusals();
		// The Hub ends the stream (as at its maximum life): the reconnect meets the revoked grant.
		await session.hub.control('POST', '/__sandbox/streams/close', { user: ADA });
		let activationError = '';
		await phase('realtime: revoked grant reported', async () =>
			await until(async () => {
				activationError = String((await session.n8n.call('GET', `/rest/active-workflows/error/${id}`, undefined, { allowError: true })).body?.data ?? '');
				return activationError !== '';
			}, 'n8n shows the trigger\'s error'),
		);
		expect(activationError).toMatch(/needs to be reconnected/);
		// n8n reactivates a trigger that reported an error; those attempts must not ask the Hub again.
		await new Promise((resolve) => setTimeout(resolve, 10_000));
		expect((await answered(STREAM, '401')) - refusedBefore).toBe(1);
		expect((await refusals()) - allRefusedBefore).toBe(1);
		expect((await streams()).open.notifications).toBe(0);
		await session.n8n.call('POST', `/rest/workflows/${id}/deactivate`, {}, { allowError: true });
	});
});
