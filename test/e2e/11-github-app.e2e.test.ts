import { phase } from './support/environment';
import { useSession } from './support/session';
import { activateWebhookWorkflow, e2eWorkflow, latestExecution } from './support/workflows';

/* A GitHub App connection (the newer published types), run by n8n: the install URL, then Connect. */
describe('GitHub App connections, run by n8n', () => {
	const session = useSession();

	it('gets the install URL and state, then connects with the installation ID GitHub reports and that state; run again with Skip If Already Done, nothing is connected twice', async () => {
		const credential = await session.connectedCredential('GitHub App');
		const installUrl = await activateWebhookWorkflow(session.n8n, e2eWorkflow('github-app-install-url', credential));
		const connect = await activateWebhookWorkflow(session.n8n, e2eWorkflow('github-app-connect', credential));

		const first = await phase('workflow: Get Install URL', async () => await installUrl.call({}));
		expect(first.status).toBe(200);
		const step1 = await latestExecution(session.environment, session.n8n, installUrl.id);
		expect(step1.status).toBe('success');
		const [install] = step1.outputs['Get Install URL'];
		expect(install).toEqual({ url: expect.stringContaining('state='), state: expect.stringMatching(/^[0-9a-f]{32}$/), providerId: 'github', ecosystemId: expect.any(String) });

		// The person opens the URL and installs the app; GitHub reports the installation ID.
		const page = await fetch(String(install.url));
		expect(page.status).toBe(200);
		const { installationId, account } = (await page.json()) as { installationId: string; account: string };

		const second = await phase('workflow: Connect (GitHub App)', async () => await connect.call({ installationId, state: install.state, ecosystemId: install.ecosystemId }));
		expect(second.status).toBe(200);
		const step2 = await latestExecution(session.environment, session.n8n, connect.id);
		expect(step2.status).toBe('success');
		const [connection] = step2.outputs.Connect;
		expect(connection).toMatchObject({ provider: 'github', serviceType: 'code', status: 'active', username: account, externalAccountId: installationId });
		expect(step2.outputs['Connect Again']).toEqual([{ ...connection, skipped: true }]);

		// The Hub holds exactly one connection of that installation, for the credential's user.
		const ada = session.user('ada@example.com');
		const listed = (await (
			await fetch(`${session.hub.url}/api/integrations?ecosystemId=${String(install.ecosystemId)}`, { headers: { Authorization: `Bearer ${ada.apiToken}` } })
		).json()) as { connections: Array<{ id: string; externalAccountId: string }> };
		expect(listed.connections.filter((found) => found.externalAccountId === installationId).map((found) => found.id)).toEqual([connection.id]);
	});
});
