import type { ICredentialDataDecryptedObject } from 'n8n-workflow';
import { controlRequest, tokenRequest } from '../hub/testing';
import { OAUTH2_CREDENTIAL, type Harness } from '../harness';
import { HarnessCredentialsHelper } from '../harness/credentialsHelper';
import { counters, resetHarnessBeforeEach, responses, runProbe } from './support';

/*
 * Queue mode runs executions in several worker processes that share the stored credential. A
 * worker's refresh can land at any moment, also between this node reading the stored token (after
 * a 401) and n8n's refresh helper, which re-reads it under its lease. The helper must then see
 * the token this node found stale, so that it skips the Hub: refreshing again would be a second
 * refresh for one expiry (queue-mode suite: 50 executions on two workers, 1 refresh).
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

describe("a refresh by another worker between this node's read and n8n's refresh", () => {
	let harness: Harness;
	resetHarnessBeforeEach((created) => (harness = created));
	afterEach(() => jest.restoreAllMocks());

	it('is not repeated: n8n finds the stored token replaced and skips the Hub (one refresh in all)', async () => {
		await controlRequest(harness.hub, 'POST', '/__sandbox/expire-access-tokens');
		const read = HarnessCredentialsHelper.prototype.getDecrypted;
		let interfered = false;
		// The first credential read after the Hub's 401 is this node's; the other worker refreshes right after it.
		jest.spyOn(HarnessCredentialsHelper.prototype, 'getDecrypted').mockImplementation(async function (this: HarnessCredentialsHelper, ...args) {
			const data = await read.apply(this, args);
			if (!interfered && (responses(await counters(harness.hub), ME)['401'] ?? 0) > 0) {
				interfered = true;
				await refreshAsAnotherWorker(harness);
			}
			return data;
		});

		const { output, error } = await runProbe(harness, me);

		expect(error).toBeUndefined();
		expect(interfered).toBe(true);
		expect(output![0][0].json.email).toBe('ada@example.com');
		const seen = await counters(harness.hub);
		// The other worker's refresh, and no second one.
		expect(seen.refreshes).toBe(1);
		expect(seen.reuseDetections).toBe(0);
		expect(responses(seen, ME)).toEqual({ '200': 1, '401': 1 });
	});
});
