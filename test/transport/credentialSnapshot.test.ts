import { SNAPSHOT_MAX_AGE_MS } from '../../nodes/AgenticDeveloperHub/transport/credentialSnapshot';
import { OAUTH2_CREDENTIAL, type Harness } from '../harness';
import { HarnessCredentialsHelper } from '../harness/credentialsHelper';
import { probeHooks } from '../harness/fixtures/probeNode';
import { controlRequest } from '../hub/testing';
import { counters, expectNoSecrets, items, resetHarnessBeforeEach, responses, runProbe } from './support';

const ME = 'GET /api/auth/me';
const me = { authentication: 'oAuth2', method: 'GET', endpoint: '/api/auth/me' };
const meWithToken = { ...me, authentication: 'apiToken' };

function storedAccessToken(harness: Harness): string {
	return String((harness.storedCredential(OAUTH2_CREDENTIAL).oauthTokenData as { access_token: string }).access_token);
}

/*
 * Each read of the credential makes n8n decrypt it and resolve its hidden expressions: the
 * transport reads it once per run of the node and has n8n sign with that read, and reads it again
 * only when the read may be stale (near expiry, after a refresh, after a 401, or when it is old).
 * A run of two or more items also reads it once for no item: the probe that shows the credential
 * holds no expression on the item (test/node/perItemCredentials.test.ts covers one that does).
 */
const PROBE = 1;
describe('transport: one credential read per run of the node', () => {
	let harness: Harness;
	let reads: jest.SpyInstance;

	resetHarnessBeforeEach((created) => (harness = created));
	beforeEach(() => {
		harness.useApiToken();
		reads = jest.spyOn(HarnessCredentialsHelper.prototype, 'getDecrypted');
	});
	afterEach(async () => {
		delete probeHooks.afterItem;
		jest.restoreAllMocks();
		await controlRequest(harness.hub, 'DELETE', '/__sandbox/faults');
	});

	it.each([
		['OAuth2', me],
		['a personal token', meWithToken],
	])('20 items with %s: one read, every request signed', async (_kind, parameters) => {
		const { output, error } = await runProbe(harness, parameters, { items: items(20) });

		expect(error).toBeUndefined();
		expect(output![0].map((item) => item.json.email)).toEqual(Array(20).fill('ada@example.com'));
		expect(reads).toHaveBeenCalledTimes(1 + PROBE);
		expect(responses(await counters(harness.hub), ME)).toEqual({ '200': 20 });
	});

	it('each run reads the credential anew, so the next run sees what changed in between', async () => {
		await runProbe(harness, meWithToken, { items: items(2) });
		const { token: gracesToken } = await controlRequest<{ token: string }>(harness.hub, 'POST', '/__sandbox/personal-tokens', {
			user: 'grace@example.com',
		});
		harness.useApiToken(gracesToken);

		const { output } = await runProbe(harness, meWithToken, { items: items(2) });

		expect(output![0].map((item) => item.json.email)).toEqual(['grace@example.com', 'grace@example.com']);
		expect(reads).toHaveBeenCalledTimes(2 * (1 + PROBE));
	});

	it('a read older than its maximum age is made again', async () => {
		const realNow = Date.now;
		probeHooks.afterItem = async (index) => {
			if (index === 2) jest.spyOn(Date, 'now').mockImplementation(() => realNow() + SNAPSHOT_MAX_AGE_MS + 1_000);
		};

		const { output, error } = await runProbe(harness, me, { items: items(6) });

		expect(error).toBeUndefined();
		expect(output![0]).toHaveLength(6);
		expect(reads).toHaveBeenCalledTimes(2 + PROBE);
	});

	it('a credential reconnected during the run: the 401 of the old grant makes it read again and resend', async () => {
		const firstToken = storedAccessToken(harness);
		probeHooks.afterItem = async (index) => {
			if (index !== 4) return;
			await controlRequest(harness.hub, 'POST', '/__sandbox/revoke-grants', {});
			await harness.connectOAuth2();
		};

		const { output, error } = await runProbe(harness, me, { items: items(10) });

		expect(error).toBeUndefined();
		expect(output![0]).toHaveLength(10);
		expect(storedAccessToken(harness)).not.toBe(firstToken);
		const seen = await counters(harness.hub);
		expect(responses(seen, ME)).toEqual({ '200': 10, '401': 1 });
		expect(seen.refreshes).toBe(0);
		expect(reads).toHaveBeenCalledTimes(2 + PROBE);
	});

	it('a personal token replaced during the run: a 401 makes it read again and resend with the new token', async () => {
		const { token: gracesToken } = await controlRequest<{ token: string }>(harness.hub, 'POST', '/__sandbox/personal-tokens', {
			user: 'grace@example.com',
		});
		probeHooks.afterItem = async (index) => {
			if (index !== 1) return;
			harness.useApiToken(gracesToken);
			// The sandbox cannot revoke a personal token: the next request is refused as if it had been.
			await controlRequest(harness.hub, 'POST', '/__sandbox/faults', {
				method: 'GET',
				path: '/api/auth/me',
				status: 401,
				body: { error: 'invalid_token', message: 'The access token is invalid' },
			});
		};

		const { output, error } = await runProbe(harness, meWithToken, { items: items(4) });

		expect(error).toBeUndefined();
		expect(output![0].map((item) => item.json.email)).toEqual([
			'ada@example.com',
			'ada@example.com',
			'grace@example.com',
			'grace@example.com',
		]);
		expect(reads).toHaveBeenCalledTimes(2 + PROBE);
	});

	it('a revoked grant: read again once, then one reconnect error, no refresh and no loop', async () => {
		await controlRequest(harness.hub, 'POST', '/__sandbox/revoke-grants', {});

		const outcome = await runProbe(harness, me, { items: items(3) });

		expect(String(outcome.error?.message)).toMatch(/reconnect/i);
		expect(outcome.error?.context?.itemIndex).toBe(0);
		const seen = await counters(harness.hub);
		expect(responses(seen, ME)).toEqual({ '401': 1 });
		expect(seen.refreshes).toBe(0);
		expect(reads).toHaveBeenCalledTimes(2 + PROBE);
		expectNoSecrets(harness, outcome);
	});
});
