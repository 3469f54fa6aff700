import type { IDataObject, INodeParameters } from 'n8n-workflow';
import { loadOptionsProbe, rl, useNodeHarness } from './support';
import { SKIP } from './skipIfDoneSupport';

/* GitHub App connections (the newer published types): Get Install URL, install, then Connect. */
describe('Integration: GitHub App connections', () => {
	const hub = useNodeHarness();
	const ecosystemId = (slug: string) => hub.harness.hub.state.data.ecosystems.find((candidate) => candidate.slug === slug)!.id;
	const connects = async () => await hub.requests('POST /api/integrations/connect');

	/** Get Install URL, then what GitHub's install page reports (the sandbox installs at once). */
	async function installed(slug = 'personal'): Promise<{ url: string; state: string; installationId: string; account: string }> {
		const [install] = await hub.runJson({ resource: 'integration', operation: 'getInstallUrl', providerId: 'github', ecosystemId: rl(ecosystemId(slug)), options: { serviceType: 'code' } });
		const page = await fetch(String(install.url));
		expect(page.status).toBe(200);
		const { installationId, account } = (await page.json()) as { installationId: string; account: string };
		return { url: String(install.url), state: String(install.state), installationId, account };
	}

	const connect = (installationId: string, state: string, extra: INodeParameters = {}, slug = 'personal') => ({
		resource: 'integration',
		operation: 'connect',
		connectionType: 'github_app',
		providerId: 'github',
		serviceType: 'code',
		ecosystemId: rl(ecosystemId(slug)),
		installationId,
		state,
		...extra,
	});

	it('Get Install URL answers the URL and state (default ecosystem when none is chosen); Connect takes the installation and the state', async () => {
		const [install] = await hub.runJson({ resource: 'integration', operation: 'getInstallUrl', providerId: 'github' });
		expect(install).toEqual({ url: expect.stringContaining(`state=${String(install.state)}`), state: expect.stringMatching(/^[0-9a-f]{32}$/), providerId: 'github', ecosystemId: ecosystemId('personal') });

		const { state, installationId, account } = await installed();
		const [connection] = await hub.runJson(connect(installationId, state));
		expect(connection).toMatchObject({ provider: 'github', serviceType: 'code', status: 'active', username: account, externalAccountId: installationId });
		const listed = await hub.runJson({ resource: 'integration', operation: 'getAllConnections', returnAll: true });
		expect(listed.map((entry) => entry.id)).toContain(connection.id);
	});

	it('a state connects once: again, it is the Hub\'s 400 naming the state; with Skip If Already Done, the earlier connection comes back', async () => {
		const { state, installationId } = await installed('agentic-builders-team');
		const [first] = await hub.runJson(connect(installationId, state, SKIP, 'agentic-builders-team'));
		expect(first.skipped).toBe(false);
		const before = await connects();
		const [again] = await hub.runJson(connect(installationId, state, SKIP, 'agentic-builders-team'));
		expect(again).toMatchObject({ id: first.id, provider: 'github', skipped: true });
		expect(await connects()).toBe(before);

		const error = await hub.runError(connect(installationId, state, {}, 'agentic-builders-team'));
		expect(error.message).toMatch(/state was already used/);
		expect(JSON.stringify((error as IDataObject).description ?? '')).not.toContain('adh_pat_');
	});

	it('refuses an installation ID the state was not installed as, and a state before the app was installed', async () => {
		const { state, installationId } = await installed();
		const wrong = await hub.runError(connect(`${installationId}9`, state));
		expect(wrong.message).toMatch(/installationId is not the installation made with this state/);

		const [notYet] = await hub.runJson({ resource: 'integration', operation: 'getInstallUrl', providerId: 'github' });
		const early = await hub.runError(connect('1', String(notYet.state)));
		expect(early.message).toMatch(/not installed yet/);
	});

	it('refuses an empty Installation ID before any request, naming the field and the item', async () => {
		const before = await connects();
		const error = await hub.runError(connect('  ', 'some-state'));
		expect(error.message).toBe('"Installation ID" must not be empty [item 0]');
		expect(await connects()).toBe(before);
	});

	it('Get Install URL of a provider that is no GitHub App fails with the Hub\'s reason', async () => {
		const error = await hub.runError({ resource: 'integration', operation: 'getInstallUrl', providerId: 'bluesky' });
		expect(error.message).toMatch(/Bluesky connects with "app_password", not as a GitHub App/);
	});

	it('the Provider pickers of Get Install URL and Connect (GitHub App) list the GitHub App providers only', async () => {
		for (const operation of ['getInstallUrl', 'connect']) {
			const { results } = await hub.harness.listSearch(loadOptionsProbe, 'getProviders', {
				parameters: { authentication: 'apiToken', resource: 'integration', operation, connectionType: 'github_app' },
			});
			expect(results.map((option) => option.value)).toEqual(['github']);
		}
	});
});
