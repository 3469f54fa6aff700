import { phase } from '../e2e/support/environment';
import { useSession } from '../e2e/support/session';
import type { CredentialRef } from '../e2e/support/workflows';
import { concurrentExecutions } from './support/executions';

/*
 * One OAuth2 credential used by 50 executions at once, which n8n's main enqueues and two workers
 * run (10 at a time each). Every worker process has its own in-memory state; only n8n's Redis
 * lease on the credential and the stored tokens in Postgres coordinate them.
 */

const EXECUTIONS = 50;

describe('the token lifecycle with one main and two workers', () => {
	const session = useSession();
	let credential: CredentialRef;

	beforeAll(async () => {
		credential = await session.connectedCredential('Queue mode', { permissions: ['profile:read'] });
	});

	it.each([1, 2, 3])('round %i: 50 concurrent executions across one access-token expiry: 1 refresh, 0 reuse detections, 0 failures, on both workers', async (round) => {
		// The Hub expires the access token n8n holds; n8n still believes it valid, so the first requests meet a 401.
		await session.hub.control('POST', '/__sandbox/expire-access-tokens', { user: 'ada@example.com' });
		const { responses, figures } = await concurrentExecutions(session, credential, EXECUTIONS, `round ${round}: ${EXECUTIONS} executions across an expiry`);

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
		// Tokens this short-lived are refreshed ahead once less than half their lifetime (20 s) is left.
		const lifetimeSeconds = 40;
		await session.hub.control('POST', '/__sandbox/settings', { accessTokenTtl: lifetimeSeconds });
		let ahead: CredentialRef;
		let connectedAt: number;
		try {
			ahead = await session.connectedCredential('Queue mode, refresh ahead', { permissions: ['profile:read'] });
			connectedAt = Date.now();
		} finally {
			// The refreshed token gets the usual hour: one refresh ahead, not one every 20 s.
			await session.hub.control('POST', '/__sandbox/settings', { accessTokenTtl: 3600 });
		}
		// Fire once the stored token is inside the refresh-ahead window (the Hub still accepts it).
		const intoTheWindow = async () =>
			await phase('wait for the refresh-ahead window', async () => await new Promise<void>((resolve) => setTimeout(resolve, Math.max(0, connectedAt + 22000 - Date.now()))));
		const { figures } = await concurrentExecutions(session, ahead, EXECUTIONS, `${EXECUTIONS} executions at refresh-ahead time`, intoTheWindow);

		expect(figures.refreshes).toBe(1);
		expect(figures.reuseDetections).toBe(0);
		expect(figures.hubAnswers.unauthorized).toBe(0);
		expect(figures.hubAnswers.ok).toBe(EXECUTIONS);
		expect(figures.failedWebhookCalls).toBe(0);
		expect(figures.failedExecutions).toBe(0);
		expect(Object.keys(figures.executionsPerProcess).sort()).toEqual(['worker-1', 'worker-2']);
	});
});
