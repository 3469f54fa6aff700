import path from 'path';
import { NEWCOMER_CREDENTIAL, NEWCOMER_PERMISSIONS, prepareForNewcomer } from '../../scripts/lib/newcomerSetup';
import { connectAccount } from './support/connect';
import { repoRoot } from './support/environment';
import { useSession } from './support/session';
import { NODE_TYPE, readWorkflow, TRIGGER_TYPE } from './support/workflows';

/* What `npm start` prepares (scripts/lib/newcomerSetup.ts), in this suite's n8n and sandbox Hub. */
describe('npm start leaves a credential that only needs Connect', () => {
	const session = useSession();

	it('creates the OAuth2 credential with the Base URL, Client ID and Secret, not connected; Connect then works; the example uses it', async () => {
		const example = readWorkflow(path.join(repoRoot, 'examples', 'welcome-new-topics.json'));
		const setup = await prepareForNewcomer(session.n8n, { example, hub: session.hub });

		const credential = await session.n8n.getCredential(setup.credentialId!);
		expect(credential).toMatchObject({ name: NEWCOMER_CREDENTIAL, type: 'agenticDeveloperHubOAuth2Api' });
		expect(credential.data).toMatchObject({ baseUrl: session.hub.url, clientId: setup.app!.clientId, permissions: NEWCOMER_PERMISSIONS });
		expect(credential.data.clientSecret).toEqual(expect.any(String));
		expect(credential.data.oauthTokenData).toBeUndefined();

		// The only step left to the newcomer: Connect (sign in and approve at the sandbox Hub).
		const { authorizeUrl, callback } = await connectAccount(session.n8n, setup.credentialId!, session.user('ada@example.com'));
		expect(authorizeUrl.searchParams.get('client_id')).toBe(setup.app!.clientId);
		expect(callback.status).toBe(200);
		expect((await session.n8n.getCredential(setup.credentialId!)).data.oauthTokenData).toBe(true);

		const imported = await session.n8n.data('GET', `/rest/workflows/${setup.exampleId}`);
		const hubNodes = imported.nodes.filter((node: { type: string }) => [NODE_TYPE, TRIGGER_TYPE].includes(node.type));
		expect(hubNodes.length).toBeGreaterThan(0);
		for (const node of hubNodes) expect(node.credentials).toEqual({ agenticDeveloperHubOAuth2Api: { id: setup.credentialId, name: NEWCOMER_CREDENTIAL } });
	});
});
