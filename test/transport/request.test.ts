import { controlRequest } from '../hub/testing';
import { createHarness, OAUTH2_CREDENTIAL, type Harness } from '../harness';
import { adasCommunityId, counters, expectNoSecrets, recordRetryWaits, responses, runProbe } from './support';

describe('transport requests', () => {
	let harness: Harness;

	beforeAll(async () => {
		harness = await createHarness();
		await harness.connectOAuth2();
	});
	afterAll(async () => harness?.close());

	it('sends JSON bodies for POST and PUT, and a 204 resolves to {}', async () => {
		const oauth = { authentication: 'oAuth2' };
		const created = await runProbe(harness, {
			...oauth,
			method: 'POST',
			endpoint: '/api/discussion/topics',
			body: JSON.stringify({ communityId: adasCommunityId(harness.hub), title: 'To be renamed', body: 'Hi' }),
		});
		const id = String(created.output![0][0].json.id);

		const renamed = await runProbe(harness, {
			...oauth,
			method: 'PUT',
			endpoint: `/api/discussion/topics/${id}`,
			body: JSON.stringify({ title: 'Renamed', isPinned: true }),
		});
		expect(renamed.output![0][0].json).toMatchObject({ id, title: 'Renamed', isPinned: true });

		const deleted = await runProbe(harness, { ...oauth, method: 'DELETE', endpoint: `/api/discussion/topics/${id}` });
		expect(deleted.output![0][0].json).toEqual({});
		expect(responses(await counters(harness.hub), 'DELETE /api/discussion/topics/:id')).toEqual({ '204': 1 });
	});

	it('a credential that was never connected: a clear error, no request', async () => {
		const stored = harness.storedCredential(OAUTH2_CREDENTIAL);
		const { oauthTokenData: _tokens, ...unconnected } = stored;
		harness.setCredentialData(OAUTH2_CREDENTIAL, unconnected);
		const before = responses(await counters(harness.hub), 'GET /api/auth/me');
		try {
			const outcome = await runProbe(harness, { authentication: 'oAuth2', method: 'GET', endpoint: '/api/auth/me' });
			expect(outcome.error.message).toBe('The Agentic Developer Hub OAuth2 credential is not connected yet');
			expect(outcome.error.description).toMatch(/Connect my account/);
			expect(responses(await counters(harness.hub), 'GET /api/auth/me')).toEqual(before);
			expectNoSecrets(harness, outcome);
		} finally {
			harness.setCredentialData(OAUTH2_CREDENTIAL, stored);
		}
	});

	it('a Hub that cannot be reached: retried, then a clear error naming the Base URL', async () => {
		const { waits, restore } = recordRetryWaits();
		await controlRequest(harness.hub, 'POST', '/__sandbox/faults', { method: 'GET', path: '/api/auth/me', count: 20, reset: true });
		try {
			const outcome = await runProbe(harness, { authentication: 'oAuth2', method: 'GET', endpoint: '/api/auth/me' });
			expect(outcome.error.message).toBe(`Could not reach the Hub at ${harness.hub.url} (the connection was reset) after 5 attempts`);
			expect(outcome.error.description).toMatch(/Check the Base URL/);
			expect(waits).toHaveLength(4);
			expectNoSecrets(harness, outcome);
		} finally {
			restore();
			await controlRequest(harness.hub, 'DELETE', '/__sandbox/faults');
		}
	});
});
