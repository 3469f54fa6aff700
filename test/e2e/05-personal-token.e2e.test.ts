import { figure, phase } from './support/environment';
import { useSession } from './support/session';
import { activateWebhookWorkflow, e2eWorkflow, latestExecution, type CredentialRef } from './support/workflows';

describe('the personal API token credential', () => {
	const session = useSession();

	async function tokenCredential(name: string, apiToken: string): Promise<CredentialRef> {
		const { id } = await session.n8n.createCredential(name, 'agenticDeveloperHubApi', { baseUrl: session.hub.url, apiToken });
		return { type: 'agenticDeveloperHubApi', id, name };
	}

	async function credentialTest(credential: CredentialRef, apiToken: string): Promise<{ status: string; message: string }> {
		return await session.n8n.data('POST', '/rest/credentials/test', {
			credentials: { id: credential.id, name: credential.name, type: credential.type, data: { baseUrl: session.hub.url, apiToken } },
		});
	}

	it("passes n8n's credential test with a valid token and fails it clearly with a bad one", async () => {
		const grace = session.user('grace@example.com');
		const good = await tokenCredential('Grace token', grace.apiToken);
		expect(await credentialTest(good, grace.apiToken)).toMatchObject({ status: 'OK' });
		const bad = await credentialTest(good, 'adh_pat_not-a-real-token');
		expect(bad.status).toBe('Error');
		expect(bad.message).not.toContain('not-a-real-token');
		// The same on both lines: the nodes' credential test method explains every failure.
		expect(bad.message).toMatch(/did not accept this token/);
	});

	it('runs a workflow as the token owner, never refreshing', async () => {
		const grace = session.user('grace@example.com');
		const credential = await tokenCredential('Grace token for workflows', grace.apiToken);
		const workflow = await activateWebhookWorkflow(session.n8n, e2eWorkflow('personal-token', credential));
		const before = await session.counters();
		const response = await phase('workflow: personal token', async () => await workflow.call({}));
		expect(response.status).toBe(200);
		const { status, outputs } = await latestExecution(session.environment, session.n8n, workflow.id);
		expect(status).toBe('success');
		expect(outputs['Get Me']).toEqual([expect.objectContaining({ id: grace.id, email: grace.email })]);
		expect(outputs['Get Many Topics']).toHaveLength(5);
		expect((await session.counters()).refreshes).toBe(before.refreshes);
	});

	it('fails the workflow with a clear message when the token is revoked or wrong, sending it once', async () => {
		const credential = await tokenCredential('Wrong token', 'adh_pat_revoked-or-mistyped-token-value');
		const workflow = await activateWebhookWorkflow(session.n8n, e2eWorkflow('personal-token', credential));
		const before = await session.counters();
		const response = await workflow.call({});
		expect(response.status).toBeGreaterThanOrEqual(500);
		const execution = await latestExecution(session.environment, session.n8n, workflow.id);
		const after = await session.counters();
		const sends = (after.requests['GET /api/auth/me']?.['401'] ?? 0) - (before.requests['GET /api/auth/me']?.['401'] ?? 0);
		figure('bad personal token', { sends, message: execution.error?.message });
		expect(execution.status).toBe('error');
		expect(execution.error?.message ?? '').toMatch(/^The Hub rejected the personal API token \(/);
		// The same token would only fail again: no n8n line may resend it.
		expect(sends).toBe(1);
		expect(after.refreshes).toBe(before.refreshes);
	});
});
