import { createHmac } from 'crypto';
import { decodeJwt, SignJWT } from 'jose';
import type { Hub } from '../hub';
import type { Scope } from '../state';
import { randomSecret, sameSecret, tokenKey } from './secrets';
import type { AccessTokenRecord, AuthState, TokenFamily } from './state';

export const ACCESS_TOKEN_PREFIX = 'adh_';
export const REFRESH_TOKEN_PREFIX = 'adh_rt_';
export const PERSONAL_TOKEN_PREFIX = 'adh_pat_';
export const REFRESH_TOKEN_TTL_MS = 30 * 24 * 3600 * 1000;

/** The 200 body of the exchange and refresh endpoints (hub-api.md 1.4). */
export interface TokenResponse {
	access_token: string;
	refresh_token: string;
	expires_in: number;
	token_type: 'Bearer';
	scope: string;
}

export function createFamily(hub: Hub, grant: { userId: string; clientId: string; scopes: Scope[] }): TokenFamily {
	const family: TokenFamily = { id: hub.newId(), ...grant, createdAt: hub.clock.now(), revoked: false };
	hub.state.auth.families[family.id] = family;
	return family;
}

/** A new access token and a new refresh token in `family`, with `scopes` (default: the family's). */
export async function issueTokens(hub: Hub, family: TokenFamily, scopes = family.scopes): Promise<TokenResponse> {
	const auth = hub.state.auth;
	const ttl = hub.settings.accessTokenTtl;
	const now = hub.clock.now();
	const record: AccessTokenRecord = {
		jti: hub.newId(),
		familyId: family.id,
		userId: family.userId,
		clientId: family.clientId,
		scopes,
		expiresAt: now + ttl * 1000,
		revoked: false,
	};
	const iat = Math.floor(now / 1000);
	const jwt = await new SignJWT({ client_id: family.clientId, scope: scopes.join(' ') })
		.setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
		.setSubject(family.userId)
		.setJti(record.jti)
		.setIssuedAt(iat)
		.setExpirationTime(iat + ttl)
		.sign(Buffer.from(auth.signingSecret, 'base64url'));
	auth.accessTokens[record.jti] = record;
	const refreshToken = REFRESH_TOKEN_PREFIX + randomSecret();
	auth.refreshTokens[tokenKey(refreshToken)] = {
		familyId: family.id,
		clientId: family.clientId,
		expiresAt: now + REFRESH_TOKEN_TTL_MS,
		used: false,
		revoked: false,
	};
	return {
		access_token: ACCESS_TOKEN_PREFIX + jwt,
		refresh_token: refreshToken,
		expires_in: ttl,
		token_type: 'Bearer',
		scope: scopes.join(' '),
	};
}

/**
 * The record behind an `adh_<JWT>` whose signature checks out, or undefined. Expiry and revocation
 * are judged from the record (by the hub clock), not the JWT, so the control API can change them.
 */
export function accessTokenRecord(hub: Hub, token: string): AccessTokenRecord | undefined {
	const jwt = token.slice(ACCESS_TOKEN_PREFIX.length);
	const parts = jwt.split('.');
	if (parts.length !== 3) return undefined;
	const expected = createHmac('sha256', Buffer.from(hub.state.auth.signingSecret, 'base64url'))
		.update(`${parts[0]}.${parts[1]}`)
		.digest('base64url');
	if (!sameSecret(expected, parts[2])) return undefined;
	try {
		const { jti } = decodeJwt(jwt);
		return typeof jti === 'string' ? hub.state.auth.accessTokens[jti] : undefined;
	} catch {
		return undefined;
	}
}

export function isAccessTokenRevoked(hub: Hub, record: AccessTokenRecord): boolean {
	return record.revoked || (hub.state.auth.families[record.familyId]?.revoked ?? true);
}

/** Revokes a grant: every access and refresh token descended from it stops working. */
export function revokeFamily(hub: Hub, familyId: string): boolean {
	const family = hub.state.auth.families[familyId];
	if (!family || family.revoked) return false;
	family.revoked = true;
	hub.counters.familiesRevoked += 1;
	return true;
}

export function createPersonalToken(
	hub: Hub,
	userId: string,
	expiresInSeconds?: number,
	auth: AuthState = hub.state.auth,
): string {
	const token = PERSONAL_TOKEN_PREFIX + randomSecret();
	auth.personalTokens[tokenKey(token)] = {
		userId,
		expiresAt: expiresInSeconds === undefined ? null : hub.clock.now() + expiresInSeconds * 1000,
		revoked: false,
	};
	return token;
}
