import type { IdempotencyMode } from './middleware/idempotency';
import { isAcceptableRedirectUri, REDIRECT_URI_RULE } from './oauth/redirectUris';
import type { TokenEndpointMode } from './oauth/tokenEndpointModes';

/* How a sandbox Hub is started (`HubOptions`, also the CLI's flags) and what changes at run time (`HubSettings`). */

export interface HubOptions {
	/** 0 picks a free port. */
	port?: number;
	/** Access-token lifetime in seconds (default 3600). */
	accessTokenTtl?: number;
	/** The default client's registered redirect URIs. */
	redirectUris?: string[];
	/** Keep all state in this JSON file across restarts (default: memory only). */
	stateFile?: string;
	/** Requests per minute per token; off when absent or 0. */
	rateLimit?: number;
	/** Which POSTs `Idempotency-Key` dedupes (default: only the route the published types declare it on). */
	idempotency?: IdempotencyMode;
	/** Error bodies on resource routes: `published` (default: nested, problem details on integrations) or `flat`. */
	errorShape?: ErrorShapeSetting;
	/** Serve at most this many items per page on every list, whatever was asked (default 0: off). */
	maxPageSize?: number;
	/** Answer as a Hub newer than the published types (docs/hub-drift.md; default off). */
	future?: boolean;
	/** How the token endpoint differs from hub-api.md section 1 (oauth/tokenEndpointModes.ts; default `standard`). */
	tokenEndpoint?: TokenEndpointMode;
}

export type ErrorShapeSetting = 'published' | 'flat';

export interface ResolvedHubOptions {
	port: number;
	accessTokenTtl: number;
	redirectUris: string[];
	stateFile?: string;
	rateLimit: number;
	idempotency: IdempotencyMode;
	errorShape: ErrorShapeSetting;
	maxPageSize: number;
	future: boolean;
	tokenEndpoint: TokenEndpointMode;
}

/** What `POST /__sandbox/settings` changes at run time. */
export interface HubSettings {
	accessTokenTtl: number;
	rateLimit: number;
	idempotency: IdempotencyMode;
	/**
	 * `published`: nested `{ error: { code, message } }` on resource routes, problem details on
	 * `/api/integrations/*` (hub-api.md section 2). `flat`: the Errors page's `{ code, message, field }`
	 * everywhere; error answers are then exempt from the published-types check.
	 */
	errorShape: ErrorShapeSetting;
	/** Largest page any list serves (0: each route's own maximum), so clients meet smaller pages than asked. */
	maxPageSize: number;
	/** false: `POST /api/integrations/{id}/sync` answers 503, as a Hub with no sync worker (finding 12). */
	syncWorker: boolean;
	/** The future Hub (docs/hub-drift.md): switched with `POST /__sandbox/future`. */
	future: boolean;
	/** `POST /__sandbox/token-endpoint { mode }`. */
	tokenEndpoint: TokenEndpointMode;
}

/** `hub.info()`, also the CLI's one line of output. */
export interface HubInfo {
	url: string;
	clients: Array<{ clientId: string; clientSecret: string; redirectUris: string[] }>;
	users: Array<{ id: string; email: string; name: string; password: string; apiToken: string }>;
}

export const DEFAULT_REDIRECT_URIS = [
	'http://localhost:5678/rest/oauth2-credential/callback',
	'http://127.0.0.1:5678/rest/oauth2-credential/callback',
];

/** The options with their defaults; throws on a redirect URI hub-api.md section 1.1 refuses. */
export function resolveOptions(options: HubOptions): ResolvedHubOptions {
	const resolved: ResolvedHubOptions = {
		port: options.port ?? 0,
		accessTokenTtl: options.accessTokenTtl ?? 3600,
		redirectUris: options.redirectUris?.length ? options.redirectUris : DEFAULT_REDIRECT_URIS,
		stateFile: options.stateFile,
		rateLimit: options.rateLimit ?? 0,
		idempotency: options.idempotency ?? 'declared',
		errorShape: options.errorShape ?? 'published',
		maxPageSize: options.maxPageSize ?? 0,
		future: options.future ?? false,
		tokenEndpoint: options.tokenEndpoint ?? 'standard',
	};
	const rejected = resolved.redirectUris.find((uri) => !isAcceptableRedirectUri(uri));
	if (rejected !== undefined) throw new Error(`${REDIRECT_URI_RULE}: "${rejected}"`);
	return resolved;
}

/** The settings a Hub starts with, and returns to on reset. */
export function initialSettings(options: ResolvedHubOptions): HubSettings {
	const { accessTokenTtl, rateLimit, idempotency, errorShape, maxPageSize, tokenEndpoint } = options;
	// The future mode starts off and is switched on by the Hub (hub.ts), which also adds its records.
	return { accessTokenTtl, rateLimit, idempotency, errorShape, maxPageSize, syncWorker: true, future: false, tokenEndpoint };
}
