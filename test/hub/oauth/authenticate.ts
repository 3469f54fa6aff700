import { HubError } from '../core/errors';
import { headerValue, type HubRequest } from '../core/http';
import type { Hub } from '../hub';
import { ALL_SCOPES, type AuthContext, type Scope } from '../state';
import { tokenKey } from './secrets';
import {
	ACCESS_TOKEN_PREFIX,
	PERSONAL_TOKEN_PREFIX,
	REFRESH_TOKEN_PREFIX,
	accessTokenRecord,
	isAccessTokenRevoked,
} from './tokens';

const MESSAGES = {
	unauthorized: 'Sign in: send an access token as "Authorization: Bearer <token>"',
	invalid_token: 'The access token is revoked, malformed or unknown: reconnect',
	token_expired: 'The access token has expired: refresh it and retry',
} as const;

/** A 401 with the `WWW-Authenticate` header of hub-api.md section 2. */
export function unauthorized(code: keyof typeof MESSAGES): HubError {
	return new HubError(401, code, MESSAGES[code], {
		headers: { 'WWW-Authenticate': `Bearer error="invalid_token", error_description="${code}"` },
	});
}

export function insufficientScope(scope: Scope): HubError {
	return new HubError(403, 'insufficient_scope', `This request needs the ${scope} scope: reconnect with it`, {
		requiredScope: scope,
		headers: { 'WWW-Authenticate': `Bearer error="insufficient_scope", scope="${scope}"` },
	});
}

/** The bearer token of a request, or undefined when it has none. */
export function bearerToken(req: Pick<HubRequest, 'headers'>): string | undefined {
	const header = headerValue(req.headers, 'authorization');
	const match = /^Bearer[ ]+(\S+)\s*$/i.exec(header ?? '');
	return match?.[1];
}

/** Who the request acts for (access token or personal token), checked for `scope`. */
export function authenticateRequest(hub: Hub, req: HubRequest, scope?: Scope): AuthContext {
	const context = identify(hub, req);
	if (scope && !context.scopes.includes(scope)) throw insufficientScope(scope);
	return context;
}

function identify(hub: Hub, req: HubRequest): AuthContext {
	const token = bearerToken(req);
	if (!token) throw unauthorized('unauthorized');
	const auth = hub.state.auth;
	const now = hub.clock.now();
	if (token.startsWith(PERSONAL_TOKEN_PREFIX)) {
		const record = auth.personalTokens[tokenKey(token)];
		if (!record || record.revoked || !auth.users[record.userId]) throw unauthorized('invalid_token');
		if (record.expiresAt !== null && record.expiresAt <= now) throw unauthorized('token_expired');
		return { userId: record.userId, scopes: [...ALL_SCOPES], kind: 'personal' };
	}
	if (token.startsWith(REFRESH_TOKEN_PREFIX) || !token.startsWith(ACCESS_TOKEN_PREFIX)) {
		throw unauthorized('invalid_token');
	}
	const record = accessTokenRecord(hub, token);
	if (!record || isAccessTokenRevoked(hub, record)) throw unauthorized('invalid_token');
	if (record.expiresAt <= now) throw unauthorized('token_expired');
	return { userId: record.userId, scopes: [...record.scopes], kind: 'oauth', clientId: record.clientId };
}
