import { randomUUID } from 'crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'http';
import type { AddressInfo } from 'net';
import { Clock } from './core/clock';
import { HubError, type ErrorShape } from './core/errors';
import { errorToReply, requestUrl, writeReply } from './core/respond';
import { DEFAULT_MAX_BODY_BYTES, parseBody, readRawBody, type HubRequest } from './core/http';
import { Router, type Reply, type Route } from './core/router';
import type { AuthContext, HubState, Scope } from './state';
import { authenticateRequest, bearerToken } from './oauth/authenticate';
import { registerOAuthRoutes } from './oauth/routes';
import { seedAuth } from './oauth/seed';
import { isAcceptableRedirectUri, REDIRECT_URI_RULE } from './oauth/redirectUris';
import { registerResourceRoutes } from './resources';
import { seedResources } from './resources/seed';
import { registerControlRoutes } from './control';
import { loadState, saveState } from './persistence';
import { countExecution, countResponse, newCounters, type Counters } from './middleware/counters';
import { FaultInjector, faultReply, type FaultSpec } from './middleware/faults';
import { RateLimiter } from './middleware/rateLimit';
import { idempotentCall, storedReply, storeReply, type IdempotencyMode } from './middleware/idempotency';

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
}

export interface ResolvedHubOptions {
	port: number;
	accessTokenTtl: number;
	redirectUris: string[];
	stateFile?: string;
	rateLimit: number;
	idempotency: IdempotencyMode;
}

/** What `POST /__sandbox/settings` changes at run time. */
export interface HubSettings {
	accessTokenTtl: number;
	rateLimit: number;
	idempotency: IdempotencyMode;
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

const CONTROL_PREFIX = '/__sandbox/';

/** The sandbox Agentic Developer Hub: hub-api.md over real HTTP on 127.0.0.1. */
export class Hub {
	readonly clock = new Clock();
	readonly router = new Router();
	readonly options: ResolvedHubOptions;
	readonly faults = new FaultInjector();
	readonly rateLimiter = new RateLimiter();
	settings: HubSettings;
	counters: Counters = newCounters();
	state: HubState;
	url = '';
	private server?: Server;
	private readonly timers = new Set<NodeJS.Timeout>();

	constructor(options: HubOptions = {}) {
		this.options = {
			port: options.port ?? 0,
			accessTokenTtl: options.accessTokenTtl ?? 3600,
			redirectUris: options.redirectUris?.length ? options.redirectUris : DEFAULT_REDIRECT_URIS,
			stateFile: options.stateFile,
			rateLimit: options.rateLimit ?? 0,
			idempotency: options.idempotency ?? 'declared',
		};
		const rejected = this.options.redirectUris.find((uri) => !isAcceptableRedirectUri(uri));
		if (rejected !== undefined) throw new Error(`${REDIRECT_URI_RULE}: "${rejected}"`);
		this.settings = this.initialSettings();
		this.state = (this.options.stateFile && loadState(this.options.stateFile)) || this.freshState();
		registerOAuthRoutes(this.router);
		registerResourceRoutes(this.router);
		registerControlRoutes(this.router);
	}

	freshState(): HubState {
		const auth = seedAuth(this);
		return { auth, data: seedResources(this, auth), idempotency: {} };
	}

	/** `POST /__sandbox/reset`: fresh seed, counters, faults, clock and settings. */
	reset(): void {
		this.clock.reset();
		const rejected = this.options.redirectUris.find((uri) => !isAcceptableRedirectUri(uri));
		if (rejected !== undefined) throw new Error(`${REDIRECT_URI_RULE}: "${rejected}"`);
		this.settings = this.initialSettings();
		this.counters = newCounters();
		this.faults.clear();
		this.rateLimiter.clear();
		this.state = this.freshState();
		this.persist();
	}

	newId(): string {
		return randomUUID();
	}

	/** The caller behind the request's bearer token, checked for `scope`; throws 401/403 HubErrors. */
	authenticate(req: HubRequest, scope?: Scope): AuthContext {
		return authenticateRequest(this, req, scope);
	}

	info(): HubInfo {
		const auth = this.state.auth;
		const clients = Object.values(auth.clients).sort(
			(a, b) => Number(b.clientId === auth.defaultClientId) - Number(a.clientId === auth.defaultClientId),
		);
		return {
			url: this.url,
			clients: clients.map(({ clientId, clientSecret, redirectUris }) => ({ clientId, clientSecret, redirectUris: [...redirectUris] })),
			users: Object.keys(auth.seededApiTokens).map((id) => {
				const { email, name, password } = auth.users[id];
				return { id, email, name, password, apiToken: auth.seededApiTokens[id] };
			}),
		};
	}

	async listen(): Promise<string> {
		this.server = createServer((message, response) => {
			// handle() answers every error itself; this only guards against a bug there.
			this.handle(message, response).catch(() => response.destroy());
		});
		this.server.keepAliveTimeout = 5000;
		await new Promise<void>((resolve, reject) => {
			this.server!.once('error', reject);
			this.server!.listen(this.options.port, '127.0.0.1', () => resolve());
		});
		const { port } = this.server.address() as AddressInfo;
		this.url = `http://127.0.0.1:${port}`;
		return this.url;
	}

	async close(): Promise<void> {
		const server = this.server;
		if (!server) return;
		this.server = undefined;
		for (const timer of this.timers) clearTimeout(timer);
		this.timers.clear();
		server.closeAllConnections();
		await new Promise<void>((resolve) => server.close(() => resolve()));
		this.persist();
	}

	persist(): void {
		if (this.options.stateFile) saveState(this.options.stateFile, this.state);
	}

	private initialSettings(): HubSettings {
		const { accessTokenTtl, rateLimit, idempotency } = this.options;
		return { accessTokenTtl, rateLimit, idempotency };
	}

	private async handle(message: IncomingMessage, response: ServerResponse): Promise<void> {
		const requestId = `req_${randomUUID()}`;
		const url = requestUrl(message.url);
		const method = (message.method ?? 'GET').toUpperCase();
		const isControl = url.pathname.startsWith(CONTROL_PREFIX);
		let errorShape: ErrorShape = url.pathname.startsWith('/api/integrations') ? 'problem' : 'default';
		let label = `${method} ${url.pathname}`;
		const finish = (reply: Reply) => {
			// The Hub's own clock, which tests move (a client must not rely on agreeing with it).
			writeReply(response, requestId, { ...reply, headers: { Date: new Date(this.clock.now()).toUTCString(), ...reply.headers } });
			if (!isControl) countResponse(this.counters, label, reply.status);
		};
		try {
			const found = this.router.match(method, url.pathname);
			const route: Route | undefined = 'route' in found ? found.route : undefined;
			label = route?.label ?? label;
			errorShape = route?.errorShape ?? errorShape;
			const fault = isControl ? undefined : this.faults.take(method, url.pathname);
			if (fault) {
				this.counters.faultsInjected += 1;
				const faulted = await this.applyFault(fault, message, errorShape);
				if (faulted === 'reset') {
					countResponse(this.counters, label, 'reset');
					return;
				}
				if (faulted) return finish(faulted);
			}
			if (!route) {
				const allowed = 'allowed' in found ? found.allowed : [];
				if (allowed.length > 0) {
					throw new HubError(405, 'method_not_allowed', `${method} is not allowed on ${url.pathname}`, {
						headers: { Allow: allowed.join(', ') },
					});
				}
				throw new HubError(404, 'not_found', `No route for ${method} ${url.pathname}`);
			}
			const rawBody = await readRawBody(message, route.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES);
			const req: HubRequest = {
				method,
				path: url.pathname,
				query: url.searchParams,
				headers: message.headers,
				params: 'route' in found ? found.params : {},
				rawBody,
				body: parseBody(
					rawBody,
					message.headers['content-type'],
					errorShape === 'oauth' ? 'invalid_request' : 'validation_error',
				),
				requestId,
			};
			const token = isControl || errorShape === 'oauth' ? undefined : bearerToken(req);
			if (token) this.rateLimiter.admit(token, this.settings.rateLimit, this.clock.now());
			const call = isControl ? undefined : idempotentCall(this, req, route.label);
			const replay = call && storedReply(this, call);
			if (replay) {
				this.counters.idempotentReplays += 1;
				return finish(replay);
			}
			const reply = await this.run(route, req, errorShape);
			if (call) storeReply(this, call, reply);
			if (reply.status >= 200 && reply.status < 300 && !isControl) countExecution(this.counters, route.label);
			this.persist();
			finish(reply);
		} catch (error) {
			finish(errorToReply(error, errorShape, label));
		}
	}

	/** Runs a route's handler; its HubErrors become replies (so idempotency can keep them). */
	private async run(route: Route, req: HubRequest, errorShape: ErrorShape): Promise<Reply> {
		try {
			return await route.handler({ hub: this, req });
		} catch (error) {
			return errorToReply(error, errorShape, route.label);
		}
	}

	/** `reset` (socket destroyed), a replacement reply, or undefined to go on after any delay. */
	private async applyFault(fault: FaultSpec, message: IncomingMessage, shape: ErrorShape): Promise<Reply | 'reset' | undefined> {
		if (fault.delayMs) {
			await new Promise<void>((resolve) => {
				const timer = setTimeout(() => {
					this.timers.delete(timer);
					resolve();
				}, fault.delayMs);
				this.timers.add(timer);
			});
		}
		if (fault.reset) {
			message.socket.destroy();
			return 'reset';
		}
		return fault.status === undefined ? undefined : faultReply({ ...fault, status: fault.status }, shape);
	}
}

/** Starts a sandbox Hub on 127.0.0.1 and resolves once it is listening. */
export async function startHub(options: HubOptions = {}): Promise<Hub> {
	const hub = new Hub(options);
	await hub.listen();
	return hub;
}
