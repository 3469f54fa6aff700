import { tokenExpiresAt } from '../../nodes/AgenticDeveloperHub/transport/tokenFreshness';
import { controlRequest } from '../hub/testing';
import { createHarness, OAUTH2_CREDENTIAL, type Harness } from '.';
import { HubPollProbe } from './fixtures/pollProbe';
import { HubProbe } from './fixtures/probeNode';
import { exposedText, knownSecrets } from '../transport/support';

describe('in-process n8n harness', () => {
	let harness: Harness;
	const pollProbe = new HubPollProbe();

	beforeAll(async () => {
		harness = await createHarness();
		await harness.connectOAuth2();
		harness.useApiToken();
	});
	afterAll(async () => harness?.close());

	it('executes a node with either credential, picked by its Authentication parameter', async () => {
		const viaOAuth = await harness.execute(new HubProbe(), { parameters: { authentication: 'oAuth2' } });
		const viaToken = await harness.execute(new HubProbe(), { parameters: { authentication: 'apiToken' } });
		expect(viaOAuth[0][0].json.email).toBe('ada@example.com');
		expect(viaToken[0][0].json.email).toBe('ada@example.com');
	});

	it('polls through PollContext and keeps static data per node name across polls', async () => {
		const first = await harness.poll(pollProbe, { parameters: { authentication: 'oAuth2' }, nodeName: 'Trigger A' });
		const second = await harness.poll(pollProbe, { parameters: { authentication: 'apiToken' }, nodeName: 'Trigger A' });
		const other = await harness.poll(pollProbe, { parameters: {}, nodeName: 'Trigger B', mode: 'manual' });
		expect(first![0][0].json).toMatchObject({ polls: 1, email: 'ada@example.com', mode: 'trigger' });
		expect(second![0][0].json.polls).toBe(2);
		expect(other![0][0].json).toMatchObject({ polls: 1, mode: 'manual' });
		expect(harness.staticData('Trigger A')).toEqual({ polls: 2 });
		expect(harness.staticData('Trigger B')).toEqual({ polls: 1 });
	});

	it('runs list searches through LoadOptionsContext', async () => {
		const { results } = await harness.listSearch(pollProbe, 'searchNotifications', { parameters: { authentication: 'apiToken' } });
		expect(results.length).toBeGreaterThan(0);
		expect(results.length).toBeLessThanOrEqual(10);
		const oauth = await harness.listSearch(pollProbe, 'searchNotifications', { filter: results[0].name });
		expect(oauth.results.map((entry) => entry.value)).toContain(results[0].value);
	});

	it('refreshes through n8n-core and persists what n8n persists, logging through n8n\'s logger', async () => {
		const writes = harness.oauthTokenWrites();
		const before = harness.storedCredential(OAUTH2_CREDENTIAL).oauthTokenData as Record<string, string>;
		await controlRequest(harness.hub, 'POST', '/__sandbox/expire-access-tokens');

		await harness.execute(new HubProbe(), { parameters: { authentication: 'oAuth2' } });

		const after = harness.storedCredential(OAUTH2_CREDENTIAL).oauthTokenData as Record<string, string>;
		expect(harness.oauthTokenWrites()).toBe(writes + 1);
		expect(after.access_token).not.toBe(before.access_token);
		expect(tokenExpiresAt(harness.storedCredential(OAUTH2_CREDENTIAL))).toBeGreaterThan(Date.now());
		expect(harness.logs.some((line) => /OAuth2 token for "agenticDeveloperHubOAuth2Api" .* has been renewed/.test(line))).toBe(true);
	});

	it('the secret scan used by the transport tests does find a planted secret', () => {
		const secret = knownSecrets(harness)[0];
		expect(exposedText(harness, { error: { message: `oops ${secret}` } })).toContain(secret);
		harness.logs.push(`debug leaked ${secret}`);
		expect(exposedText(harness, {})).toContain(secret);
		harness.logs.pop();
	});
});
