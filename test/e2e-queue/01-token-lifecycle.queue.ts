import { phase } from '../e2e/support/environment';
import { useSession } from '../e2e/support/session';
import { activateWebhookWorkflow, type CredentialRef } from '../e2e/support/workflows';
import { executionsPerProcess, finishedExecutions, queueWorkflow } from './support/executions';

/*
 * One OAuth2 credential used by 50 executions at once, which n8n's main enqueues and two workers
 * run (10 at a time each). Every worker process has its own in-memory state; only n8n's Redis
 * lease on the credential and the stored tokens in Postgres coordinate them.
 */

const EXECUTIONS = 50;
const GET_ME = 'GET /api/auth/me';

describe('the token lifecycle with one main and two workers', () => {
	const session = useSession();
	let credential: CredentialRef;

	beforeAll(async () => {
		credential = await session.connectedCredential('Queue mode', { permissions: ['profile:read'] });
	});

	/** Activates a fresh copy of the Get Me workflow and calls its webhook `EXECUTIONS` times at once. */
	async function fiftyAtOnce(label: string) {
		const workflow = await activateWebhookWorkflow(session.n8n, queueWorkflow('get-me', credential));
		const before = await session.counters();
		const responses = await phase(label, async () => await Promise.all(Array.from({ length: EXECUTIONS }, async () => await workflow.call({}))));
		const executions = await finishedExecutions(session.n8n, workflow.id, EXECUTIONS);
		const after = await session.counters();
		const delta = (status: string) => (after.requests[GET_ME]?.[status] ?? 0) - (before.requests[GET_ME]?.[status] ?? 0);
		const figures = {
			refreshes: after.refreshes - before.refreshes,
			reuseDetections: after.reuseDetections - before.reuseDetections,
			familiesRevoked: after.familiesRevoked - before.familiesRevoked,
			failedWebhookCalls: responses.filter((response) => response.status !== 200).length,
			failedExecutions: executions.filter((execution) => execution.status !== 'success').length,
			hubAnswers: { ok: delta('200'), unauthorized: delta('401') },
			executionsPerProcess: executionsPerProcess(executions),
		};
		process.stdout.write(`[figures] ${label}: ${JSON.stringify(figures)}\n`);
		return { responses, executions, figures };
	}

	it.each([1, 2, 3])('round %i: 50 concurrent executions across one access-token expiry: 1 refresh, 0 reuse detections, 0 failures, on both workers', async (round) => {
		// The Hub expires the access token n8n holds; n8n still believes it valid, so the first requests meet a 401.
		await session.hub.control('POST', '/__sandbox/expire-access-tokens', { user: 'ada@example.com' });
		const { responses, figures } = await fiftyAtOnce(`round ${round}: ${EXECUTIONS} executions across an expiry`);

		expect(figures.refreshes).toBe(1);
		expect(figures.reuseDetections).toBe(0);
		expect(figures.familiesRevoked).toBe(0);
		expect(figures.failedWebhookCalls).toBe(0);
		expect(figures.failedExecutions).toBe(0);
		// Every execution reached the Hub once with a valid token; those that met the expiry were answered 401 first.
		expect(figures.hubAnswers.ok).toBe(EXECUTIONS);
		expect(figures.hubAnswers.unauthorized).toBeGreaterThanOrEqual(1);
		expect(responses.every((response) => response.body?.[0]?.email === 'ada@example.com')).toBe(true);
		// Both workers ran some, the main none.
		expect(Object.keys(figures.executionsPerProcess).sort()).toEqual(['worker-1', 'worker-2']);
		expect(figures.executionsPerProcess['worker-1'] + figures.executionsPerProcess['worker-2']).toBe(EXECUTIONS);
	});

	it('50 concurrent executions at refresh-ahead time: 1 refresh, no request meets a 401', async () => {
		// Tokens of this lifetime are refreshed ahead once less than 60 s are left (half the lifetime).
		const lifetimeSeconds = 120;
		await session.hub.control('POST', '/__sandbox/settings', { accessTokenTtl: lifetimeSeconds });
		let ahead: CredentialRef;
		let connectedAt: number;
		try {
			ahead = await session.connectedCredential('Queue mode, refresh ahead', { permissions: ['profile:read'] });
			connectedAt = Date.now();
		} finally {
			await session.hub.control('POST', '/__sandbox/settings', { accessTokenTtl: 3600 });
		}
		credential = ahead;
		// Wait until the stored token is inside the refresh-ahead window, while the Hub still accepts it.
		await phase('wait for the refresh-ahead window', async () => await new Promise((resolve) => setTimeout(resolve, Math.max(0, connectedAt + 62000 - Date.now()))));
		const { figures } = await fiftyAtOnce(`${EXECUTIONS} executions at refresh-ahead time`);

		expect(figures.refreshes).toBe(1);
		expect(figures.reuseDetections).toBe(0);
		expect(figures.hubAnswers.unauthorized).toBe(0);
		expect(figures.hubAnswers.ok).toBe(EXECUTIONS);
		expect(figures.failedWebhookCalls).toBe(0);
		expect(figures.failedExecutions).toBe(0);
		expect(Object.keys(figures.executionsPerProcess).sort()).toEqual(['worker-1', 'worker-2']);
	});
});
