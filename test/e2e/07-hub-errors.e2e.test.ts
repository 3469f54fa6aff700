import { figure, phase } from './support/environment';
import { useSession } from './support/session';
import { activateWebhookWorkflow, e2eWorkflow, latestExecution, type ActiveWebhookWorkflow } from './support/workflows';

const ME = 'GET /api/auth/me';

/*
 * The Hub's error answers as n8n hands them to the node. On n8n 1.x the transport reads status,
 * body and headers before n8n wraps the error (1.x drops them): the Retry-After wait and the
 * X-Request-Id in the messages prove the headers arrived.
 */
describe('Hub errors and retries in a real n8n', () => {
	const session = useSession();

	async function meRequests(): Promise<Record<string, number>> {
		return { ...((await session.counters()).requests[ME] ?? {}) };
	}

	/** Per status: how many more answers GET /api/auth/me gave than in `before`. */
	function added(before: Record<string, number>, after: Record<string, number>): Record<string, number> {
		return Object.fromEntries(Object.entries(after).flatMap(([status, count]) => (count > (before[status] ?? 0) ? [[status, count - (before[status] ?? 0)]] : [])));
	}

	/** The first run of a new workflow, which fails. */
	async function failedRun(workflow: ActiveWebhookWorkflow): Promise<{ message: string; description: string }> {
		const response = await workflow.call({});
		expect(response.status).toBeGreaterThanOrEqual(500);
		const execution = await latestExecution(session.environment, session.n8n, workflow.id);
		expect(execution.status).toBe('error');
		return { message: execution.error?.message ?? '', description: execution.error?.description ?? '' };
	}

	it('a 403 for a missing permission names it and says to reconnect with it', async () => {
		const credential = await session.connectedCredential('Without profile:read', { permissions: ['discussions:read'] });
		const workflow = await activateWebhookWorkflow(session.n8n, e2eWorkflow('get-me', credential));
		const before = await meRequests();

		const error = await phase('workflow: missing permission', async () => await failedRun(workflow));
		figure('403 insufficient_scope', { message: error.message });

		expect(error.message).toMatch(/missing the "profile:read" permission/);
		expect(error.message).toMatch(/\[Request ID: req_/);
		expect(error.description).toMatch(/Reconnect/);
		expect(added(before, await meRequests())).toEqual({ '403': 1 });
	});

	it('a 429 with Retry-After and then a 503 are retried, and the run succeeds', async () => {
		const credential = await session.connectedCredential('Retries');
		const workflow = await activateWebhookWorkflow(session.n8n, e2eWorkflow('get-me', credential));
		await session.hub.control('POST', '/__sandbox/faults', { method: 'GET', path: '/api/auth/me', status: 429, headers: { 'Retry-After': '1' } });
		await session.hub.control('POST', '/__sandbox/faults', { method: 'GET', path: '/api/auth/me', status: 503 });
		const before = await meRequests();

		const response = await phase('workflow: 429 then 503, retried', async () => await workflow.call({}));

		const answers = added(before, await meRequests());
		figure('429 (Retry-After: 1) then 503', { answers, webhookStatus: response.status });
		expect(response.status).toBe(200);
		expect(response.body).toEqual([expect.objectContaining({ email: 'ada@example.com' })]);
		expect((await latestExecution(session.environment, session.n8n, workflow.id)).status).toBe('success');
		expect(answers).toEqual({ '429': 1, '503': 1, '200': 1 });
	});

	it('a 429 asking for a longer wait than the node allows fails at once, naming the wait', async () => {
		const credential = await session.connectedCredential('Long Retry-After');
		const workflow = await activateWebhookWorkflow(session.n8n, e2eWorkflow('get-me', credential));
		await session.hub.control('POST', '/__sandbox/faults', { method: 'GET', path: '/api/auth/me', status: 429, headers: { 'Retry-After': '120' } });
		const before = await meRequests();

		const error = await failedRun(workflow);
		figure('429 (Retry-After: 120)', { answers: added(before, await meRequests()), description: error.description });

		// Without the header the node would have backed off and tried again.
		expect(error.message).toMatch(/rate limiting requests \[Request ID: req_/);
		expect(error.description).toMatch(/Wait 120 seconds/);
		expect(added(before, await meRequests())).toEqual({ '429': 1 });
	});
});
