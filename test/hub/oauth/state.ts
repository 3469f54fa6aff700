import type { Scope, UserRecord } from '../state';

/** A registered app (hub-api.md 1.1). */
export interface ClientRecord {
	clientId: string;
	clientSecret: string;
	name: string;
	redirectUris: string[];
	createdAt: number;
}

/** A pending `GET /api/oauth/signin/start`, between sign-in and consent. */
export interface AuthorizationRequest {
	id: string;
	clientId: string;
	redirectUri: string;
	scopes: Scope[];
	state?: string;
	codeChallenge: string;
	expiresAt: number;
	/** Set once the user signed in. */
	userId?: string;
	/** Hidden field of the consent form, so only the signed-in browser can answer it. */
	consentNonce?: string;
}

/** A browser that signed in (cookie `adh_session`), so a later authorize skips the sign-in page. */
export interface SignInSession {
	id: string;
	userId: string;
	expiresAt: number;
}

export interface AuthorizationCode {
	clientId: string;
	redirectUri: string;
	codeChallenge: string;
	userId: string;
	scopes: Scope[];
	expiresAt: number;
	used: boolean;
	/** The grant the first exchange created; revoked when the code is replayed. */
	familyId?: string;
}

/** Every token descended from one authorization (one code exchange). */
export interface TokenFamily {
	id: string;
	userId: string;
	clientId: string;
	scopes: Scope[];
	createdAt: number;
	revoked: boolean;
}

export interface AccessTokenRecord {
	jti: string;
	familyId: string;
	userId: string;
	clientId: string;
	scopes: Scope[];
	expiresAt: number;
	revoked: boolean;
}

export interface RefreshTokenRecord {
	familyId: string;
	clientId: string;
	expiresAt: number;
	/** Rotated away: presenting it again is reuse (hub-api.md 1.5). */
	used: boolean;
	revoked: boolean;
}

export interface PersonalTokenRecord {
	userId: string;
	/** null: never expires. */
	expiresAt: number | null;
	revoked: boolean;
}

/**
 * Users, apps, grants and tokens. Opaque tokens (codes, refresh and personal tokens) are keyed by
 * their SHA-256 so the state file does not hold them; access tokens by their JWT `jti`.
 */
export interface AuthState {
	users: Record<string, UserRecord>;
	clients: Record<string, ClientRecord>;
	/** The default client, first in `hub.info().clients`. */
	defaultClientId: string;
	/** HS256 key of the access-token JWTs (base64url), kept so tokens survive `--state` restarts. */
	signingSecret: string;
	/** The seeded personal token of each user, by user id (shown by `hub.info()`). */
	seededApiTokens: Record<string, string>;
	authorizationRequests: Record<string, AuthorizationRequest>;
	sessions: Record<string, SignInSession>;
	codes: Record<string, AuthorizationCode>;
	families: Record<string, TokenFamily>;
	accessTokens: Record<string, AccessTokenRecord>;
	refreshTokens: Record<string, RefreshTokenRecord>;
	personalTokens: Record<string, PersonalTokenRecord>;
}
