import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';

/** Refresh ahead when the stored access token has less than this left. */
const REFRESH_AHEAD_MS = 60_000;

export function oauthTokenData(credentials: ICredentialDataDecryptedObject): IDataObject {
	const data = credentials.oauthTokenData;
	return typeof data === 'object' && data !== null ? (data as IDataObject) : {};
}

export function accessTokenOf(credentials: ICredentialDataDecryptedObject): string | undefined {
	const token = oauthTokenData(credentials).access_token;
	return typeof token === 'string' && token !== '' ? token : undefined;
}

function base64UrlDecode(segment: string): string {
	const base64 = segment.replace(/-/g, '+').replace(/_/g, '/');
	return atob(base64.padEnd(base64.length + ((4 - (base64.length % 4)) % 4), '='));
}

/** Whether `code` is a base64url character (A-Z, a-z, 0-9, "-", "_"). */
function isBase64UrlCode(code: number): boolean {
	return (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || code === 45 || code === 95;
}

/** Whether `text` holds only base64url characters from `start` to `end`: each looked at once. */
function isBase64UrlRange(text: string, start: number, end: number): boolean {
	for (let index = start; index < end; index++) if (!isBase64UrlCode(text.charCodeAt(index))) return false;
	return true;
}

/**
 * The payload segment of a JWT that ends the token (`<header>.<payload>.<signature>`, each
 * base64url, the signature possibly empty), or undefined. Found from the last two dots, each
 * character looked at a bounded number of times, no pattern: linear in the token's length,
 * whatever the Hub sends (an unanchored pattern was quadratic; linearParsing.test.ts counts).
 */
export function jwtPayloadOf(token: string): string | undefined {
	const lastDot = token.lastIndexOf('.');
	if (lastDot < 2) return undefined;
	const payloadDot = token.lastIndexOf('.', lastDot - 1);
	if (payloadDot < 1 || payloadDot + 1 === lastDot) return undefined;
	if (!isBase64UrlCode(token.charCodeAt(payloadDot - 1))) return undefined;
	if (!isBase64UrlRange(token, payloadDot + 1, lastDot) || !isBase64UrlRange(token, lastDot + 1, token.length)) return undefined;
	return token.slice(payloadDot + 1, lastDot);
}

/** The `exp` and `iat` claims (ms) of a JWT inside the token (`adh_<JWT>`), read without verifying it. */
function jwtTimesMs(token: string): { expiresAt?: number; issuedAt?: number } {
	const payload = jwtPayloadOf(token);
	if (payload === undefined) return {};
	try {
		const claims = JSON.parse(base64UrlDecode(payload)) as { exp?: unknown; iat?: unknown };
		const ms = (claim: unknown) => (typeof claim === 'number' ? claim * 1000 : undefined);
		return { expiresAt: ms(claims.exp), issuedAt: ms(claims.iat) };
	} catch {
		return {};
	}
}

export function jwtExpiryMs(token: string): number | undefined {
	return jwtTimesMs(token).expiresAt;
}

/**
 * When the stored access token expires (ms): the earlier of n8n's `n8n_expires_at` and the JWT
 * `exp`. n8n 1.x never writes `n8n_expires_at` but keeps the one in the stored data when it
 * refreshes, so one from before the second half of this token's life belongs to an older token.
 */
export function tokenExpiresAt(credentials: ICredentialDataDecryptedObject): number | undefined {
	const data = oauthTokenData(credentials);
	const token = accessTokenOf(credentials);
	const { expiresAt: fromJwt, issuedAt } = token ? jwtTimesMs(token) : {};
	const candidates: number[] = [];
	if (fromJwt !== undefined) candidates.push(fromJwt);
	const stored = Number(data.n8n_expires_at);
	const olderToken = fromJwt !== undefined && issuedAt !== undefined && stored < issuedAt + (fromJwt - issuedAt) / 2;
	if (data.n8n_expires_at !== undefined && Number.isFinite(stored) && !olderToken) candidates.push(stored);
	return candidates.length ? Math.min(...candidates) : undefined;
}

/** From when on the stored token is refreshed ahead (ms), per token data object read. */
const refreshFrom = new WeakMap<object, number | undefined>();

/**
 * Whether to refresh before sending. The margin is 60 s, but never more than half the token's
 * lifetime, so a Hub issuing very short-lived tokens does not cause a refresh before every call.
 */
export function expiresSoon(credentials: ICredentialDataDecryptedObject, now = Date.now()): boolean {
	const data = oauthTokenData(credentials);
	if (!refreshFrom.has(data)) {
		// One credential read serves many requests: its JWT is decoded once.
		const expiresAt = tokenExpiresAt(credentials);
		const lifetimeMs = Number(data.expires_in) * 1000;
		const margin = Number.isFinite(lifetimeMs) && lifetimeMs > 0 ? Math.min(REFRESH_AHEAD_MS, lifetimeMs / 2) : REFRESH_AHEAD_MS;
		refreshFrom.set(data, expiresAt === undefined ? undefined : expiresAt - margin);
	}
	const from = refreshFrom.get(data);
	return from !== undefined && now >= from;
}

/** A short, non-reversible label for a token (FNV-1a), so maps never hold the token itself. */
export function tokenFingerprint(token: string): string {
	let hash = 0x811c9dc5;
	for (let index = 0; index < token.length; index++) {
		hash ^= token.charCodeAt(index);
		hash = Math.imul(hash, 0x01000193) >>> 0;
	}
	return `${token.length}:${hash.toString(36)}`;
}
