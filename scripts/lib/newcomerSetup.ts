import { oauthCallbackUrl } from './n8n';
import type { N8nClient } from './n8nClient';
import type { SandboxHub } from './sandboxHub';
import { withCredential, type WorkflowJson } from '../../test/e2e/support/workflows';

/*
 * What `npm start` prepares in a fresh n8n so that a newcomer only clicks Connect: an OAuth app at
 * the sandbox Hub for n8n's callback URL, an OAuth2 credential holding the sandbox's Base URL,
 * Client ID and Secret (not connected yet), and an example workflow that uses it.
 */

export const NEWCOMER_CREDENTIAL = 'Agentic Developer Hub (sandbox)';
/** Enough for the example workflow (read new topics, reply) and User: Get Me. */
export const NEWCOMER_PERMISSIONS = ['profile:read', 'discussions:read', 'discussions:write'];

export interface NewcomerSetup {
	exampleId: string;
	/** Only with a sandbox Hub: a real Hub's app must be registered by hand. */
	app?: { clientId: string; clientSecret: string };
	credentialId?: string;
}

export async function prepareForNewcomer(n8n: N8nClient, options: { example: WorkflowJson; hub?: SandboxHub }): Promise<NewcomerSetup> {
	const { hub, example } = options;
	if (!hub) return { exampleId: (await n8n.createWorkflow(example)).id };
	const app = await hub.control<{ clientId: string; clientSecret: string }>('POST', '/__sandbox/clients', {
		redirectUris: [oauthCallbackUrl(n8n.url)],
		name: 'n8n (npm start)',
	});
	const { id: credentialId } = await n8n.createCredential(NEWCOMER_CREDENTIAL, 'agenticDeveloperHubOAuth2Api', {
		baseUrl: hub.url,
		clientId: app.clientId,
		clientSecret: app.clientSecret,
		permissions: NEWCOMER_PERMISSIONS,
	});
	const ready = withCredential(example, { type: 'agenticDeveloperHubOAuth2Api', id: credentialId, name: NEWCOMER_CREDENTIAL });
	return { exampleId: (await n8n.createWorkflow(ready)).id, app, credentialId };
}
