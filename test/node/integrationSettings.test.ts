import { redditConnect, rl, useNodeHarness } from './support';

describe('Integration: Get Auth URL, Update Settings, ecosystems', () => {
	const hub = useNodeHarness();
	const data = () => hub.harness.hub.state.data;
	let connectionId: string;

	beforeAll(async () => {
		const [connection] = await hub.runJson(redditConnect(hub.harness.hub, 'ada_bot'));
		connectionId = String(connection.id);
	});

	it('Get Auth URL starts connecting an OAuth provider in the default ecosystem', async () => {
		const [result] = await hub.runJson({ resource: 'integration', operation: 'getAuthUrl', providerId: 'google-workspace', redirectUri: 'https://example.com/back' });
		const defaultId = data().ecosystems.find((ecosystem) => ecosystem.isDefault)!.id;
		expect(result).toMatchObject({ providerId: 'google-workspace', ecosystemId: defaultId, state: expect.any(String) });
		const url = new URL(String(result.url));
		expect(url.searchParams.get('state')).toBe(result.state);
		expect(url.searchParams.get('redirect_uri')).toBe('https://example.com/back');
	});

	it('Get Auth URL for a provider that does not sign in with OAuth is the Hub\'s 400 naming the field', async () => {
		const error = await hub.runError({ resource: 'integration', operation: 'getAuthUrl', providerId: 'twilio', redirectUri: 'https://example.com/back' });
		expect(error.message).toMatch(/providerId/);
	});

	it('Update Settings merges the sync settings of a connection', async () => {
		const [first] = await hub.runJson({ resource: 'integration', operation: 'updateSettings', connectionId: rl(connectionId), settings: { redditSubreddits: 'n8n, selfhosted' } });
		expect(first).toEqual({ ok: true, syncSettings: { redditSubreddits: ['n8n', 'selfhosted'] }, id: connectionId });
		const [second] = await hub.runJson({ resource: 'integration', operation: 'updateSettings', connectionId: rl(connectionId), settings: { redditKeywords: 'workflow' } });
		expect(second.syncSettings).toEqual({ redditSubreddits: ['n8n', 'selfhosted'], redditKeywords: ['workflow'] });
		expect(data().connections[connectionId].syncSettings).toEqual(second.syncSettings);
	});

	it('Update Settings of a connection that is not yours is a clear 404', async () => {
		const error = await hub.runError({ resource: 'integration', operation: 'updateSettings', connectionId: rl('c0ffee00-0000-4000-8000-000000000000'), settings: { audienceIds: 'a1' } });
		expect(error.message).toMatch(/^The connection was not found/);
	});

	it('Get Many Ecosystems and Get Ecosystem (by ID and reverse-domain slug), simplified', async () => {
		const listed = await hub.runJson({ resource: 'integration', operation: 'getAllEcosystems', returnAll: true });
		expect(listed.map((ecosystem) => ecosystem.id)).toEqual(data().ecosystems.map((ecosystem) => ecosystem.id));
		expect(Object.keys(listed[0]).sort()).toEqual(['createdAt', 'description', 'id', 'isDefault', 'name', 'primaryDomain', 'region', 'slug']);
		const [one] = await hub.runJson({ resource: 'integration', operation: 'getEcosystem', ecosystemId: rl(String(listed[1].id)), simplify: false });
		expect(one).toEqual(data().ecosystems[1]);
	});

	it('Get Many Ecosystems, Get Auth URL and Update Settings need integrations:manage under OAuth2: the scope is named', async () => {
		await hub.harness.connectOAuth2({ scopes: ['profile:read', 'discussions:read'] });
		for (const parameters of [
			{ operation: 'getAllEcosystems' },
			{ operation: 'getAuthUrl', providerId: 'google-workspace', redirectUri: 'https://example.com/back', ecosystemId: rl(data().ecosystems[0].id) },
			{ operation: 'updateSettings', connectionId: rl(connectionId), settings: { audienceIds: 'a1' } },
		]) {
			const error = await hub.runError({ resource: 'integration', authentication: 'oAuth2', ...parameters });
			expect(error.message).toMatch(/integrations:manage/);
		}
	});
});
