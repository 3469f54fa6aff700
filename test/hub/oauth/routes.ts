import type { Router } from '../core/router';
import type { UserRecord } from '../state';
import { consent, login, start } from './authorize';
import { exchange, refresh, revoke } from './tokenEndpoints';
import { inTokenEndpointMode, registerTokenEndpointModeRoute } from './tokenEndpointModes';

/** `GET /api/auth/me`: the profile, never the password. */
export function userProfile(user: UserRecord) {
	const { id, email, name, avatarUrl, slug, publicProfileEnabled, profileVisibility, capabilities } = user;
	return { id, email, name, avatarUrl, slug, publicProfileEnabled, profileVisibility, capabilities: [...capabilities] };
}

const TOKEN_ENDPOINT = { errorShape: 'oauth', maxBodyBytes: 16 * 1024 } as const;
const FORM = { maxBodyBytes: 16 * 1024 } as const;

/** hub-api.md section 1 and `GET /api/auth/me`. */
export function registerOAuthRoutes(router: Router): void {
	router.add('GET', '/api/oauth/signin/start', start);
	router.add('POST', '/api/oauth/signin/login', login, FORM);
	router.add('POST', '/api/oauth/signin/consent', consent, FORM);
	router.add('POST', '/api/oauth/signin/exchange', inTokenEndpointMode(exchange), TOKEN_ENDPOINT);
	router.add('POST', '/api/auth/refresh', inTokenEndpointMode(refresh), TOKEN_ENDPOINT);
	registerTokenEndpointModeRoute(router);
	router.add('POST', '/api/auth/revoke', revoke, TOKEN_ENDPOINT);
	router.add('GET', '/api/auth/me', ({ hub, req }) => {
		const { userId } = hub.authenticate(req, 'profile:read');
		return { status: 200, body: userProfile(hub.state.auth.users[userId]) };
	});
}
