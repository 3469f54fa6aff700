import type { ICredentialDataDecryptedObject } from 'n8n-workflow';
import { controlRequest, tokenRequest } from '../hub/testing';
import { n8nCoreMajor, OAUTH2_CREDENTIAL, type Harness } from '../harness';
import { HarnessCredentialsHelper } from '../harness/credentialsHelper';
import { counters, resetHarnessBeforeEach, responses, runProbe } from './support';

/*
 * Queue mode runs executions in several worker processes that share the stored credential. A
 * worker's refresh can land at any moment after the Hub's 401. The one read of the credential
 * before refreshing is n8n's refresh helper's own (tokenRefresh.ts): when it already holds another
 * token, nothing is refreshed; a second refresh for one expiry would be waste on 2.x and reuse on
 * 1.x (queue-mode suite: 50 executions on two workers, 1 refresh).
 */

const ME = 'GET /api/auth/me';
const me = { authentication: 'oAuth2', method: 'GET', endpoint: '/api/auth/me' };

/** What another worker's refresh leaves in the database: rotated tokens merged over the old ones. */
async function refreshAsAnotherWorker(harness: Harness): Promise<void> {
	const stored = harness.storedCredential(OAUTH2_CREDENTIAL);
	const old = stored.oauthTokenData as Record<string, string>;
	const client = harness.hub.info().clients[0];
	const answer = await tokenRequest(harness.hub, '/api/oauth/signin/exchange', {
		grant_type: 'refresh_token',
		refresh_token: old.refresh_token,
		client_id: client.clientId,
		client_secret: client.clientSecret,
	});
	if (answer.status !== 200) throw new Error(`the simulated worker's refresh failed: ${answer.text}`);
	const oauthTokenData = { ...old, ...answer.body, n8n_expires_at: String(Date.now() + answer.body.expires_in * 1000) };
	harness.setCredentialData(OAUTH2_CREDENTIAL, { ...stored, oauthTokenData } as ICredentialDataDecryptedObject);
}

/**
 * Makes another worker refresh at the credential read number `readNumber` after the Hub's 401:
 * `before` the read returns (this node reads the other worker's tokens), or `after` it (this node
 * holds the old ones when it asks n8n to refresh).
 */
function interfereAtRead(harness: Harness, when: 'before' | 'after'): { interfered: () => boolean } {
	const read = HarnessCredentialsHelper.prototype.getDecrypted;
	let interfered = false;
	jest.spyOn(HarnessCredentialsHelper.prototype, 'getDecrypted').mockImplementation(async function (this: HarnessCredentialsHelper, ...args) {
		const due = !interfered && (responses(await counters(harness.hub), ME)['401'] ?? 0) > 0;
		if (due && when === 'before') {
			interfered = true;
			await refreshAsAnotherWorker(harness);
		}
		const data = await read.apply(this, args);
		if (due && when === 'after') {
			interfered = true;
			await refreshAsAnotherWorker(harness);
		}
		return data;
	});
	return { interfered: () => interfered };
}

describe('a refresh by another worker after the Hub\'s 401', () => {
	let harness: Harness;
	resetHarnessBeforeEach((created) => (harness = created));
	afterEach(() => jest.restoreAllMocks());

	beforeEach(async () => {
		await controlRequest(harness.hub, 'POST', '/__sandbox/expire-access-tokens');
	});

	it('before the credential read n8n refreshes from: no second refresh (the read finds the token replaced)', async () => {
		const { interfered } = interfereAtRead(harness, 'before');

		const { output, error } = await runProbe(harness, me);

		expect(error).toBeUndefined();
		expect(interfered()).toBe(true);
		expect(output![0][0].json.email).toBe('ada@example.com');
		const seen = await counters(harness.hub);
		// The other worker's refresh, and no second one.
		expect(seen.refreshes).toBe(1);
		expect(seen.reuseDetections).toBe(0);
		expect(responses(seen, ME)).toEqual({ '200': 1, '401': 1 });
	});

	// n8n 2.x compares again under its refresh lease. n8n 1.x has no lease and does not compare
	// again: a refresh by another worker between its read and its token request (milliseconds)
	// presents a rotated-away refresh token, and the user gets the reconnect message (README).
	const lease = n8nCoreMajor() >= 2;
	it(`right after that read: ${lease ? 'n8n 2.x skips the Hub under its lease' : 'n8n 1.x has no lease, so the Hub sees the old refresh token and the item fails with the reconnect message'}`, async () => {
		const { interfered } = interfereAtRead(harness, 'after');

		const { output, error } = await runProbe(harness, me);

		expect(interfered()).toBe(true);
		const seen = await counters(harness.hub);
		if (lease) {
			expect(error).toBeUndefined();
			expect(output![0][0].json.email).toBe('ada@example.com');
			expect(seen.refreshes).toBe(1);
			expect(seen.reuseDetections).toBe(0);
		} else {
			expect(error?.message).toMatch(/needs to be reconnected/);
			expect(seen.reuseDetections).toBe(1);
		}
	});
});
