import { controlRequest } from '../hub/testing';
import { counters, expectNoSecrets, freshNodeName } from '../trigger/support/harness';
import { responses } from '../transport/support';
import { activate, emittedItems, ids, NOTIFICATIONS, notifyAda, realtimeTrigger, streamCounters, useRealtimeHarness, waitFor } from './support';

const STREAM = 'GET /api/notifications/stream';
const OAUTH_NOTIFICATIONS = { ...NOTIFICATIONS, authentication: 'oAuth2' };

describe('Realtime trigger: tokens', () => {
	const suite = useRealtimeHarness();
	const hub = () => suite.harness.hub;
	const closeStreams = async () => await controlRequest(hub(), 'POST', '/__sandbox/streams/close', {});
	const expireTokens = async () => await controlRequest(hub(), 'POST', '/__sandbox/expire-access-tokens', {});

	it('an access token that expired while the stream was open: the reconnect refreshes once, through n8n', async () => {
		const run = await activate(suite, OAUTH_NOTIFICATIONS);
		const before = await counters(hub());
		await expireTokens();
		await closeStreams();
		await waitFor(async () => (await streamCounters(suite.harness)).open.notifications === 1, 'the stream is open again');
		const after = await counters(hub());
		expect(after.refreshes - before.refreshes).toBe(1);
		expect((responses(after, STREAM)['401'] ?? 0) - (responses(before, STREAM)['401'] ?? 0)).toBe(1);
		const created = await notifyAda(suite.harness, 2);
		expect(ids(await emittedItems(run, 2))).toEqual(ids(created));
		expect(suite.harness.oauthTokenWrites()).toBeGreaterThanOrEqual(2);
		expect(run.errors).toEqual([]);
	});

	it('an expiry found by a read (the stream stays open) also costs exactly one refresh', async () => {
		const run = await activate(suite, OAUTH_NOTIFICATIONS);
		const before = await counters(hub());
		await expireTokens();
		const created = await notifyAda(suite.harness, 3);
		expect(ids(await emittedItems(run, 3))).toEqual(ids(created));
		expect((await counters(hub())).refreshes - before.refreshes).toBe(1);
		expectNoSecrets(suite.harness, { items: run.items(), state: suite.harness.staticData(run.nodeName) });
	});

	it('a revoked grant stops the trigger with the reconnect message, without a reconnect loop; reconnecting the credential brings it back', async () => {
		const nodeName = freshNodeName();
		const run = await activate(suite, OAUTH_NOTIFICATIONS, nodeName);
		await controlRequest(hub(), 'POST', '/__sandbox/revoke-grants', {});
		await closeStreams();
		await run.waitUntil(() => run.errors.length > 0, 'the trigger reports the revoked grant');
		expect(run.errors[0].message).toMatch(/needs to be reconnected/);
		expectNoSecrets(suite.harness, { message: run.errors[0].message, description: (run.errors[0] as { description?: string }).description });
		const refused = await counters(hub());
		await new Promise((resolve) => setTimeout(resolve, 1_000));
		expect(await counters(hub())).toEqual(refused);
		expect((await streamCounters(suite.harness)).open.notifications).toBe(0);

		// n8n reactivates a trigger that reported an error: that fails at once, without asking the Hub.
		await expect(suite.harness.trigger(realtimeTrigger, { parameters: OAUTH_NOTIFICATIONS, nodeName })).rejects.toThrow(/needs to be reconnected/);
		expect(await counters(hub())).toEqual(refused);

		await suite.harness.connectOAuth2();
		const missed = await notifyAda(suite.harness, 2);
		const again = await activate(suite, OAUTH_NOTIFICATIONS, nodeName);
		expect(ids(await emittedItems(again, 2))).toEqual(ids(missed));
	});

	it('a credential without discussions:read is refused at activation, naming the permission', async () => {
		await suite.harness.connectOAuth2({ scopes: ['profile:read'] });
		try {
			await expect(suite.harness.trigger(realtimeTrigger, { parameters: OAUTH_NOTIFICATIONS, nodeName: freshNodeName() })).rejects.toThrow(
				/missing the "discussions:read" permission/,
			);
			expect((await streamCounters(suite.harness)).open.notifications).toBe(0);
		} finally {
			await suite.harness.connectOAuth2();
		}
	});

	it('a personal token that the Hub refuses stops the trigger with the token advice', async () => {
		const { token } = await controlRequest(hub(), 'POST', '/__sandbox/personal-tokens', { user: 'ada@example.com', expiresInSeconds: 3600 });
		suite.harness.useApiToken(token);
		try {
			const run = await activate(suite, NOTIFICATIONS);
			await controlRequest(hub(), 'POST', '/__sandbox/clock', { advanceSeconds: 7200 });
			await closeStreams();
			await run.waitUntil(() => run.errors.length > 0, 'the trigger reports the refused token');
			expect(run.errors[0].message).toMatch(/rejected the personal API token \(token_expired\)/);
		} finally {
			await controlRequest(hub(), 'POST', '/__sandbox/clock', { advanceSeconds: -7200 });
			suite.harness.useApiToken();
		}
	});
});
