import { controlRequest, takeViolations } from '../../hub/testing';
import { useResourceHub, type ApiResponse } from './helpers';

interface Provider {
	providerId: string;
	authMethod: string;
	capabilities: string[];
	configFields?: Array<{ key: string; required: boolean; secret: boolean }>;
}

function expectProblem(response: ApiResponse, status: number, code: string, field?: string): void {
	expect(response.status).toBe(status);
	expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
	expect(response.body).toMatchObject({ type: expect.any(String), title: expect.any(String), status, detail: expect.any(String), code });
	if (field) expect(response.body.field).toBe(field);
}

describe('integrations', () => {
	const suite = useResourceHub();
	let defaultEcosystemId: string;
	let otherEcosystemId: string;

	beforeAll(async () => {
		const { body } = await suite.ada.call('GET', '/api/ecosystem/ecosystems');
		defaultEcosystemId = body.find((ecosystem: { isDefault: boolean }) => ecosystem.isDefault).id;
		otherEcosystemId = body.find((ecosystem: { isDefault: boolean }) => !ecosystem.isDefault).id;
	});

	const connectBluesky = (identifier: string, ecosystemId = otherEcosystemId) =>
		suite.ada.call('POST', '/api/integrations/connect', {
			body: { type: 'app_password', providerId: 'bluesky', serviceType: 'social', ecosystemId, identifier, password: 'app-pass-1234' },
		});

	test('ecosystems: a plain array with exactly one default', async () => {
		const { status, body } = await suite.ada.call('GET', '/api/ecosystem/ecosystems');
		expect(status).toBe(200);
		expect(body.length).toBe(2);
		expect(Object.keys(body[0]).sort()).toEqual(
			[
				'id', 'ownerId', 'slug', 'name', 'description', 'region', 'dedicatedDbConnectionId', 'primaryDomain', 'createdAt', 'updatedAt',
				'isDeleted', 'isDefault', 'isInfrastructure', 'namespaceId', 'parentId', 'archivedAt',
			].sort(),
		);
		expect(body.filter((ecosystem: { isDefault: boolean }) => ecosystem.isDefault)).toHaveLength(1);
	});

	test('one ecosystem by id or slug; errors there are nested, not problem details', async () => {
		const byId = await suite.grace.call('GET', `/api/ecosystem/ecosystems/${defaultEcosystemId}`);
		expect(byId.body).toMatchObject({ id: defaultEcosystemId, isDefault: true });
		expect((await suite.grace.call('GET', '/api/ecosystem/ecosystems/personal')).body).toEqual(byId.body);
		const missing = await suite.grace.call('GET', '/api/ecosystem/ecosystems/nowhere');
		expect(missing.status).toBe(404);
		expect(missing.headers.get('content-type')).toBe('application/json');
		expect(missing.body).toEqual({ error: { code: 'not_found', message: expect.any(String) } });
	});

	test('providers cover every auth method, with service types, capabilities and config fields', async () => {
		const { status, body } = await suite.ada.call('GET', '/api/integrations/providers');
		expect(status).toBe(200);
		const providers = body.providers as Provider[];
		expect(new Set(providers.map((provider) => provider.authMethod))).toEqual(new Set(['oauth', 'api_key', 'app_password', 'github_app']));
		for (const provider of providers) {
			expect(provider).toMatchObject({
				providerId: expect.any(String),
				displayName: expect.any(String),
				subtitle: expect.any(String),
				description: expect.any(String),
				defaultPollIntervalMs: expect.any(Number),
				links: expect.any(Array),
			});
			expect(provider.capabilities.length).toBeGreaterThan(0);
		}
		// Between them, every action type of the published IntegrationActionRequest.
		expect(new Set(providers.flatMap((provider) => provider.capabilities))).toEqual(
			new Set(['send', 'post', 'sms', 'submit', 'comment', 'subscribe', 'unsubscribe', 'broadcast', 'broadcast_send']),
		);
		const apiKey = providers.filter((provider) => provider.authMethod === 'api_key');
		expect(apiKey.every((provider) => provider.configFields!.some((field) => field.secret && field.required))).toBe(true);
	});

	test('connections: ecosystemId is required (400 without it, finding 2); per ecosystem with it', async () => {
		expectProblem(await suite.ada.call('GET', '/api/integrations'), 400, 'validation_error', 'ecosystemId');
		expect(takeViolations(suite.hub)).toEqual(['request query/ecosystemId: is required']);
		const { status, body } = await suite.ada.call('GET', `/api/integrations?ecosystemId=${defaultEcosystemId}`);
		expect(status).toBe(200);
		expect(body.connections).toHaveLength(1);
		expect(body.connections[0]).toEqual({
			id: expect.any(String),
			provider: 'mailgun',
			serviceType: 'email',
			status: 'active',
			displayName: expect.any(String),
			username: expect.any(String),
			externalAccountId: expect.any(String),
			lastSyncAt: expect.any(String),
			lastError: null,
			createdAt: expect.any(String),
			// Published nullable: none set yet (Update Settings sets it; Skip If Already Done reads it here).
			syncSettings: null,
		});
		expect((await suite.grace.call('GET', `/api/integrations?ecosystemId=${defaultEcosystemId}`)).body.connections).toEqual([]);
		expectProblem(await suite.ada.call('GET', '/api/integrations?ecosystemId=nope'), 404, 'not_found');
	});

	test('connect with an api_key: 200 connection, secrets never echoed, listed in its ecosystem', async () => {
		const secret = 'tw-secret-auth-token-0123456789';
		const response = await suite.ada.call('POST', '/api/integrations/connect', {
			body: {
				type: 'api_key',
				providerId: 'twilio',
				serviceType: 'sms',
				ecosystemId: otherEcosystemId,
				fields: { accountSid: 'AC123', authToken: secret, fromNumber: '+14155550100' },
			},
		});
		expect(response.status).toBe(200);
		expect(response.body).toMatchObject({ provider: 'twilio', serviceType: 'sms', status: 'active', username: 'AC123', lastSyncAt: null });
		expect(JSON.stringify(response.body)).not.toContain(secret);
		const listed = await suite.ada.call('GET', `/api/integrations?ecosystemId=${otherEcosystemId}`);
		expect(listed.body.connections.map((c: { id: string }) => c.id)).toContain(response.body.id);
		expect(JSON.stringify(listed.body)).not.toContain(secret);
	});

	test('connect with an app_password: identifier becomes the username, the password is never echoed', async () => {
		const response = await connectBluesky('ada.bsky.social');
		expect(response.status).toBe(200);
		expect(response.body).toMatchObject({ provider: 'bluesky', username: 'ada.bsky.social', status: 'active' });
		expect(JSON.stringify(response.body)).not.toContain('app-pass-1234');
		expectProblem(await connectBluesky('ada.bsky.social'), 409, 'conflict');
	});

	// The published types refuse only the missing password; the rest are bodies they allow and the sandbox refuses.
	test.each([
		['type', { type: 'api_key', providerId: 'google-workspace', serviceType: 'email', fields: {} }, []],
		['type', { type: 'app_password', providerId: 'mailgun', serviceType: 'email', identifier: 'a', password: 'b' }, []],
		['type', { type: 'oauth', providerId: 'google-workspace', serviceType: 'email', code: 'c', redirectUri: 'https://x.example', state: 's' }, []],
		['providerId', { type: 'app_password', providerId: 'myspace', serviceType: 'social', identifier: 'a', password: 'b' }, []],
		['serviceType', { type: 'app_password', providerId: 'bluesky', serviceType: 'email', identifier: 'a', password: 'b' }, []],
		['fields.apiKey', { type: 'api_key', providerId: 'mailgun', serviceType: 'email', fields: { domain: 'mg.example.com' } }, []],
		['fields.color', { type: 'api_key', providerId: 'mailgun', serviceType: 'email', fields: { domain: 'd', apiKey: 'k', color: 'red' } }, []],
		['password', { type: 'app_password', providerId: 'bluesky', serviceType: 'social', identifier: 'a' }, ['request body: misses "password"']],
		['ecosystemId', { type: 'app_password', providerId: 'bluesky', serviceType: 'social', identifier: 'a', password: 'b', ecosystemId: 'nope' }, []],
		['type', { type: 'magic_link', providerId: 'bluesky', serviceType: 'social' }, [expect.stringMatching(/^request body\/type: must be one of: oauth, api_key, app_password/)]],
	])('connect rejects a bad %s as a 400 problem', async (field, body, violations) => {
		const response = await suite.ada.call('POST', '/api/integrations/connect', { body: { ecosystemId: defaultEcosystemId, ...body } });
		expectProblem(response, 400, 'validation_error', field);
		expect(takeViolations(suite.hub)).toEqual(violations);
	});

	test('sync: 202 {ok} and lastSyncAt set to now', async () => {
		const connection = (await connectBluesky('sync.bsky.social')).body;
		suite.hub.clock.advance(5000);
		const before = suite.hub.clock.now();
		const response = await suite.ada.call('POST', `/api/integrations/${connection.id}/sync`);
		expect(response.status).toBe(202);
		expect(response.body).toEqual({ ok: true });
		const listed = (await suite.ada.call('GET', `/api/integrations?ecosystemId=${otherEcosystemId}`)).body.connections;
		const synced = listed.find((c: { id: string }) => c.id === connection.id);
		expect(Date.parse(synced.lastSyncAt)).toBeGreaterThanOrEqual(before);
		expect(Date.parse(synced.lastSyncAt)).toBeLessThanOrEqual(suite.hub.clock.now());
		expectProblem(await suite.grace.call('POST', `/api/integrations/${connection.id}/sync`), 404, 'not_found');
	});

	test('sync without a sync worker: 503 problem, nothing synced (finding 12)', async () => {
		const connection = (await connectBluesky('idle.bsky.social')).body;
		await controlRequest(suite.hub, 'POST', '/__sandbox/settings', { syncWorker: false });
		try {
			expectProblem(await suite.ada.call('POST', `/api/integrations/${connection.id}/sync`), 503, 'sync_unavailable');
		} finally {
			await controlRequest(suite.hub, 'POST', '/__sandbox/settings', { syncWorker: true });
		}
		const listed = (await suite.ada.call('GET', `/api/integrations?ecosystemId=${otherEcosystemId}`)).body.connections;
		expect(listed.find((c: { id: string }) => c.id === connection.id).lastSyncAt).toBeNull();
	});

	test('disconnect: {ok}, then gone from the list and 404 for everything', async () => {
		const connection = (await connectBluesky('bye.bsky.social')).body;
		expectProblem(await suite.grace.call('DELETE', `/api/integrations/${connection.id}`), 404, 'not_found');
		const response = await suite.ada.call('DELETE', `/api/integrations/${connection.id}`);
		expect(response.status).toBe(200);
		expect(response.body).toEqual({ ok: true });
		const listed = (await suite.ada.call('GET', `/api/integrations?ecosystemId=${otherEcosystemId}`)).body.connections;
		expect(listed.some((c: { id: string }) => c.id === connection.id)).toBe(false);
		expectProblem(await suite.ada.call('DELETE', `/api/integrations/${connection.id}`), 404, 'not_found');
		expectProblem(await suite.ada.call('POST', `/api/integrations/${connection.id}/sync`), 404, 'not_found');
	});
});
