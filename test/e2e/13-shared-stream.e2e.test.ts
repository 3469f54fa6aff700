import { phase } from './support/environment';
import { useSession } from './support/session';
import { e2eWorkflow, readExecution, type WorkflowJson } from './support/workflows';
import { until } from './support/until';

const ADA = 'ada@example.com';

type Streams = { open: { notifications: number }; opened: { notifications: number }; peak: { notifications: number } };

/** The workflow under its own name (n8n tells the copies apart by id; the name is for the reader). */
function named(workflow: WorkflowJson, name: string): WorkflowJson {
	return { ...workflow, name };
}

/*
 * Issue 23 in a real n8n: the realtime workflows of one account share one Hub stream and one
 * catch-up read per wake-up, each still getting each event once.
 */
describe('realtime workflows of one account share the Hub stream', () => {
	const session = useSession();
	const streams = async () => (await session.counters()).streams as Streams;
	const sleep = async (ms: number) => await new Promise((resolve) => setTimeout(resolve, ms));
	const finished = async (workflowId: string) => (await session.n8n.executions(workflowId)).filter((execution) => !['running', 'new', 'waiting'].includes(execution.status));
	/** The notification ids each execution of the workflow emitted, all executions together. */
	const emitted = async (workflowId: string): Promise<string[]> => {
		const ids: string[] = [];
		for (const execution of await finished(workflowId)) {
			const { status, outputs } = await readExecution(session.environment, session.n8n, String(execution.id));
			expect(status).toBe('success');
			ids.push(...outputs['New Notification'].map((item) => String(item.id)));
		}
		return ids.sort();
	};
	/** One notification for Ada; waits until each listening workflow ran `expected` executions in all. */
	const notify = async (title: string, listening: string[], expected: number): Promise<string> => {
		const created = await session.hub.control('POST', '/__sandbox/activity/notifications', { user: ADA, category: 'community_reply', title, actor: 'grace@example.com', count: 1 });
		for (const id of listening) await until(async () => (await finished(id)).length >= expected, `workflow ${id} ran ${expected} execution(s)`);
		return String(created.items[0].id);
	};

	it('3 realtime workflows hold 1 stream, each gets each event once; deactivating one leaves the others; the last closes the stream', async () => {
		const credential = await session.connectedCredential('Shared stream', { permissions: ['discussions:read'] });
		const ids: string[] = [];
		for (const name of ['A', 'B', 'C']) ids.push((await session.n8n.createWorkflow(named(e2eWorkflow('realtime-notification', credential), `Shared stream ${name}`))).id);
		await session.hub.control('POST', '/__sandbox/streams/peak');
		const openedBefore = (await streams()).opened.notifications;
		for (const id of ids) await session.n8n.activateWorkflow(id);
		await until(async () => (await streams()).open.notifications >= 1, 'the shared stream is open');
		// A (wrongly) separate stream per workflow would open within this time.
		await sleep(3_000);
		expect((await streams()).open.notifications).toBe(1);
		expect((await streams()).peak.notifications).toBe(1);

		const created: string[] = [];
		await phase('shared stream: 5 notifications, 3 workflows', async () => {
			for (let event = 1; event <= 5; event++) created.push(await notify(`Shared ${event}`, ids, event));
		});
		// A late duplicate would show here.
		await sleep(3_000);
		for (const id of ids) expect(await emitted(id)).toEqual([...created].sort());

		const [first, ...others] = ids;
		await session.n8n.deactivateWorkflow(first);
		await sleep(2_000);
		expect((await streams()).open.notifications).toBe(1);
		const later = [await notify('After A left 1', others, 6), await notify('After A left 2', others, 7)];
		await sleep(3_000);
		for (const id of others) expect(await emitted(id)).toEqual([...created, ...later].sort());
		expect(await emitted(first)).toEqual([...created].sort());
		expect((await streams()).peak.notifications).toBe(1);

		for (const id of others) await session.n8n.deactivateWorkflow(id);
		await until(async () => (await streams()).open.notifications === 0, 'the last workflow closed the stream');
		process.stdout.write(`[shared stream e2e] 3 workflows: ${(await streams()).opened.notifications - openedBefore} stream(s) opened, 7 events, each once per listening workflow\n`);
	});

	it('with a personal API token: 2 realtime workflows share 1 stream and each gets each event once', async () => {
		const ada = session.user(ADA);
		const name = 'Shared stream token';
		const { id: credentialId } = await session.n8n.createCredential(name, 'agenticDeveloperHubApi', { baseUrl: session.hub.url, apiToken: ada.apiToken });
		const credential = { type: 'agenticDeveloperHubApi' as const, name, id: credentialId };
		const ids: string[] = [];
		for (const copy of ['A', 'B']) ids.push((await session.n8n.createWorkflow(named(e2eWorkflow('realtime-notification', credential), `Token stream ${copy}`))).id);
		await session.hub.control('POST', '/__sandbox/streams/peak');
		const listReads = async () => Number((await session.counters()).requests['GET /api/notifications']?.['200'] ?? 0);
		const readsBefore = await listReads();
		for (const id of ids) await session.n8n.activateWorkflow(id);
		// n8n 2.41 activates from its outbox after the REST call answered: each activation takes its
		// mark with one list read; a workflow not yet active would rightly miss an event sent before.
		await until(async () => (await listReads()) >= readsBefore + ids.length, 'both workflows took their mark');
		await until(async () => (await streams()).open.notifications >= 1, 'the token\'s stream is open');
		await sleep(3_000);

		const created = [await notify('Token 1', ids, 1), await notify('Token 2', ids, 2)];
		await sleep(3_000);
		for (const id of ids) expect(await emitted(id)).toEqual([...created].sort());
		expect((await streams()).peak.notifications).toBe(1);

		for (const id of ids) await session.n8n.deactivateWorkflow(id);
		await until(async () => (await streams()).open.notifications === 0, 'the last workflow closed the stream');
	});
});
