import { N8nClient } from '../../../scripts/lib/n8nClient';
import { oauthCallbackUrl } from '../../../scripts/lib/n8n';
import { controlCall, type SandboxHub, type SandboxUser } from '../../../scripts/lib/sandboxHub';
import { connectAccount, createOAuthCredential, registerClient, type OAuthClient } from './connect';
import { loadEnvironment, type E2eEnvironment } from './environment';
import type { CredentialRef } from './workflows';

/* One test file's view: the environment, the owner's n8n session, the Hub's control API. */

export interface E2eSession {
	environment: E2eEnvironment;
	n8n: N8nClient;
	hub: SandboxHub;
	user(email: string): SandboxUser;
	counters(): Promise<any>;
	/** A new sandbox app for n8n's callback, an OAuth2 credential for it, connected as `email`. */
	connectedCredential(name: string, options?: { email?: string; permissions?: string[] }): Promise<CredentialRef & { client: OAuthClient }>;
}

export function useSession(): E2eSession {
	const session = {} as E2eSession;
	beforeAll(async () => {
		session.environment = loadEnvironment();
		session.n8n = new N8nClient(session.environment.n8nUrl);
		// The first file of a run can meet n8n still refusing connections for a moment: bounded retries.
		for (let attempt = 1; ; attempt++) {
			try {
				await session.n8n.setupOwner();
				break;
			} catch (error) {
				if (attempt >= 10) throw error;
				await new Promise((resolve) => setTimeout(resolve, 2000));
			}
		}
		const url = session.environment.hubUrl;
		session.hub = {
			url,
			info: session.environment.hubInfo,
			process: undefined as never,
			control: async (method, route, body) => await controlCall(url, method, route, body),
			stop: async () => undefined,
		};
	});
	session.user = (email) => {
		const found = session.environment.hubInfo.users.find((candidate) => candidate.email === email);
		if (!found) throw new Error(`No sandbox user ${email}`);
		return found;
	};
	session.counters = async () => await session.hub.control('GET', '/__sandbox/counters');
	session.connectedCredential = async (name, options = {}) => {
		const client = await registerClient(session.hub, oauthCallbackUrl(session.n8n.url));
		const id = await createOAuthCredential(session.n8n, session.hub, client, { name, permissions: options.permissions });
		await connectAccount(session.n8n, id, session.user(options.email ?? 'ada@example.com'));
		const stored = await session.n8n.getCredential(id);
		if (stored.data?.oauthTokenData !== true) throw new Error(`The credential ${name} did not connect`);
		return { type: 'agenticDeveloperHubOAuth2Api', id, name, client };
	};
	return session;
}
