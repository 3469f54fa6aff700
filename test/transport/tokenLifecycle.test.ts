import { tokenExpiresAt } from '../../nodes/AgenticDeveloperHub/transport/tokenFreshness';
import { tokenKey } from '../hub/oauth/secrets';
import { controlRequest } from '../hub/testing';
import { createHarness, OAUTH2_CREDENTIAL, type Harness } from '../harness';
import type { IExecuteFunctions } from 'n8n-workflow';
import { HubProbe, probeHooks } from '../harness/fixtures/probeNode';
import { adasCommunityId, counters, expectNoSecrets, items, resetHarnessBeforeEach, responses, runProbe } from './support';

const ME = 'GET /api/auth/me';
const TOKEN_ENDPOINT = 'POST /api/oauth/signin/exchange';
const me = { authentication: 'oAuth2', method: 'GET', endpoint: '/api/auth/me' };

function storedTokens(harness: Harness): { access_token: string; refresh_token: string } {
	return harness.storedCredential(OAUTH2_CREDENTIAL).oauthTokenData as { access_token: string; refresh_token: string };
}

describe('transport token lifecycle (OAuth2 through n8n-core)', () => {
	let harness: Harness;

	resetHarnessBeforeEach((created) => (harness = created));
	afterEach(() => {
		delete probeHooks.afterItem;
		jest.restoreAllMocks();
	});

	it('100 items with the token expiring after item 40: all succeed after exactly one refresh', async () => {
		const before = storedTokens(harness);
		probeHooks.afterItem = async (index) => {
			if (index === 39) await controlRequest(harness.hub, 'POST', '/__sandbox/expire-access-tokens');
		};

		const { output, error } = await runProbe(harness, me, { items: items(100) });

		expect(error).toBeUndefined();
		expect(output![0]).toHaveLength(100);
		expect(output![0].every((item) => item.json.email === 'ada@example.com')).toBe(true);
		const seen = await counters(harness.hub);
		expect(seen.refreshes).toBe(1);
		expect(seen.grants.refresh_token).toBe(1);
		expect(seen.reuseDetections).toBe(0);
		// One round trip lost to the expiry: 100 successes and a single 401.
		expect(responses(seen, ME)).toEqual({ '200': 100, '401': 1 });
		expect(responses(seen, TOKEN_ENDPOINT)).toEqual({ '200': 2 });

		const after = storedTokens(harness);
		expect(after.refresh_token).not.toBe(before.refresh_token);
		const newest = harness.hub.state.auth.refreshTokens[tokenKey(after.refresh_token)];
		expect(newest).toMatchObject({ used: false, revoked: false });
		expect(harness.hub.state.auth.refreshTokens[tokenKey(before.refresh_token)].used).toBe(true);
		// The new hour-long token is what the transport reads next (2.x stores n8n_expires_at too, 1.x does not).
		expect(tokenExpiresAt(harness.storedCredential(OAUTH2_CREDENTIAL))).toBeGreaterThan(Date.now() + 3_000_000);
	});

	it('refreshes ahead when the stored token expires within 60 s: zero 401s', async () => {
		const realNow = Date.now.bind(Date);
		// 59 min 30 s later for n8n and for the sandbox clock alike: 30 s of the hour-long token left.
		jest.spyOn(Date, 'now').mockImplementation(() => realNow() + 3_570_000);

		const { output, error } = await runProbe(harness, me);

		expect(error).toBeUndefined();
		expect(output![0][0].json.email).toBe('ada@example.com');
		const seen = await counters(harness.hub);
		expect(responses(seen, ME)).toEqual({ '200': 1 });
		expect(seen.refreshes).toBe(1);
	});

	it('does not refresh a token that is still fresh', async () => {
		await runProbe(harness, me, { items: items(3) });
		const seen = await counters(harness.hub);
		expect(seen.refreshes).toBe(0);
		expect(responses(seen, ME)).toEqual({ '200': 3 });
	});

	it('50 items in flight at once across one expiry: exactly one refresh', async () => {
		await controlRequest(harness.hub, 'POST', '/__sandbox/expire-access-tokens');

		const { output, error } = await runProbe(harness, { ...me, concurrent: true }, { items: items(50) });

		expect(error).toBeUndefined();
		expect(output![0]).toHaveLength(50);
		expect(output![0].every((item) => item.json.email === 'ada@example.com')).toBe(true);
		const seen = await counters(harness.hub);
		expect(seen.refreshes).toBe(1);
		expect(seen.reuseDetections).toBe(0);
		expect(responses(seen, ME)['200']).toBe(50);
		expect(responses(seen, ME)['401']).toBeLessThanOrEqual(50);
		expect(harness.hub.state.auth.refreshTokens[tokenKey(storedTokens(harness).refresh_token)].used).toBe(false);
	});

	it('20 executions in flight at once across one expiry: at most one refresh, none fails', async () => {
		await controlRequest(harness.hub, 'POST', '/__sandbox/expire-access-tokens');

		// Each execution has its own context and so its own read of the credential.
		const runs = await Promise.all(Array.from({ length: 20 }, () => runProbe(harness, me, { items: items(2) })));

		expect(runs.map((run) => run.error?.message)).toEqual(Array(20).fill(undefined));
		expect(runs.every((run) => run.output![0].every((item) => item.json.email === 'ada@example.com'))).toBe(true);
		const seen = await counters(harness.hub);
		expect(seen.refreshes).toBeLessThanOrEqual(1);
		expect(seen.reuseDetections).toBe(0);
		expect(responses(seen, ME)['200']).toBe(40);
		expect(harness.hub.state.auth.refreshTokens[tokenKey(storedTokens(harness).refresh_token)].used).toBe(false);
	});

	it('a revoked grant: the reconnect error on the first item, no refresh loop', async () => {
		await controlRequest(harness.hub, 'POST', '/__sandbox/revoke-grants', {});

		const outcome = await runProbe(harness, me, { items: items(3) });

		expect(outcome.output).toBeUndefined();
		expect(outcome.error.message).toMatch(/needs to be reconnected/);
		expect(outcome.error.description).toMatch(/Reconnect/);
		expect(outcome.error.message).toMatch(/\[Request ID: req_/);
		expect(outcome.error.context.itemIndex).toBe(0);
		const seen = await counters(harness.hub);
		// invalid_token is no expiry: nothing refreshes, not even n8n 1.x, which tries on any 401.
		expect(seen.refreshes).toBe(0);
		expect(responses(seen, ME)).toEqual({ '401': 1 });
		expectNoSecrets(harness, outcome);
	});

	it('a refresh the Hub refuses: one reconnect error per item and at most one refresh attempt', async () => {
		await controlRequest(harness.hub, 'POST', '/__sandbox/expire-access-tokens');
		await controlRequest(harness.hub, 'POST', '/__sandbox/revoke-grants', {});
		// Revoking leaves the expired access token answering invalid_token; make it say token_expired
		// so that the transport does try the (now refused) refresh.
		await controlRequest(harness.hub, 'POST', '/__sandbox/faults', {
			method: 'GET',
			path: '/api/auth/me',
			count: 5,
			status: 401,
			body: { code: 'token_expired', message: 'The access token expired' },
			headers: { 'WWW-Authenticate': 'Bearer error="invalid_token", error_description="token_expired"' },
		});

		const outcome = await runProbe(harness, me, { items: items(5), continueOnFail: true });

		expect(outcome.error).toBeUndefined();
		expect(outcome.output![0]).toHaveLength(5);
		for (const item of outcome.output![0]) expect(item.json.error).toMatch(/needs to be reconnected/);
		const seen = await counters(harness.hub);
		expect(seen.refreshes).toBe(1);
		expect(responses(seen, TOKEN_ENDPOINT)['400']).toBe(1);
		expectNoSecrets(harness, outcome);
	});

	it('a POST answered 401 token_expired is sent once more with the same Idempotency-Key and runs once', async () => {
		await controlRequest(harness.hub, 'POST', '/__sandbox/expire-access-tokens');
		const body = { communityId: adasCommunityId(harness.hub), title: 'Created across an expiry', body: 'Hello' };

		const { output, error } = await runProbe(harness, {
			authentication: 'oAuth2',
			method: 'POST',
			endpoint: '/api/discussion/topics',
			body: JSON.stringify(body),
		});

		expect(error).toBeUndefined();
		expect(output![0][0].json.title).toBe('Created across an expiry');
		const seen = await counters(harness.hub);
		expect(responses(seen, 'POST /api/discussion/topics')).toEqual({ '201': 1, '401': 1 });
		expect(seen.executions['POST /api/discussion/topics']).toBe(1);
		expect(seen.refreshes).toBe(1);
	});

	it('a second token_expired after the refresh ends in the reconnect error, not a second refresh', async () => {
		await controlRequest(harness.hub, 'POST', '/__sandbox/faults', {
			method: 'GET',
			path: '/api/auth/me',
			count: 2,
			status: 401,
			body: { code: 'token_expired', message: 'The access token expired' },
		});

		const outcome = await runProbe(harness, me);

		expect(outcome.error.message).toMatch(/needs to be reconnected/);
		const seen = await counters(harness.hub);
		expect(seen.refreshes).toBe(1);
		expect(responses(seen, ME)).toEqual({ '401': 2 });
		expectNoSecrets(harness, outcome);
	});
});

describe('transport with a personal API token', () => {
	let harness: Harness;

	beforeAll(async () => {
		harness = await createHarness();
		harness.useApiToken();
	});
	afterAll(async () => harness?.close());

	it('is never refreshed: a 401 is the check-your-token error', async () => {
		await controlRequest(harness.hub, 'POST', '/__sandbox/faults', {
			method: 'GET',
			path: '/api/auth/me',
			status: 401,
			body: { code: 'token_expired', message: 'The token expired' },
		});

		const outcome = await runProbe(harness, { authentication: 'apiToken', method: 'GET', endpoint: '/api/auth/me' });

		expect(outcome.error.message).toMatch(/rejected the personal API token \(token_expired\)/);
		expect(outcome.error.description).toMatch(/personal API token/);
		const seen = await counters(harness.hub);
		expect(seen.refreshes).toBe(0);
		expect(responses(seen, TOKEN_ENDPOINT)).toEqual({});
		// n8n's generic 401 resend is switched off: the same token would only fail again.
		expect(responses(seen, ME)).toEqual({ '401': 1 });
		expectNoSecrets(harness, outcome);
	});

	it('sends the token as Bearer and works', async () => {
		const { output } = await runProbe(harness, { authentication: 'apiToken', method: 'GET', endpoint: '/api/auth/me' });
		expect(output![0][0].json.email).toBe('ada@example.com');
	});
});

/** As on an n8n without `helpers.refreshOAuth2Token`: the transport leaves the 401 to n8n's own path. */
class ProbeWithoutExplicitRefresh extends HubProbe {
	async execute(this: IExecuteFunctions) {
		delete (this.helpers as Partial<IExecuteFunctions['helpers']>).refreshOAuth2Token;
		return await HubProbe.prototype.execute.call(this);
	}
}

describe('transport token lifecycle without helpers.refreshOAuth2Token', () => {
	let harness: Harness;
	const legacy = new ProbeWithoutExplicitRefresh();

	resetHarnessBeforeEach((created) => (harness = created));

	it('n8n refreshes on the 401 and resends once: one refresh for the whole run', async () => {
		await controlRequest(harness.hub, 'POST', '/__sandbox/expire-access-tokens');

		const output = await harness.execute(legacy, { parameters: me, items: items(5) });

		expect(output[0]).toHaveLength(5);
		const seen = await counters(harness.hub);
		expect(seen.refreshes).toBe(1);
		expect(responses(seen, ME)).toEqual({ '200': 5, '401': 1 });
	});

	it('a revoked grant: n8n tries one refresh, the transport reports the reconnect error', async () => {
		await controlRequest(harness.hub, 'POST', '/__sandbox/revoke-grants', {});

		const error = await harness.execute(legacy, { parameters: me }).then(() => undefined, (thrown: Error) => thrown);

		expect(error?.message).toMatch(/needs to be reconnected/);
		const seen = await counters(harness.hub);
		expect(seen.refreshes).toBe(1);
		expect(responses(seen, ME)).toEqual({ '401': 1 });
		expectNoSecrets(harness, { error });
	});
});
