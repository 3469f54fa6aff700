import { randomUUID } from 'crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'http';
import type { AddressInfo } from 'net';
import { Clock } from './core/clock';
import { HubError, type ErrorShape } from './core/errors';
import { errorToReply, requestUrl, writeReply } from './core/respond';
import { DEFAULT_MAX_BODY_BYTES, headerValue, parseBody, readRawBody, type HubRequest } from './core/http';
import { Router, type Reply, type Route, type RouteMatch } from './core/router';
import type { AuthContext, HubState, Scope } from './state';
import { authenticateRequest, bearerToken } from './oauth/authenticate';
import { registerOAuthRoutes } from './oauth/routes';
import { seedAuth } from './oauth/seed';
import { initialSettings, resolveOptions, type HubInfo, type HubOptions, type HubSettings, type ResolvedHubOptions } from './options';
import { registerResourceRoutes } from './resources';
import { seedResources } from './resources/seed';
import { registerControlRoutes } from './control';
import { loadState, saveState } from './persistence';
import { countExecution, countResponse, newCounters, type Counters } from './middleware/counters';
import { FaultInjector, faultReply, type FaultSpec } from './middleware/faults';
import { RateLimiter } from './middleware/rateLimit';
import { idempotentCall, storedReply, storeReply } from './middleware/idempotency';
import { registerStreamRoutes } from './realtime/routes';
import { EventStreams } from './realtime/streams';
import { ContractGuard, isIntegrationsPath, isPublishedRoute, isResourcePath, type RecordedViolation } from './middleware/contract';
import { ActionFailures } from './resources/actionFailures';
import { futureReply, registerFutureControlRoutes, setFuture } from './future';
import { HostileHub } from './hostile';

export { DEFAULT_REDIRECT_URIS } from './options';
export type { ErrorShapeSetting, HubInfo, HubOptions, HubSettings, ResolvedHubOptions } from './options';

const CONTROL_PREFIX = '/__sandbox/';

/** The sandbox Agentic Developer Hub: hub-api.md over real HTTP on 127.0.0.1. */
export class Hub {
	/** Every Hub that listened in this process (test files check them for violations). */
	static readonly started = new Set<Hub>();
	/** Where contract violations are printed (stderr; jest's setup silences it: failures name them). */
	static violationLog: (text: string) => void = (text) => process.stderr.write(text);

	readonly clock = new Clock();
	readonly router = new Router();
	readonly options: ResolvedHubOptions;
	readonly faults = new FaultInjector();
	readonly rateLimiter = new RateLimiter();
	/** The open event streams (hub-api.md "Realtime"). */
	readonly streams = new EventStreams();
	readonly actionFailures = new ActionFailures();
	/** The hostile mode (hostile/index.ts): off until `POST /__sandbox/hostile` switches behaviours on. */
	readonly hostile = new HostileHub();
	/** The published types' check of every request and answer on a resource route (middleware/contract.ts). */
	readonly contract = new ContractGuard(
		(text) => Hub.violationLog(text),
		(violations) => {
			this.counters.violations += violations;
		},
	);
	settings: HubSettings;
	counters: Counters = newCounters();
	state: HubState;
	url = '';
	private server?: Server;
	private readonly timers = new Set<NodeJS.Timeout>();

	constructor(options: HubOptions = {}) {
		this.options = resolveOptions(options);
		this.settings = initialSettings(this.options);
		this.state = (this.options.stateFile && loadState(this.options.stateFile)) || this.freshState();
		registerOAuthRoutes(this.router);
		registerResourceRoutes(this.router);
		registerStreamRoutes(this.router);
		registerControlRoutes(this.router);
		registerFutureControlRoutes(this.router);
		if (this.options.future) setFuture(this, true);
	}

	freshState(): HubState {
		const auth = seedAuth(this);
		return { auth, data: seedResources(this, auth), idempotency: {} };
	}

	/** `POST /__sandbox/reset`: fresh seed, counters, faults, clock and settings. */
	reset(): void {
		this.clock.reset();
		this.settings = initialSettings(this.options);
		this.counters = newCounters();
		this.faults.clear();
		this.rateLimiter.clear();
		this.streams.reset();
		this.actionFailures.clear();
		this.hostile.clear();
		this.contract.clear();
		this.state = this.freshState();
		if (this.options.future) setFuture(this, true);
		this.persist();
	}

	/** The contract violations recorded since the last reset or take (middleware/contract.ts). */
	get violations(): readonly RecordedViolation[] {
		return this.contract.violations;
	}

	/** Hands the recorded violations over and forgets them: for a test that caused them on purpose. */
	takeViolations(): RecordedViolation[] {
		return this.contract.take();
	}

	/** The page size a list serves: the asked one, within the route's maximum and `maxPageSize`. */
	pageSizeLimit(routeMaximum: number): number {
		return this.settings.maxPageSize > 0 ? Math.min(routeMaximum, this.settings.maxPageSize) : routeMaximum;
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
		// Longer than any pause in a test: with Node's 5 s, a client reusing a connection just as the
		// server closed it for idling met ECONNRESET on a loaded machine (the client keeps it 1 s less).
		this.server.keepAliveTimeout = 30_000;
		await new Promise<void>((resolve, reject) => {
			this.server!.once('error', reject);
			this.server!.listen(this.options.port, '127.0.0.1', () => resolve());
		});
		const { port } = this.server.address() as AddressInfo;
		this.url = `http://127.0.0.1:${port}`;
		Hub.started.add(this);
		return this.url;
	}

	async close(): Promise<void> {
		const server = this.server;
		if (!server) return;
		this.server = undefined;
		for (const timer of this.timers) clearTimeout(timer);
		this.timers.clear();
		this.streams.reset();
		server.closeAllConnections();
		await new Promise<void>((resolve) => server.close(() => resolve()));
		this.persist();
	}

	persist(): void {
		if (this.options.stateFile) saveState(this.options.stateFile, this.state);
	}

	/** The error shape of a path: hub-api.md section 2 on resource routes, flat elsewhere (a route may override). */
	errorShapeFor(path: string): ErrorShape {
		if (!isResourcePath(path) || this.settings.errorShape === 'flat') return 'flat';
		return isIntegrationsPath(path) ? 'problem' : 'nested';
	}

	private async handle(message: IncomingMessage, response: ServerResponse): Promise<void> {
		const requestId = `req_${randomUUID()}`;
		const url = requestUrl(message.url);
		const method = (message.method ?? 'GET').toUpperCase();
		const path = url.pathname;
		const isControl = path.startsWith(CONTROL_PREFIX);
		const checked = isResourcePath(path);
		let errorShape = this.errorShapeFor(path);
		let label = `${method} ${path}`;
		const write = (reply: Reply) => {
			// The Hub's own clock, which tests move (a client must not rely on agreeing with it).
			writeReply(response, requestId, { ...reply, headers: { Date: new Date(this.clock.now()).toUTCString(), ...reply.headers } });
			if (!isControl) countResponse(this.counters, label, reply.status);
		};
		// Every answer on a resource route but an injected fault's is checked against the published types.
		const finish = (reply: Reply) => {
			// A stream's events are checked one by one as they are written (realtime/streams.ts).
			const drift = checked && !reply.stream && !this.hostile.isBent(reply) ? this.contract.checkAnswer({ method, path, requestId, reply }, this.settings.errorShape === 'flat') : undefined;
			const answer = drift ? errorToReply(drift, errorShape, label) : reply;
			// The future Hub adds to answers after their check (docs/hub-drift.md).
			write(checked ? futureReply(this, label, answer) : answer);
		};
		try {
			const found = this.router.match(method, path);
			const route: Route | undefined = 'route' in found ? found.route : undefined;
			label = route?.label ?? label;
			errorShape = route?.errorShape ?? errorShape;
			const fault = isControl ? undefined : this.faults.take(method, path);
			if (fault) {
				this.counters.faultsInjected += 1;
				const faulted = await this.applyFault(fault, message, errorShape);
				if (faulted === 'reset') {
					countResponse(this.counters, label, 'reset');
					return;
				}
				if (faulted) return write(faulted);
			}
			const hostile = isControl ? undefined : this.hostile.intercept(method, path, url.searchParams);
			if (hostile) return write(hostile);
			const rawBody = await readRawBody(message, route?.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES);
			const contentType = headerValue(message.headers, 'content-type');
			const body = this.readBody(rawBody, contentType, errorShape, checked ? { method, path, requestId } : undefined);
			if (checked) {
				const refused = this.contract.checkRequest({ method, path, query: url.searchParams, contentType, body, requestId });
				if (refused) throw refused;
			}
			if (!route) throw noRoute(method, path, found);
			const req: HubRequest = { method, path, query: url.searchParams, headers: message.headers, params: (found as RouteMatch).params, rawBody, body, requestId };
			const token = isControl || errorShape === 'oauth' ? undefined : bearerToken(req);
			if (token) this.rateLimiter.admit(token, this.settings.rateLimit, this.clock.now());
			const call = isControl ? undefined : idempotentCall(this, req);
			const replay = call && storedReply(this, call);
			if (replay) {
				this.counters.idempotentReplays += 1;
				return finish(replay);
			}
			const answered = await this.run(route, req, errorShape);
			const reply = isControl ? answered : this.hostile.bend(answered, path, url.searchParams, this.clock.now());
			if (call) storeReply(this, call, reply);
			if (reply.status >= 200 && reply.status < 300 && !isControl) countExecution(this.counters, route.label);
			this.persist();
			finish(reply);
		} catch (error) {
			finish(errorToReply(error, errorShape, label));
		}
	}

	/** The parsed body; on a resource route one that cannot be parsed is a recorded violation too. */
	private readBody(rawBody: string, contentType: string | undefined, shape: ErrorShape, resource?: { method: string; path: string; requestId: string }): unknown {
		try {
			return parseBody(rawBody, contentType, shape === 'oauth' ? 'invalid_request' : 'validation_error');
		} catch (error) {
			if (resource && error instanceof HubError) this.contract.recordUnreadableBody({ ...resource, contentType }, error.message);
			throw error;
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

/** 501 for a route the Hub publishes but the sandbox lacks; 405 or 404 elsewhere (outside the types). */
function noRoute(method: string, path: string, found: RouteMatch | { allowed: string[] }): HubError {
	if (isResourcePath(path) && isPublishedRoute(method, path)) {
		return new HubError(501, 'not_implemented', `The Hub publishes ${method} ${path}, but the sandbox does not implement it`);
	}
	const allowed = 'allowed' in found ? found.allowed : [];
	if (allowed.length > 0) {
		return new HubError(405, 'method_not_allowed', `${method} is not allowed on ${path}`, { headers: { Allow: allowed.join(', ') } });
	}
	return new HubError(404, 'not_found', `No route for ${method} ${path}`);
}

/** Starts a sandbox Hub on 127.0.0.1 and resolves once it is listening. */
export async function startHub(options: HubOptions = {}): Promise<Hub> {
	const hub = new Hub(options);
	await hub.listen();
	return hub;
}
