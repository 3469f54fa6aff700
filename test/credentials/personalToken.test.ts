import { controlRequest } from '../hub/testing';
import { API_TOKEN_CREDENTIAL, createHarness, type Harness } from '../harness';
import { counters, responses } from '../transport/support';

/** The personal-token credential's `test`, run the way n8n's credential test runs it. */
describe('Agentic Developer Hub API credential test', () => {
	let harness: Harness;

	beforeAll(async () => {
		harness = await createHarness();
	});
	afterAll(async () => harness?.close());

	it('succeeds with a valid token, calling GET /api/auth/me once', async () => {
		const before = responses(await counters(harness.hub), 'GET /api/auth/me')['200'] ?? 0;
		harness.useApiToken();

		await expect(harness.testCredential(API_TOKEN_CREDENTIAL)).resolves.toEqual({
			status: 'OK',
			message: 'Connection successful!',
		});
		expect(responses(await counters(harness.hub), 'GET /api/auth/me')['200']).toBe(before + 1);
	});

	it('succeeds with a token made through the control API and a trailing slash in the Base URL', async () => {
		const { token } = await controlRequest<{ token: string }>(harness.hub, 'POST', '/__sandbox/personal-tokens', { user: 'grace@example.com' });
		const result = await harness.testCredential(API_TOKEN_CREDENTIAL, { baseUrl: `${harness.hub.url}/`, apiToken: token });
		expect(result.status).toBe('OK');
	});

	it('fails clearly with a bad token, and the message does not echo it', async () => {
		const bad = 'adh_pat_this-is-not-a-real-token';
		const result = await harness.testCredential(API_TOKEN_CREDENTIAL, { baseUrl: harness.hub.url, apiToken: bad });
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/did not accept this token/);
		expect(result.message).toMatch(/adh_pat_/);
		expect(result.message).not.toContain(bad);
	});

	it('fails with a Base URL check hint when the Hub API is not there', async () => {
		const result = await harness.testCredential(API_TOKEN_CREDENTIAL, {
			baseUrl: `${harness.hub.url}/not-the-api`,
			apiToken: harness.hub.info().users[0].apiToken,
		});
		expect(result).toEqual({ status: 'Error', message: expect.stringMatching(/Check the Base URL/) });
	});
});
