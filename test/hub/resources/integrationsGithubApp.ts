import { randomBytes } from 'crypto';
import { z } from 'zod';
import { HubError, notFound, validationError } from '../core/errors';
import type { Router } from '../core/router';
import { validate } from '../core/validate';
import type { Hub } from '../hub';
import { authenticateManage, json } from './routing';
import type { Provider, ResourceState } from './state';

/*
 * GitHub App connections (the newer published types): `GET /api/integrations/providers/{providerId}/install-url`
 * answers `{ url, state }`; a person opens `url` and installs the app; GitHub then reports an
 * installation ID, and `POST /api/integrations/connect` `{ type: "github_app", installationId, state }`
 * finishes. Here the install page is the sandbox's own `GET /__sandbox/github-app/install?state=`,
 * which installs at once and answers what GitHub's setup redirect would carry. A state is issued per
 * caller, provider and ecosystem, lives 10 minutes on the Hub clock and connects once.
 */

/** How long an issued state may be used (Hub clock). */
const STATE_TTL_MS = 10 * 60_000;
/** GitHub's installation IDs are numbers; the sandbox's start here. */
const FIRST_INSTALLATION_ID = 50_000_001;

export interface GithubAppInstall {
	userId: string;
	providerId: string;
	ecosystemId: string;
	issuedAt: number;
	/** Set once the install page was opened. */
	installationId?: string;
	/** The GitHub account the app was installed on (the connection's username). */
	account?: string;
	used: boolean;
}

export interface GithubAppBody {
	type: 'github_app';
	providerId: string;
	serviceType: string;
	ecosystemId: string;
	installationId: string;
	state: string;
}

export const githubAppBody = z.object({
	type: z.literal('github_app'),
	providerId: z.string().min(1).max(100),
	serviceType: z.string().min(1).max(100),
	ecosystemId: z.string().min(1).max(36),
	installationId: z.string().min(1).max(100),
	state: z.string().min(1).max(500),
});

function installsOf(data: ResourceState): Record<string, GithubAppInstall> {
	data.githubAppInstalls ??= {};
	return data.githubAppInstalls;
}

/** The GitHub account a sandbox user installs on: their slug, else a name made from their id. */
function accountOf(hub: Hub, userId: string): string {
	return hub.state.auth.users[userId]?.slug ?? `user-${userId.slice(0, 8)}`;
}

/** Connect's check of a github_app body: the state this caller was issued, installed as `installationId`. */
export function githubAppAccount(hub: Hub, userId: string, provider: Provider, body: GithubAppBody): { username: string; externalAccountId: string } {
	const install = installsOf(hub.state.data)[body.state];
	if (!install || install.userId !== userId) throw validationError('state', 'state was not issued to you: GET /api/integrations/providers/{providerId}/install-url issues one');
	if (install.providerId !== provider.providerId || install.ecosystemId !== body.ecosystemId) {
		throw validationError('state', 'state was issued for another provider or ecosystem');
	}
	if (install.used) throw validationError('state', 'state was already used to connect');
	if (hub.clock.now() - install.issuedAt > STATE_TTL_MS) throw validationError('state', 'state has expired: get a new install URL');
	if (!install.installationId) throw validationError('installationId', 'The app was not installed yet: open the install URL first');
	if (install.installationId !== body.installationId) throw validationError('installationId', 'installationId is not the installation made with this state');
	return { username: install.account!, externalAccountId: install.installationId };
}

/** Marks the state used once its connection exists. */
export function useGithubAppState(hub: Hub, state: string): void {
	installsOf(hub.state.data)[state].used = true;
}

export function registerGithubAppRoutes(router: Router): void {
	router.add('GET', '/api/integrations/providers/:providerId/install-url', ({ hub, req }) => {
		const userId = authenticateManage(hub, req);
		const data = hub.state.data;
		const provider = data.providers.find((candidate) => candidate.providerId === req.params.providerId);
		if (!provider) throw notFound('Provider');
		if (provider.authMethod !== 'github_app') {
			throw validationError('providerId', `${provider.displayName} connects with "${provider.authMethod}", not as a GitHub App`);
		}
		const ecosystemId = req.query.get('ecosystemId') ?? '';
		if (!data.ecosystems.some((ecosystem) => ecosystem.id === ecosystemId)) throw validationError('ecosystemId', 'ecosystemId is not a known ecosystem');
		const serviceType = req.query.get('serviceType');
		if (serviceType && !provider.serviceTypes.includes(serviceType)) {
			throw validationError('serviceType', `serviceType must be one of ${provider.serviceTypes.join(', ')}`);
		}
		const state = randomBytes(16).toString('hex');
		installsOf(data)[state] = { userId, providerId: provider.providerId, ecosystemId, issuedAt: hub.clock.now(), used: false };
		hub.persist();
		return json({ url: `${hub.url}/__sandbox/github-app/install?${new URLSearchParams({ state })}`, state });
	});

	// GitHub's install page, installed at once: what its setup redirect carries (`installation_id`, `state`).
	router.add('GET', '/__sandbox/github-app/install', ({ hub, req }) => {
		const { state } = validate(z.object({ state: z.string().min(1) }), { state: req.query.get('state') ?? '' });
		const installs = installsOf(hub.state.data);
		const install = installs[state];
		if (!install) throw new HubError(404, 'not_found', 'No install URL was issued with this state');
		if (!install.installationId) {
			const taken = Object.values(installs).filter((candidate) => candidate.installationId).length;
			install.installationId = String(FIRST_INSTALLATION_ID + taken);
			install.account = accountOf(hub, install.userId);
			hub.persist();
		}
		return { status: 200, body: { installationId: install.installationId, setupAction: 'install', state, account: install.account } };
	});
}
