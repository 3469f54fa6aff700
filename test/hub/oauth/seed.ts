import type { Hub } from '../hub';
import type { UserRecord } from '../state';
import { randomSecret } from './secrets';
import type { AuthState, ClientRecord } from './state';
import { createPersonalToken } from './tokens';

type SeedUser = Pick<UserRecord, 'email' | 'name' | 'password' | 'slug' | 'profileVisibility' | 'capabilities'>;

const SEED_USERS: SeedUser[] = [
	{
		email: 'ada@example.com',
		name: 'Ada Lovelace',
		password: 'ada-password',
		slug: 'ada-lovelace',
		profileVisibility: 'public',
		capabilities: ['community.admin', 'discussions.write', 'integrations.manage'],
	},
	{
		email: 'grace@example.com',
		name: 'Grace Hopper',
		password: 'grace-password',
		slug: 'grace-hopper',
		profileVisibility: 'hub',
		capabilities: ['discussions.write'],
	},
	{
		email: 'alan@example.com',
		name: 'Alan Turing',
		password: 'alan-password',
		slug: null,
		profileVisibility: 'private',
		capabilities: ['discussions.write'],
	},
];

/** Fresh users (new ids), the default client and a new signing secret. */
export function seedAuth(hub: Hub): AuthState {
	const auth: AuthState = {
		users: {},
		clients: {},
		defaultClientId: '',
		signingSecret: randomSecret(32),
		seededApiTokens: {},
		authorizationRequests: {},
		sessions: {},
		codes: {},
		families: {},
		accessTokens: {},
		refreshTokens: {},
		personalTokens: {},
	};
	for (const seed of SEED_USERS) {
		const id = hub.newId();
		// A public profile needs a slug to live at.
		auth.users[id] = { id, avatarUrl: `https://avatars.example.com/${id}.png`, publicProfileEnabled: seed.slug !== null, ...seed };
	}
	auth.defaultClientId = addClient(hub, auth, { name: 'Sandbox n8n', redirectUris: hub.options.redirectUris }).clientId;
	for (const id of Object.keys(auth.users)) auth.seededApiTokens[id] = createPersonalToken(hub, id, undefined, auth);
	return auth;
}

export function addClient(
	hub: Hub,
	auth: AuthState,
	app: { name: string; redirectUris: string[] },
): ClientRecord {
	const client: ClientRecord = {
		clientId: `adh_client_${randomSecret(12)}`,
		clientSecret: `adh_secret_${randomSecret(24)}`,
		name: app.name,
		redirectUris: [...app.redirectUris],
		createdAt: hub.clock.now(),
	};
	auth.clients[client.clientId] = client;
	return client;
}
