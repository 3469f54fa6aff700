import { existsSync } from 'fs';
import { NodeHelpers } from 'n8n-workflow';
import { join } from 'path';
import { AgenticDeveloperHubOAuth2Api } from '../../credentials/AgenticDeveloperHubOAuth2Api.credentials';
import { createHarness, OAUTH2_CREDENTIAL, type Harness } from '../harness';

const credential = new AgenticDeveloperHubOAuth2Api();
const client = { clientId: 'adh_client_example', clientSecret: 'adh_secret_example' };

describe('Agentic Developer Hub OAuth2 credential', () => {
	let harness: Harness;

	beforeAll(async () => {
		harness = await createHarness();
	});
	afterAll(async () => harness?.close());

	/** The credential as n8n hands it to the OAuth flow: defaults applied, expressions resolved. */
	async function resolve(data: Record<string, unknown>) {
		harness.setCredentialData(OAUTH2_CREDENTIAL, { ...client, ...data } as never);
		return await harness.resolvedCredential(OAUTH2_CREDENTIAL);
	}

	it('builds the hidden URLs from the Base URL and the scope from Permissions', async () => {
		const resolved = await resolve({
			baseUrl: 'https://hub.example.com/',
			permissions: ['profile:read', 'integrations:manage'],
		});
		expect(resolved).toMatchObject({
			grantType: 'pkce',
			authUrl: 'https://hub.example.com/api/oauth/signin/start',
			accessTokenUrl: 'https://hub.example.com/api/oauth/signin/exchange',
			scope: 'profile:read integrations:manage',
			authentication: 'body',
			authQueryParameters: '',
		});
	});

	it('defaults to the production Hub and least privilege (read only)', async () => {
		const resolved = await resolve({});
		expect(resolved.authUrl).toBe('https://api.agenticdeveloperhub.com/api/oauth/signin/start');
		expect(resolved.scope).toBe('profile:read discussions:read');
	});

	it('asks for least privilege when Permissions is saved empty, as the n8n 2.41 editor does', async () => {
		const resolved = await resolve({ permissions: [] });
		expect(resolved.scope).toBe('profile:read discussions:read');
	});

	it('ignores a stored token URL or grant type: the hidden defaults win', async () => {
		const resolved = await resolve({
			baseUrl: 'https://hub.example.com',
			accessTokenUrl: 'https://evil.example.com/token',
			grantType: 'authorizationCode',
		});
		expect(resolved.accessTokenUrl).toBe('https://hub.example.com/api/oauth/signin/exchange');
		expect(resolved.grantType).toBe('pkce');
	});

	it('asks the Hub for the Permissions, not for a stored scope', async () => {
		harness.setCredentialData(OAUTH2_CREDENTIAL, { scope: 'profile:read discussions:read discussions:write integrations:manage' });
		await harness.connectOAuth2({ scopes: ['discussions:read'] });
		const stored = harness.storedCredential(OAUTH2_CREDENTIAL);
		expect((stored.oauthTokenData as Record<string, string>).scope).toBe('discussions:read');
	});

	it.each(['http://localhost:3000', 'http://127.0.0.1:8080/'])('accepts plain http for %s', async (baseUrl) => {
		const resolved = await resolve({ baseUrl });
		expect(resolved.authUrl).toBe(`${baseUrl.replace(/\/$/, '')}/api/oauth/signin/start`);
	});

	it.each(['http://hub.example.com', 'http://localhost.evil.com', 'ftp://hub.example.com'])(
		'refuses %s with a message instead of a URL',
		async (baseUrl) => {
			const resolved = await resolve({ baseUrl });
			expect(resolved.authUrl).toMatch(/^Refused: the Base URL must start with https:\/\//);
			expect(resolved.accessTokenUrl).toMatch(/^Refused/);
		},
	);

	it.each([
		['http://hub.example.com', true],
		['http://localhost.evil.com', true],
		['https://hub.example.com', false],
		['http://localhost:5678', false],
		['http://127.0.0.1', false],
	])('shows the https warning in the form for %s: %s', (baseUrl, shown) => {
		const notice = credential.properties.find((property) => property.name === 'insecureBaseUrlNotice')!;
		expect(NodeHelpers.displayParameter({ baseUrl }, notice, null, null)).toBe(shown);
	});

	it('does not inherit tokenExpiredStatusCode or ignoreSSLIssues from oAuth2Api', async () => {
		const resolved = await resolve({ baseUrl: 'https://hub.example.com' });
		expect(resolved).not.toHaveProperty('tokenExpiredStatusCode');
		expect(resolved).not.toHaveProperty('ignoreSSLIssues');
	});

	it('connects with the chosen Permissions through the real PKCE flow and stores the raw token response', async () => {
		await harness.connectOAuth2({ scopes: ['profile:read', 'discussions:read'], user: 'grace@example.com' });
		const stored = harness.storedCredential(OAUTH2_CREDENTIAL);
		expect(stored.oauthTokenData).toMatchObject({
			token_type: 'Bearer',
			expires_in: 3600,
			scope: 'profile:read discussions:read',
			access_token: expect.stringMatching(/^adh_/),
			refresh_token: expect.stringMatching(/^adh_rt_/),
		});
		expect(stored).not.toHaveProperty('csrfSecret');
		expect(stored.codeVerifier).toEqual(expect.stringMatching(/^[A-Za-z0-9_-]{43,128}$/));
	});

	it('has light and dark icons, documentation and the redirect URL hint', () => {
		expect(credential.extends).toEqual(['oAuth2Api']);
		expect(credential.documentationUrl).toMatch(/^https:\/\//);
		const icon = credential.icon as { light: string; dark: string };
		for (const file of [icon.light, icon.dark]) {
			expect(existsSync(join(__dirname, '../../credentials', file.replace(/^file:/, '')))).toBe(true);
		}
		const notice = credential.properties.find((property) => property.name === 'redirectNotice');
		expect(notice?.displayName).toMatch(/OAuth Redirect URL/);
		expect(notice?.displayName).toMatch(/\/rest\/oauth2-credential\/callback/);
	});
});
