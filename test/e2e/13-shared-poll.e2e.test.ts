import { phase } from './support/environment';
import { useSession } from './support/session';
import { e2eWorkflow, type CredentialRef, type WorkflowJson } from './support/workflows';
import { until } from './support/until';

const INBOX = 'GET /api/notifications';

/** The polling workflow, ticking at one fixed second of each minute (so that several tick at the same moment). */
function pollingAt(second: number, credential: CredentialRef, name: string): WorkflowJson {
	const workflow = e2eWorkflow('notification-trigger', credential);
	return {
		...workflow,
		name,
		nodes: workflow.nodes.map((node) => ({ ...node, parameters: { ...node.parameters, pollTimes: { item: [{ mode: 'custom', cronExpression: `${second} * * * * *` }] } } })),
	};
}

/* Issue 23 in a real n8n: the polling workflows of one account that tick at the same moment share one read. */
describe('polling workflows of one account share their reads', () => {
	const session = useSession();
	const reads = async () => Object.values(((await session.counters()).requests[INBOX] ?? {}) as Record<string, number>).reduce((a, b) => a + b, 0);

	it('3 polling workflows ticking at the same second share one read', async () => {
		const credential = await session.connectedCredential('Shared poll', { permissions: ['discussions:read'] });
		// A second 40 s ahead: the activations (and their first reads) are over by then.
		const tickAt = Math.ceil((Date.now() + 40_000) / 1000) * 1000;
		const second = new Date(tickAt).getUTCSeconds();
		const ids: string[] = [];
		for (const name of ['A', 'B', 'C']) ids.push((await session.n8n.createWorkflow(pollingAt(second, credential, `Shared poll ${name}`))).id);
		const beforeActivation = await reads();
		for (const id of ids) await session.n8n.activateWorkflow(id);
		// n8n's first poll of each activation takes the mark; wait until those reads are over.
		await until(async () => (await reads()) > beforeActivation, 'the activations took their marks');
		let last = await reads();
		let quietSince = Date.now();
		await until(async () => {
			const now = await reads();
			if (now !== last) [last, quietSince] = [now, Date.now()];
			return Date.now() - quietSince >= 3_000;
		}, 'the activation reads are over', 25_000);
		if (Date.now() > tickAt - 1_000) throw new Error('the activations took too long: the tick came before the reads could be counted');
		const before = await reads();
		const timeline: string[] = [];
		await phase('shared poll: one minute tick', async () => {
			await until(async () => {
				const now = await reads();
				if (now !== last) timeline.push(`${new Date().toISOString().slice(17, 23)}: ${now - before}`);
				last = now;
				return Date.now() > tickAt + 5_000;
			}, `5 s after second ${second} of the minute`, 60_000);
		});
		const tickReads = (await reads()) - before;
		for (const id of ids) await session.n8n.deactivateWorkflow(id);
		process.stdout.write(`[shared stream e2e] 3 polling workflows at second ${second}: ${tickReads} read(s) at the tick (reads so far, by time: ${timeline.join(', ')})\n`);
		expect(tickReads).toBe(1);
	});
});
