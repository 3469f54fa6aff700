import type { IDataObject } from 'n8n-workflow';
import { retriedInOneExecution, rl, useNodeHarness } from './support';

describe('Integration', () => {
	const hub = useNodeHarness();
	const data = () => hub.harness.hub.state.data;
	const ecosystem = (slug: string) => data().ecosystems.find((candidate) => candidate.slug === slug)!;

	const connectParameters = (connectionType: string, providerId: string, serviceType: string) => ({
		resource: 'integration',
		operation: 'connect',
		connectionType,
		providerId,
		serviceType,
		ecosystemId: rl(ecosystem('personal').id),
	});

	async function connectTwilio(accountSid: string): Promise<IDataObject> {
		const [connection] = await hub.runJson({
			resource: 'integration',
			operation: 'connect',
			connectionType: 'api_key',
			providerId: 'twilio',
			serviceType: 'sms',
			ecosystemId: rl(ecosystem('personal').id),
			fields: JSON.stringify({ accountSid, authToken: 'twilio-secret-token', fromNumber: '+14155550100' }),
		});
		return connection;
	}

	describe('Get Many Providers', () => {
		it('lists every provider, or up to the Limit', async () => {
			const all = await hub.runJson({ resource: 'integration', operation: 'getAllProviders', returnAll: true });
			expect(all.map((provider) => provider.providerId)).toEqual(data().providers.map((provider) => provider.providerId));
			const two = await hub.runJson({ resource: 'integration', operation: 'getAllProviders', limit: 2 });
			expect(two).toEqual(all.slice(0, 2));
		});

		it('fails clearly without the integrations:manage scope', async () => {
			await hub.harness.connectOAuth2({ scopes: ['discussions:read'] });
			const error = await hub.runError({ resource: 'integration', operation: 'getAllProviders', authentication: 'oAuth2' });
			expect(error.message).toMatch(/integrations:manage/);
		});
	});

	describe('Get Many Connections', () => {
		it('lists the default ecosystem\'s connections, simplified', async () => {
			const connections = await hub.runJson({ resource: 'integration', operation: 'getAllConnections', returnAll: true });
			expect(connections.map((connection) => connection.provider)).toContain('mailgun');
			expect(Object.keys(connections[0]).sort()).toEqual(
				['displayName', 'id', 'lastError', 'lastSyncAt', 'provider', 'serviceType', 'status'],
			);
		});

		it('lists another ecosystem\'s connections', async () => {
			const connections = await hub.runJson({
				resource: 'integration',
				operation: 'getAllConnections',
				ecosystemId: rl(ecosystem('agentic-builders-team').id),
				returnAll: true,
			});
			expect(connections).toEqual([]);
		});

		it('fails on an unknown ecosystem', async () => {
			const error = await hub.runError({ resource: 'integration', operation: 'getAllConnections', ecosystemId: rl('nope') });
			expect(error.message).toMatch(/^The ecosystem was not found/);
		});
	});

	describe('Connect', () => {
		it('connects an API-key provider and never returns its secrets', async () => {
			const connection = await connectTwilio('AC-connect-test');
			expect(connection).toMatchObject({ provider: 'twilio', serviceType: 'sms', status: 'active', username: 'AC-connect-test' });
			expect(JSON.stringify(connection)).not.toContain('twilio-secret-token');
			expect(hub.harness.logs.join('\n')).not.toContain('twilio-secret-token');
		});

		it('connects an app-password provider', async () => {
			const [connection] = await hub.runJson({
				resource: 'integration',
				operation: 'connect',
				connectionType: 'app_password',
				providerId: 'bluesky',
				serviceType: 'social',
				ecosystemId: rl(ecosystem('personal').id),
				identifier: 'ada.bsky.social',
				password: 'app-pass-1234',
			});
			expect(connection).toMatchObject({ provider: 'bluesky', username: 'ada.bsky.social' });
			expect(JSON.stringify(connection)).not.toContain('app-pass-1234');
		});

		it('refuses fields that are not JSON before sending anything, without echoing them', async () => {
			const before = await hub.requests();
			const error = await hub.runError({
				resource: 'integration',
				operation: 'connect',
				providerId: 'twilio',
				serviceType: 'sms',
				ecosystemId: rl(ecosystem('personal').id),
				fields: '{"authToken": "sekrit-value"',
			});
			expect(error.message).toBe('"Provider Fields (JSON)" is not valid JSON [item 0]');
			expect(JSON.stringify(error)).not.toContain('sekrit-value');
			expect(await hub.requests()).toBe(before);
		});

		it('keeps secrets out of a Continue On Fail error item', async () => {
			const output = await hub.runJson(
				{
					resource: 'integration',
					operation: 'connect',
					providerId: 'twilio',
					serviceType: 'sms',
					ecosystemId: rl('no-such-ecosystem'),
					fields: JSON.stringify({ accountSid: 'AC9', authToken: 'very-secret-auth', fromNumber: '+14155550100' }),
				},
				{ continueOnFail: true },
			);
			expect(output).toHaveLength(1);
			expect(output[0].error).toMatch(/ecosystem/i);
			expect(JSON.stringify(output)).not.toContain('very-secret-auth');
			expect(hub.harness.logs.join('\n')).not.toContain('very-secret-auth');
		});

		it('reports the Hub\'s complaint about a missing provider field', async () => {
			const error = await hub.runError({
				resource: 'integration',
				operation: 'connect',
				providerId: 'twilio',
				serviceType: 'sms',
				ecosystemId: rl(ecosystem('personal').id),
				fields: '{"accountSid": "AC1"}',
			});
			expect(error.message).toMatch(/authToken|Auth token/);
			expect(error.message).not.toMatch(/\{/);
		});
	});

	describe('Disconnect and Sync Now', () => {
		it('syncs a connection now', async () => {
			const connection = await connectTwilio('AC-sync');
			const [result] = await hub.runJson({ resource: 'integration', operation: 'sync', connectionId: rl(String(connection.id)) });
			expect(result).toEqual({ ok: true, id: connection.id });
			expect(data().connections[String(connection.id)].lastSyncAt).not.toBeNull();
		});

		it('disconnects and returns { deleted: true, id }', async () => {
			const connection = await connectTwilio('AC-disconnect');
			const [result] = await hub.runJson({ resource: 'integration', operation: 'disconnect', connectionId: rl(String(connection.id)) });
			expect(result).toEqual({ deleted: true, id: connection.id });
			expect(data().connections[String(connection.id)].status).toBe('revoked');
		});

		it.each(['sync', 'disconnect'])('%s fails on an unknown connection', async (operation) => {
			const error = await hub.runError({ resource: 'integration', operation, connectionId: rl('no-such-connection') });
			expect(error.message).toMatch(/^The connection was not found/);
		});
	});

	describe('Perform Action', () => {
		let smsConnection: string;
		beforeAll(async () => {
			smsConnection = String((await connectTwilio('AC-actions')).id);
		});
		const actionLogs = () => Object.values(data().actionLogs).filter((log) => log.connectionId === smsConnection);

		it('sends an SMS through a connection (the published body: { to, body })', async () => {
			const [result] = await hub.runJson({
				resource: 'integration',
				operation: 'performAction',
				connectionId: rl(smsConnection),
				actionType: 'sms',
				toPhone: '+44 20 7946 0958',
				message: 'Your build is green',
			});
			expect(result).toMatchObject({ ok: true, status: 'ok', deduped: false });
			expect(String(result.externalId)).toMatch(/^twilio_/);
		});

		it('never repeats an action retried in the same execution (Idempotency-Key)', async () => {
			const before = actionLogs().length;
			const output = await hub.runJson(
				{
					resource: 'integration',
					operation: 'performAction',
					connectionId: rl(smsConnection),
					actionType: 'sms',
					toPhone: '+14155550123',
					message: 'Once only',
				},
				{ nodeType: retriedInOneExecution() },
			);
			expect(output).toHaveLength(2);
			expect(output[1].actionLogId).toBe(output[0].actionLogId);
			expect(actionLogs().length).toBe(before + 1);
		});

		it('fails an item whose action the provider refused (200 { ok: false }), the other items go on with Continue On Fail', async () => {
			await hub.control('POST', '/__sandbox/action-failures', { connectionId: smsConnection, actionType: 'sms', error: 'The number is not reachable', count: 1 });
			const output = await hub.runJson(
				{
					resource: 'integration',
					operation: 'performAction',
					connectionId: rl(smsConnection),
					actionType: 'sms',
					toPhone: '={{ $json.phone }}',
					message: 'Deploy finished',
				},
				{ continueOnFail: true, items: [{ json: { phone: '+14155550101' } }, { json: { phone: '+14155550102' } }] },
			);
			expect(output).toEqual([
				{ error: 'The Hub could not perform the action: The number is not reachable' },
				expect.objectContaining({ ok: true, status: 'ok', deduped: false }),
			]);
			await hub.control('POST', '/__sandbox/action-failures', { connectionId: smsConnection, error: 'Blocked by the carrier', count: 1 });
			const error = await hub.runError({
				resource: 'integration',
				operation: 'performAction',
				connectionId: rl(smsConnection),
				actionType: 'sms',
				toPhone: '+14155550103',
				message: 'Deploy finished',
			});
			expect(error.constructor.name).toBe('NodeApiError');
			expect(error.message).toBe('The Hub could not perform the action: Blocked by the carrier');
		});

		const connectionOf: Record<string, string> = {};
		it.each<[string, string, IDataObject]>([
			['mailchimp', 'subscribe', { audienceId: 'aud-1', email: 'ada@example.com', additionalFields: { firstName: 'Ada', tags: 'beta' } }],
			['mailchimp', 'unsubscribe', { audienceId: 'aud-1', email: 'ada@example.com' }],
			['mailchimp', 'broadcast', { audienceId: 'aud-1', subject: 'News', bodyHtml: '<p>News</p>', additionalFields: { fromName: 'Ada' } }],
			['mailchimp', 'broadcast_send', { broadcastId: 'bc-1' }],
			['reddit', 'submit', { subreddit: 'n8n', title: 'A new node', text: 'It speaks the Hub' }],
			['reddit', 'comment', { text: 'Agreed', replyTo: 't3_abc' }],
		])('%s: %s goes through the sandbox, which checks the body against the published types', async (provider, actionType, fields) => {
			if (!connectionOf[provider]) {
				const [connected] = await hub.runJson(
					provider === 'mailchimp'
						? { ...connectParameters('api_key', 'mailchimp', 'newsletter'), fields: JSON.stringify({ account: 'ada', apiKey: 'mc-secret-key' }) }
						: { ...connectParameters('app_password', 'reddit', 'social'), identifier: 'ada_reddit', password: 'reddit-app-pass' },
				);
				connectionOf[provider] = String(connected.id);
			}
			const [result] = await hub.runJson({
				resource: 'integration',
				operation: 'performAction',
				connectionId: rl(connectionOf[provider]),
				actionType,
				...fields,
			});
			expect(result).toMatchObject({ ok: true, status: 'ok', deduped: false });
		});

		it('refuses a phone number that is not E.164 before sending anything', async () => {
			const before = await hub.requests();
			const error = await hub.runError({
				resource: 'integration',
				operation: 'performAction',
				connectionId: rl(smsConnection),
				actionType: 'sms',
				toPhone: '0155 555 0100',
				message: 'Hi',
			});
			expect(error.message).toMatch(/^"To Phone Number" must be a phone number in E\.164 format.*\[item 0\]$/);
			expect(await hub.requests()).toBe(before);
		});

		it('reports an action the connection does not support', async () => {
			const error = await hub.runError({
				resource: 'integration',
				operation: 'performAction',
				connectionId: rl(smsConnection),
				actionType: 'post',
				text: 'Hello world',
			});
			expect(error.message).toMatch(/supports these actions: sms/);
		});
	});
});
