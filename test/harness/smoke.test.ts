import { createHarness, type Harness } from '.';
import { HubProbe } from './fixtures/probeNode';

describe('harness smoke', () => {
	let harness: Harness;
	beforeAll(async () => {
		harness = await createHarness();
	});
	afterAll(async () => harness?.close());

	it('runs the probe with a personal token', async () => {
		harness.useApiToken();
		const out = await harness.execute(new HubProbe(), { parameters: { authentication: 'apiToken' } });
		expect(out[0][0].json.email).toBe('ada@example.com');
	});

	it('connects OAuth2 and runs the probe', async () => {
		await harness.connectOAuth2();
		const out = await harness.execute(new HubProbe(), { parameters: { authentication: 'oAuth2' } });
		expect(out[0][0].json.email).toBe('ada@example.com');
	});
});
