import { API_TOKEN_CREDENTIAL } from '../harness';
import { HarnessCredentialsHelper } from '../harness/credentialsHelper';
import { useNodeHarness } from './support';

/*
 * n8n resolves a credential's expressions per item (`getCredentials(type, itemIndex)`): a personal
 * token written as `={{ $json.hubToken }}` lets one workflow act for several Hub users, one per item,
 * as n8n's HTTP Request node does with such a credential. Without an expression, one read serves the
 * run (plus the probe that tells the two cases apart).
 */
describe('credential expressions resolve per item', () => {
	const hub = useNodeHarness();
	const tokens = () => hub.harness.hub.info().users.map((user) => user.apiToken);

	afterEach(() => {
		jest.restoreAllMocks();
		hub.harness.useApiToken();
	});

	function usePerItemToken(): void {
		hub.harness.setCredentialData(API_TOKEN_CREDENTIAL, { baseUrl: hub.harness.hub.url, apiToken: '={{ $json.hubToken }}' });
	}

	it('User > Get Me with three users\' tokens on three items answers ada, grace, alan', async () => {
		usePerItemToken();
		const [ada, grace, alan] = tokens();

		const output = await hub.runJson(
			{ resource: 'user', operation: 'getMe' },
			{ items: [{ json: { hubToken: ada } }, { json: { hubToken: grace } }, { json: { hubToken: alan } }] },
		);

		expect(output.map((me) => me.email)).toEqual(['ada@example.com', 'grace@example.com', 'alan@example.com']);
	});

	it('the same user twice and another between: each item its own token, in order', async () => {
		usePerItemToken();
		const [ada, grace] = tokens();

		const output = await hub.runJson(
			{ resource: 'user', operation: 'getMe' },
			{ items: [ada, grace, ada, grace].map((hubToken) => ({ json: { hubToken } })) },
		);

		expect(output.map((me) => me.email)).toEqual(['ada@example.com', 'grace@example.com', 'ada@example.com', 'grace@example.com']);
	});

	it('a bad token on one item fails that item only (Continue On Fail), sent once, without the token', async () => {
		usePerItemToken();
		const [ada, , alan] = tokens();
		const before = await hub.requests('GET /api/auth/me');

		const output = await hub.runJson(
			{ resource: 'user', operation: 'getMe' },
			{
				items: [{ json: { hubToken: ada } }, { json: { hubToken: 'adh_pat_wrong-for-item-1' } }, { json: { hubToken: alan } }],
				continueOnFail: true,
			},
		);

		expect(output[0].email).toBe('ada@example.com');
		expect(String(output[1].error)).toMatch(/token/i);
		expect(JSON.stringify(output[1])).not.toContain('adh_pat_wrong-for-item-1');
		expect(output[2].email).toBe('alan@example.com');
		// n8n's httpRequestWithAuthentication resends after a 401 (1.x always): the node asks it not to.
		expect((await hub.requests('GET /api/auth/me')) - before).toBe(3);
	});

	it('without an expression the credential is read once for the run and once to probe, whatever the item count', async () => {
		const reads = jest.spyOn(HarnessCredentialsHelper.prototype, 'getDecrypted');

		const output = await hub.runJson({ resource: 'user', operation: 'getMe' }, { items: Array.from({ length: 12 }, () => ({ json: {} })) });

		expect(output.map((me) => me.email)).toEqual(Array(12).fill('ada@example.com'));
		expect(reads).toHaveBeenCalledTimes(2);
	});

	it('with an expression it is read once per item (plus the probe)', async () => {
		usePerItemToken();
		const reads = jest.spyOn(HarnessCredentialsHelper.prototype, 'getDecrypted');
		const [ada, grace, alan] = tokens();

		await hub.runJson({ resource: 'user', operation: 'getMe' }, { items: [ada, grace, alan, ada].map((hubToken) => ({ json: { hubToken } })) });

		expect(reads).toHaveBeenCalledTimes(5);
	});
});
