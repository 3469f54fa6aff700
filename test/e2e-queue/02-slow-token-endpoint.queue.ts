import { useSession } from '../e2e/support/session';
import { readExecution } from '../e2e/support/workflows';
import { concurrentExecutions } from './support/executions';

/*
 * n8n's limit, not this package's: a worker waits at most 10 s for another process's refresh
 * lease on a credential (n8n-core's refreshOrFetchToken, waitTimeoutMs 10_000), then refreshes
 * without coordination. A token endpoint slower than that lets two workers present the same
 * refresh token; a Hub that detects refresh-token reuse (as this one does) then revokes the grant,
 * and the credential must be connected again. docs/production.md cites this.
 */

const EXECUTIONS = 50;
/** Longer than n8n's 10 s lease wait. */
const TOKEN_ENDPOINT_DELAY_MS = 12000;

describe("a token endpoint slower than n8n's 10 s refresh-lease wait, with two workers", () => {
	const session = useSession();

	it('makes the second worker refresh uncoordinated: reuse detected, grant revoked, executions fail with the reconnect message', async () => {
		const credential = await session.connectedCredential('Queue mode, slow token endpoint', { permissions: ['profile:read'] });
		await session.hub.control('POST', '/__sandbox/faults', { method: 'POST', path: '/api/oauth/signin/exchange', delayMs: TOKEN_ENDPOINT_DELAY_MS, count: 10 });
		try {
			await session.hub.control('POST', '/__sandbox/expire-access-tokens', { user: 'ada@example.com' });
			const { executions, figures } = await concurrentExecutions(session, credential, EXECUTIONS, `${EXECUTIONS} executions across an expiry, token endpoint answering after 12 s`);

			// One refresh per worker (each coordinates its own executions), the second with the rotated-away token.
			expect(figures.refreshes).toBe(2);
			expect(figures.reuseDetections).toBe(1);
			expect(figures.familiesRevoked).toBe(1);
			expect(Object.keys(figures.executionsPerProcess).sort()).toEqual(['worker-1', 'worker-2']);
			expect(figures.failedExecutions).toBeGreaterThan(0);
			const failed = executions.find((execution) => execution.status !== 'success');
			const { error } = await readExecution(session.environment, session.n8n, failed!.id);
			expect(error?.message).toMatch(/connect/i);
		} finally {
			await session.hub.control('DELETE', '/__sandbox/faults');
		}
	});
});
