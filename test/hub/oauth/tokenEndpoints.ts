import type { Reply, RouteContext } from '../core/router';
import type { Hub } from '../hub';
import { authenticateClient, invalidGrant, invalidRequest, oauthError, oauthParams, type OAuthParams } from './clientAuth';
import { parseScopes } from './scopes';
import { s256, sameSecret, tokenKey } from './secrets';
import type { ClientRecord } from './state';
import {
	ACCESS_TOKEN_PREFIX,
	REFRESH_TOKEN_PREFIX,
	accessTokenRecord,
	createFamily,
	issueTokens,
	revokeFamily,
	type TokenResponse,
} from './tokens';

const VERIFIER = /^[A-Za-z0-9\-._~]{43,128}$/;

function tokenReply(body: TokenResponse): Reply {
	return { status: 200, body, headers: { 'Cache-Control': 'no-store', Pragma: 'no-cache' } };
}

function required(param: OAuthParams, name: string): string {
	const value = param(name);
	if (value === undefined) throw invalidRequest(`${name} is required`);
	return value;
}

/** `POST /api/oauth/signin/exchange`: authorization_code, and refresh_token as at 1.5. */
export async function exchange({ hub, req }: RouteContext): Promise<Reply> {
	const param = oauthParams(req);
	const client = authenticateClient(hub, req, param);
	const grantType = required(param, 'grant_type');
	if (grantType === 'refresh_token') return tokenReply(await refreshGrant(hub, client, param));
	if (grantType !== 'authorization_code') {
		throw oauthError(400, 'unsupported_grant_type', 'grant_type must be authorization_code or refresh_token');
	}
	return tokenReply(await authorizationCodeGrant(hub, client, param));
}

/** `POST /api/auth/refresh` (hub-api.md 1.5). */
export async function refresh({ hub, req }: RouteContext): Promise<Reply> {
	const param = oauthParams(req);
	const client = authenticateClient(hub, req, param);
	const grantType = param('grant_type') ?? 'refresh_token';
	if (grantType !== 'refresh_token') {
		throw oauthError(400, 'unsupported_grant_type', 'This endpoint only accepts grant_type=refresh_token');
	}
	return tokenReply(await refreshGrant(hub, client, param));
}

async function authorizationCodeGrant(hub: Hub, client: ClientRecord, param: OAuthParams): Promise<TokenResponse> {
	const codeValue = required(param, 'code');
	const redirectUri = required(param, 'redirect_uri');
	const verifier = required(param, 'code_verifier');
	if (!VERIFIER.test(verifier)) throw invalidRequest('code_verifier must be 43-128 characters of [A-Za-z0-9-._~]');
	const code = hub.state.auth.codes[tokenKey(codeValue)];
	if (!code) throw invalidGrant('The authorization code is unknown');
	if (code.used) {
		// RFC 6749 section 4.1.2: a replayed code revokes what it issued.
		if (code.familyId) revokeFamily(hub, code.familyId);
		throw invalidGrant('The authorization code was already used');
	}
	if (code.expiresAt <= hub.clock.now()) throw invalidGrant('The authorization code has expired');
	if (code.clientId !== client.clientId) throw invalidGrant('The authorization code was issued to another client');
	if (code.redirectUri !== redirectUri) throw invalidGrant('redirect_uri differs from the one in the authorize request');
	if (!sameSecret(s256(verifier), code.codeChallenge)) {
		throw oauthError(401, 'invalid_verifier', 'code_verifier does not match the code_challenge');
	}
	code.used = true;
	const family = createFamily(hub, { userId: code.userId, clientId: client.clientId, scopes: code.scopes });
	code.familyId = family.id;
	hub.counters.grants.authorization_code += 1;
	return issueTokens(hub, family);
}

async function refreshGrant(hub: Hub, client: ClientRecord, param: OAuthParams): Promise<TokenResponse> {
	hub.counters.refreshes += 1;
	const presented = required(param, 'refresh_token');
	const auth = hub.state.auth;
	const record = auth.refreshTokens[tokenKey(presented)];
	if (!record || record.clientId !== client.clientId) throw invalidGrant('The refresh token is unknown');
	const family = auth.families[record.familyId];
	if (!family || family.revoked || record.revoked) throw invalidGrant('The refresh token was revoked: authorize again');
	if (record.used) {
		hub.counters.reuseDetections += 1;
		revokeFamily(hub, family.id);
		throw invalidGrant('The refresh token was already used; every token of this grant is now revoked: authorize again');
	}
	if (record.expiresAt <= hub.clock.now()) throw invalidGrant('The refresh token has expired: authorize again');
	const requested = param('scope');
	let scopes = family.scopes;
	if (requested !== undefined) {
		const narrowed = parseScopes(requested);
		if (!narrowed || !narrowed.every((scope) => family.scopes.includes(scope))) {
			throw oauthError(400, 'invalid_scope', 'A refresh can only keep or narrow the granted scopes');
		}
		scopes = narrowed;
	}
	record.used = true;
	hub.counters.grants.refresh_token += 1;
	return issueTokens(hub, family, scopes);
}

/** `POST /api/auth/revoke` (RFC 7009): 200 `{}` for any token, known or not. */
export function revoke({ hub, req }: RouteContext): Reply {
	const param = oauthParams(req);
	const client = authenticateClient(hub, req, param);
	const token = required(param, 'token');
	const auth = hub.state.auth;
	if (token.startsWith(REFRESH_TOKEN_PREFIX)) {
		const record = auth.refreshTokens[tokenKey(token)];
		if (record && record.clientId === client.clientId) revokeFamily(hub, record.familyId);
	} else if (token.startsWith(ACCESS_TOKEN_PREFIX)) {
		const record = accessTokenRecord(hub, token);
		if (record && record.clientId === client.clientId) record.revoked = true;
	}
	return { status: 200, body: {}, headers: { 'Cache-Control': 'no-store' } };
}
