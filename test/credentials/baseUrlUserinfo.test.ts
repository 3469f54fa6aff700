import { API_TOKEN_CREDENTIAL, createHarness, type Harness } from '../harness';
import { node, withDefaults } from '../node/support';
import { counters } from '../transport/support';

/** A Base URL with `user:password@` is refused before any request, and never repeated in an error. */
describe('Base URL with a user name or password', () => {
	let harness: Harness;
	const PASSWORD = 'url-password-9876';
	const withUserinfo = () => harness.hub.url.replace('http://', `http://hub-user:${PASSWORD}@`);
	const requests = async () => Object.values((await counters(harness.hub)).requests as Record<string, Record<string, number>>).reduce((sum, byStatus) => sum + Object.values(byStatus).reduce((a, b) => a + b, 0), 0);

	beforeAll(async () => {
		harness = await createHarness();
	});
	afterAll(async () => harness?.close());

	it('the node refuses it before sending anything, naming the problem, not the URL', async () => {
		harness.setCredentialData(API_TOKEN_CREDENTIAL, { baseUrl: withUserinfo(), apiToken: harness.hub.info().users[0].apiToken });
		const before = await requests();
		const error = await harness.execute(node, { parameters: withDefaults({ authentication: 'apiToken', resource: 'user', operation: 'getMe' }) }).then(
			() => undefined,
			(thrown: Error & { description?: string }) => thrown,
		);
		expect(error?.message).toBe('The Base URL in the Agentic Developer Hub credential must not contain a user name or password');
		expect(`${error?.message} ${error?.description} ${JSON.stringify(error)}`).not.toContain(PASSWORD);
		expect(await requests()).toBe(before);
	});

	it("the credential test refuses it too, sending nothing", async () => {
		const before = await requests();
		const result = await harness.testCredential(API_TOKEN_CREDENTIAL, { baseUrl: withUserinfo(), apiToken: harness.hub.info().users[0].apiToken });
		expect(result.status).toBe('Error');
		expect(result.message).not.toContain(PASSWORD);
		expect(await requests()).toBe(before);
	});
});
