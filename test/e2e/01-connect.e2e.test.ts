import { tarballFiles } from '../../scripts/lib/communityPackage';
import { oauthCallbackUrl } from '../../scripts/lib/n8n';
import { connectAccount, createOAuthCredential, registerClient } from './support/connect';
import { lineUnderTest, phase } from './support/environment';
import { useSession } from './support/session';
import { NODE_TYPE, TRIGGER_TYPE } from './support/workflows';

describe(`the package in a real n8n ${lineUnderTest().n8n}`, () => {
	const session = useSession();

	it('ships only the compiled package: dist/, package.json, README and license', () => {
		const files = tarballFiles(session.environment.tarball).map((file) => file.replace(/^package\//, ''));
		expect(files.filter((file) => !file.startsWith('dist/')).sort()).toEqual(['LICENSE.md', 'README.md', 'package.json']);
		expect(files).toEqual(expect.arrayContaining(['dist/nodes/AgenticDeveloperHub/AgenticDeveloperHub.node.js', 'dist/credentials/AgenticDeveloperHubOAuth2Api.credentials.js']));
		expect(files.filter((file) => /\.test\.|^dist\/test\//.test(file))).toEqual([]);
	});

	it('is loaded as a community package: both nodes and both credential types', async () => {
		const nodes = (await session.n8n.call<Array<{ name: string }>>('GET', '/types/nodes.json')).body.map((node) => node.name);
		expect(nodes).toEqual(expect.arrayContaining([NODE_TYPE, TRIGGER_TYPE]));
		const credentials = (await session.n8n.call<Array<{ name: string }>>('GET', '/types/credentials.json')).body.map((type) => type.name);
		expect(credentials).toEqual(expect.arrayContaining(['agenticDeveloperHubOAuth2Api', 'agenticDeveloperHubApi']));
	});

	it('connects an OAuth2 credential through the Hub pages and n8n callback, as the editor does', async () => {
		await phase('connect flow (authorize, sign in, consent, callback)', async () => {
			const client = await registerClient(session.hub, oauthCallbackUrl(session.n8n.url));
			const id = await createOAuthCredential(session.n8n, session.hub, client, { name: 'Connect flow', permissions: ['profile:read', 'discussions:read'] });
			expect((await session.n8n.getCredential(id)).data.oauthTokenData).toBeUndefined();

			const before = await session.counters();
			const { authorizeUrl, callback, callbackBody } = await connectAccount(session.n8n, id, session.user('ada@example.com'));

			// The authorize URL n8n built from the credential's hidden fields: PKCE S256, scope from Permissions.
			expect(authorizeUrl.origin + authorizeUrl.pathname).toBe(`${session.hub.url}/api/oauth/signin/start`);
			expect(authorizeUrl.searchParams.get('code_challenge_method')).toBe('S256');
			expect(authorizeUrl.searchParams.get('redirect_uri')).toBe(oauthCallbackUrl(session.n8n.url));
			expect(authorizeUrl.searchParams.get('scope')).toBe('profile:read discussions:read');
			expect(callback.status).toBe(200);
			expect(callbackBody).not.toMatch(/error/i);

			// n8n exchanged the code (form-encoded, at the token endpoint) and stored the tokens.
			const after = await session.counters();
			expect(after.grants.authorization_code - before.grants.authorization_code).toBe(1);
			expect((await session.n8n.getCredential(id)).data.oauthTokenData).toBe(true);
		});
	});

	it('gets no code back to n8n when the redirect URL is not registered at the Hub', async () => {
		const client = await registerClient(session.hub, 'http://localhost:1/not-n8n/callback');
		const id = await createOAuthCredential(session.n8n, session.hub, client, { name: 'Wrong redirect' });
		const authorizeUrl = await session.n8n.data<string>('GET', `/rest/oauth2-credential/auth?id=${id}`);
		const page = await fetch(authorizeUrl, { redirect: 'manual' });
		expect(page.status).toBe(400);
		expect(await page.text()).toMatch(/redirect/i);
		expect((await session.n8n.getCredential(id)).data.oauthTokenData).toBeUndefined();
	});
});
