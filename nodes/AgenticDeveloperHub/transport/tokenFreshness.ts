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

/** The `exp` claim (ms) of a JWT inside the token (`adh_<JWT>`), read without verifying it. */
export function jwtExpiryMs(token: string): number | undefined {
	const jwt = token.match(/[A-Za-z0-9_-]+\.([A-Za-z0-9_-]+)\.[A-Za-z0-9_-]*$/);
	if (!jwt) return undefined;
	try {
		const claims = JSON.parse(base64UrlDecode(jwt[1])) as { exp?: unknown };
		return typeof claims.exp === 'number' ? claims.exp * 1000 : undefined;
	} catch {
		return undefined;
	}
}

/** When the stored access token expires (ms): the earlier of n8n's `n8n_expires_at` and the JWT `exp`. */
export function tokenExpiresAt(credentials: ICredentialDataDecryptedObject): number | undefined {
	const data = oauthTokenData(credentials);
	const candidates: number[] = [];
	const stored = Number(data.n8n_expires_at);
	if (data.n8n_expires_at !== undefined && Number.isFinite(stored)) candidates.push(stored);
	const token = accessTokenOf(credentials);
	const fromJwt = token ? jwtExpiryMs(token) : undefined;
	if (fromJwt !== undefined) candidates.push(fromJwt);
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
