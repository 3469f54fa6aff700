import { controlRequest } from '../hub/testing';
import { createHarness, OAUTH2_CREDENTIAL, type Harness } from '../harness';
import { adasCommunityId, counters, expectNoSecrets, items, responses, runProbe } from './support';

const oauth = { authentication: 'oAuth2' };

describe('transport error mapping', () => {
	let harness: Harness;

	beforeAll(async () => {
		harness = await createHarness();
		await harness.connectOAuth2();
	});
	afterAll(async () => harness?.close());
	beforeEach(async () => {
		await controlRequest(harness.hub, 'DELETE', '/__sandbox/faults');
		harness.logs.length = 0;
	});

	it('403 insufficient_scope names the missing scope and says to reconnect with it', async () => {
		const narrow = await createHarness({ hub: harness.hub });
		try {
			await narrow.connectOAuth2({ scopes: ['profile:read'] });
			const outcome = await runProbe(narrow, {
				...oauth,
				method: 'GET',
				endpoint: '/api/discussion/topics',
				qs: JSON.stringify({ communityId: adasCommunityId(harness.hub) }),
			});
			expect(outcome.error.message).toMatch(/missing the "discussions:read" permission/);
			expect(outcome.error.message).toMatch(/\[Request ID: req_[\w-]+\]/);
			expect(outcome.error.description).toMatch(/add "discussions:read" under Permissions, then click Reconnect/);
			expect(outcome.error.httpCode).toBe('403');
			expectNoSecrets(narrow, outcome);
		} finally {
			await narrow.close();
		}
	});

	it('403 forbidden (a role, not a scope) says the account may not do this', async () => {
		const grace = await createHarness({ hub: harness.hub });
		try {
			await grace.connectOAuth2({ user: 'grace@example.com' });
			const outcome = await runProbe(grace, {
				...oauth,
				method: 'POST',
				endpoint: '/api/discussion/topics',
				body: JSON.stringify({ communityId: adasCommunityId(harness.hub), title: 'Not mine to post', body: 'x' }),
			});
			expect(outcome.error.message).toMatch(/^The Hub refused this operation for your account: \S/);
			expect(outcome.error.description).toMatch(/community admins/);
			expect(outcome.error.message).not.toMatch(/permission/);
			expectNoSecrets(grace, outcome);
		} finally {
			await grace.close();
		}
	});

	it('400 names the field', async () => {
		const outcome = await runProbe(harness, {
			...oauth,
			method: 'POST',
			endpoint: '/api/discussion/topics',
			// A body the published types allow, which the Hub refuses: the category is not one of this community's.
			body: JSON.stringify({ communityId: adasCommunityId(harness.hub), title: 'T', body: 'x', categoryId: '00000000-0000-0000-0000-000000000000' }),
		});
		expect(outcome.error.message).toMatch(/rejected the request in field "categoryId"/);
		expect(outcome.error.description).toMatch(/Fix the value of "categoryId"/);
		expect(outcome.error.httpCode).toBe('400');
		expectNoSecrets(harness, outcome);
	});

	it('404 names the resource, and the error carries the failing item index', async () => {
		const outcome = await runProbe(
			harness,
			{
				...oauth,
				method: 'GET',
				endpoint: '={{ $json.index === 2 ? "/api/discussion/topics/no-such-topic" : "/api/auth/me" }}',
				resource: 'topic',
			},
			{ items: items(3) },
		);
		expect(outcome.error.message).toMatch(/^The topic was not found/);
		expect(outcome.error.description).toMatch(/Check the topic ID/);
		expect(outcome.error.description).toMatch(/item 2/);
		expect(outcome.error.context.itemIndex).toBe(2);
		expectNoSecrets(harness, outcome);
	});

	it('409 for a reused Idempotency-Key with another body (a Hub that honours the key on every POST)', async () => {
		await controlRequest(harness.hub, 'POST', '/__sandbox/settings', { idempotency: 'every-post' });
		try {
			const request = { ...oauth, method: 'POST', endpoint: '/api/chat/dms', idempotencyKey: 'fixed-key-409' };
			const [, grace, alan] = harness.hub.info().users;
			expect((await runProbe(harness, { ...request, body: JSON.stringify({ recipientId: grace.id }) })).error).toBeUndefined();
			const outcome = await runProbe(harness, { ...request, body: JSON.stringify({ recipientId: alan.id }) });
			expect(outcome.error.message).toMatch(/conflict/);
			expect(outcome.error.description).toMatch(/Idempotency-Key was already used/);
			expect(outcome.error.httpCode).toBe('409');
		} finally {
			await controlRequest(harness.hub, 'POST', '/__sandbox/settings', { idempotency: 'declared' });
		}
	});

	it('reads problem details (integrations) and the nested error shape', async () => {
		const problem = await runProbe(harness, {
			...oauth,
			method: 'POST',
			endpoint: '/api/integrations/no-such-connection/sync',
			resource: 'integration connection',
		});
		expect(problem.error.message).toMatch(/^The integration connection was not found: \S/);
		expect(problem.error.message).toMatch(/\[Request ID: req_/);

		await controlRequest(harness.hub, 'POST', '/__sandbox/faults', {
			path: '/api/auth/me',
			status: 409,
			body: { error: { code: 'conflict', message: 'Nested shape says no' } },
		});
		const nested = await runProbe(harness, { ...oauth, method: 'GET', endpoint: '/api/auth/me' });
		expect(nested.error.message).toMatch(/conflict: Nested shape says no/);
	});

	it('never echoes a token even when the Hub message contains one', async () => {
		const tokens = harness.storedCredential(OAUTH2_CREDENTIAL).oauthTokenData as Record<string, string>;
		await controlRequest(harness.hub, 'POST', '/__sandbox/faults', {
			path: '/api/auth/me',
			status: 400,
			body: { code: 'validation_error', message: `bad token ${tokens.access_token} / ${tokens.refresh_token}`, field: 'token' },
		});
		const outcome = await runProbe(harness, { ...oauth, method: 'GET', endpoint: '/api/auth/me' });
		expect(outcome.error.message).toMatch(/bad token \[redacted\]/);
		expectNoSecrets(harness, outcome);
	});

	it('with Continue On Fail, the error text is in the output and holds no secret', async () => {
		await controlRequest(harness.hub, 'POST', '/__sandbox/revoke-grants', {});
		const outcome = await runProbe(harness, { ...oauth, method: 'GET', endpoint: '/api/auth/me' }, { continueOnFail: true, items: items(2) });
		expect(outcome.output![0].map((item) => item.json.error)).toEqual([
			expect.stringMatching(/needs to be reconnected/),
			expect.stringMatching(/needs to be reconnected/),
		]);
		expectNoSecrets(harness, outcome);
		const seen = await counters(harness.hub);
		expect(responses(seen, 'POST /api/oauth/signin/exchange')['400'] ?? 0).toBe(0);
		await harness.connectOAuth2();
	});

	it('refuses a plain-http Base URL other than localhost before sending anything', async () => {
		const stored = harness.storedCredential(OAUTH2_CREDENTIAL);
		harness.setCredentialData(OAUTH2_CREDENTIAL, { ...stored, baseUrl: 'http://hub.example.com' });
		try {
			const outcome = await runProbe(harness, { ...oauth, method: 'GET', endpoint: '/api/auth/me' });
			expect(outcome.error.message).toMatch(/must start with https:\/\//);
			expectNoSecrets(harness, outcome);
		} finally {
			harness.setCredentialData(OAUTH2_CREDENTIAL, stored);
		}
	});
});
