import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { AgenticDeveloperHubApi } from '../../credentials/AgenticDeveloperHubApi.credentials';
import { AgenticDeveloperHubOAuth2Api } from '../../credentials/AgenticDeveloperHubOAuth2Api.credentials';
import { createHarness, type Harness } from '../harness';
import { HarnessCredentialsHelper } from '../harness/credentialsHelper';
import { emptyItems, runNode } from './support';

/** Every display condition (`_cnd`) in a list of properties, nested options included. */
function displayConditions(properties: INodeProperties[]): IDataObject[] {
	return properties.flatMap((property) => {
		const own = [property.displayOptions?.show, property.displayOptions?.hide]
			.flatMap((rules) => Object.values(rules ?? {}))
			.flatMap((values): unknown[] => (Array.isArray(values) ? values : [values]))
			.filter((value): value is { _cnd: IDataObject } => typeof value === 'object' && value !== null && '_cnd' in value)
			.map((value) => value._cnd);
		const nested = (property.options ?? []).filter((option): option is INodeProperties => 'displayName' in option && 'type' in option);
		return [...own, ...displayConditions(nested)];
	});
}

/*
 * n8n resolves a credential's display conditions on every read of the credential (the transport
 * reads it several times per request), and runs a `regex` condition in a VM with a 250 ms timeout.
 * Under load that timeout fails items ("Regular expression execution timed out", seen at item 666
 * of a 1,000-item benchmark run) and the VM costs about 2 ms of CPU per item.
 */
describe('credential reads stay cheap and cannot time out', () => {
	it.each([new AgenticDeveloperHubOAuth2Api(), new AgenticDeveloperHubApi()])('$name has no regex display condition', (credential) => {
		const regexConditions = displayConditions(credential.properties).filter((condition) => 'regex' in condition);
		expect(regexConditions).toEqual([]);
	});
});

/*
 * In a real n8n 2.41 every credential read decrypts it and resolves the OAuth2 credential's hidden
 * expressions in an isolated VM; that was most of the node's cost over the HTTP Request node
 * (3 reads per request: 2.7-3.0x; 2 reads: 2.0x, measured with `npm run bench`).
 */
describe('credential reads per request', () => {
	let harness: Harness;

	beforeAll(async () => {
		harness = await createHarness();
		await harness.connectOAuth2();
	});
	afterAll(async () => harness?.close());
	afterEach(() => jest.restoreAllMocks());

	it('at most two per request with a fresh token: the transport’s one and n8n’s own when it signs', async () => {
		const reads = jest.spyOn(HarnessCredentialsHelper.prototype, 'getDecrypted');
		const { output, error } = await runNode(harness, { authentication: 'oAuth2', resource: 'user', operation: 'getMe' }, { items: emptyItems(20) });
		expect(error).toBeUndefined();
		expect(output).toHaveLength(20);
		expect(reads.mock.calls.length).toBeLessThanOrEqual(2 * 20);
	});
});
