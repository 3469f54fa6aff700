import type { AuthState } from './oauth/state';
import type { ResourceState } from './resources/state';

/**
 * Everything the sandbox knows, as plain JSON so that `--state FILE` can keep it across restarts.
 * `auth` (users, apps, grants, tokens) belongs to ./oauth; `data` (communities, topics, posts,
 * reactions, DMs, notifications, integrations) belongs to ./resources.
 */
export interface HubState {
	auth: AuthState;
	data: ResourceState;
	/** Stored POST responses per (token owner, Idempotency-Key), hub-api.md section 2. */
	idempotency: Record<string, IdempotencyRecord>;
}

export interface IdempotencyRecord {
	fingerprint: string;
	status: number;
	body: unknown;
	headers: Record<string, string>;
	expiresAt: number;
}

/** A Hub user: the public profile of `GET /api/auth/me` plus what sign-in needs. */
export interface UserRecord {
	id: string;
	email: string;
	name: string;
	avatarUrl: string;
	slug: string | null;
	profileVisibility: 'public' | 'hub' | 'private';
	publicProfileEnabled: boolean;
	capabilities: string[];
	/** Sandbox-only: the sign-in password, never returned by any route. */
	password: string;
}

export type Scope = 'profile:read' | 'discussions:read' | 'discussions:write' | 'integrations:manage';

export const ALL_SCOPES: Scope[] = ['profile:read', 'discussions:read', 'discussions:write', 'integrations:manage'];

/** Who a request acts for, once its bearer token checked out. */
export interface AuthContext {
	userId: string;
	scopes: Scope[];
	kind: 'oauth' | 'personal';
	/** The OAuth client behind an access token (absent for personal tokens). */
	clientId?: string;
}
