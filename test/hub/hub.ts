import { randomUUID } from 'crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'http';
import type { AddressInfo } from 'net';
import { Clock } from './core/clock';
import { HubError, renderError, type ErrorShape } from './core/errors';
import { DEFAULT_MAX_BODY_BYTES, parseBody, readRawBody, type HubRequest } from './core/http';
import { Router, type Reply, type Route } from './core/router';
import type { AuthContext, HubState, Scope } from './state';
import { authenticateRequest } from './oauth/authenticate';
import { registerOAuthRoutes } from './oauth/routes';
import { seedAuth } from './oauth/seed';
import { registerResourceRoutes } from './resources';
import { seedResources } from './resources/seed';
import { registerControlRoutes } from './control';
import { loadState, saveState } from './persistence';

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
}

export interface ResolvedHubOptions {
	port: number;
	accessTokenTtl: number;
	redirectUris: string[];
	stateFile?: string;
	rateLimit: number;
}

export const DEFAULT_REDIRECT_URIS = [
	'http://localhost:5678/rest/oauth2-credential/callback',
	'http://127.0.0.1:5678/rest/oauth2-credential/callback',
];

/** The sandbox Agentic Developer Hub: hub-api.md over real HTTP on 127.0.0.1. */
export class Hub {
	readonly clock = new Clock();
	readonly router = new Router();
	readonly options: ResolvedHubOptions;
	state: HubState;
	url = '';
	private server?: Server;

	constructor(options: HubOptions = {}) {
		this.options = {
			port: options.port ?? 0,
			accessTokenTtl: options.accessTokenTtl ?? 3600,
			redirectUris: options.redirectUris?.length ? options.redirectUris : DEFAULT_REDIRECT_URIS,
			stateFile: options.stateFile,
			rateLimit: options.rateLimit ?? 0,
		};
		this.state = (this.options.stateFile && loadState(this.options.stateFile)) || this.freshState();
		registerOAuthRoutes(this.router);
		registerResourceRoutes(this.router);
		registerControlRoutes(this.router);
	}

	freshState(): HubState {
		const auth = seedAuth(this);
		return { auth, data: seedResources(this, auth), idempotency: {} };
	}

	newId(): string {
		return randomUUID();
	}

	/** The caller behind the request's bearer token, checked for `scope`; throws 401/403 HubErrors. */
	authenticate(req: HubRequest, scope?: Scope): AuthContext {
		return authenticateRequest(this, req, scope);
	}

	async listen(): Promise<string> {
		this.server = createServer((message, response) => {
			void this.handle(message, response);
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
		server.closeAllConnections();
		await new Promise<void>((resolve) => server.close(() => resolve()));
		this.persist();
	}

	persist(): void {
		if (this.options.stateFile) saveState(this.options.stateFile, this.state);
	}

	private async handle(message: IncomingMessage, response: ServerResponse): Promise<void> {
		const requestId = `req_${randomUUID()}`;
		const url = new URL(message.url ?? '/', 'http://sandbox.invalid');
		const method = (message.method ?? 'GET').toUpperCase();
		let errorShape: ErrorShape = url.pathname.startsWith('/api/integrations') ? 'problem' : 'default';
		let route: Route | undefined;
		try {
			const found = this.router.match(method, url.pathname);
			if (!('route' in found)) {
				if (found.allowed.length > 0) {
					throw new HubError(405, 'method_not_allowed', `${method} is not allowed on ${url.pathname}`, {
						headers: { Allow: found.allowed.join(', ') },
					});
				}
				throw new HubError(404, 'not_found', `No route for ${method} ${url.pathname}`);
			}
			route = found.route;
			errorShape = route.errorShape ?? errorShape;
			const rawBody = await readRawBody(message, route.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES);
			const req: HubRequest = {
				method,
				path: url.pathname,
				query: url.searchParams,
				headers: message.headers,
				params: found.params,
				rawBody,
				body: parseBody(
					rawBody,
					message.headers['content-type'],
					errorShape === 'oauth' ? 'invalid_request' : 'validation_error',
				),
				requestId,
			};
			const reply = await route.handler({ hub: this, req });
			this.send(response, requestId, reply);
			if (method !== 'GET') this.persist();
		} catch (error) {
			const hubError =
				error instanceof HubError
					? error
					: new HubError(500, 'internal_error', 'The sandbox Hub hit an unexpected error');
			if (!(error instanceof HubError)) {
				// Only the error's class and message: request bodies may carry secrets.
				process.stderr.write(`sandbox hub: ${route?.label ?? method} failed: ${(error as Error)?.name}\n`);
			}
			const rendered = renderError(hubError, errorShape);
			this.send(response, requestId, {
				status: rendered.status,
				body: rendered.body,
				headers: { 'Content-Type': rendered.contentType, ...rendered.headers },
			});
		}
	}

	private send(response: ServerResponse, requestId: string, reply: Reply): void {
		if (response.headersSent || response.destroyed) return;
		const headers: Record<string, string> = { 'X-Request-Id': requestId, ...(reply.headers ?? {}) };
		let payload = '';
		if (reply.html !== undefined) {
			headers['Content-Type'] ??= 'text/html; charset=utf-8';
			payload = reply.html;
		} else if (reply.text !== undefined) {
			headers['Content-Type'] ??= 'text/plain; charset=utf-8';
			payload = reply.text;
		} else if (reply.body !== undefined && reply.status !== 204) {
			headers['Content-Type'] ??= 'application/json';
			payload = JSON.stringify(reply.body);
		}
		response.writeHead(reply.status, headers);
		response.end(payload);
	}
}

/** Starts a sandbox Hub on 127.0.0.1 and resolves once it is listening. */
export async function startHub(options: HubOptions = {}): Promise<Hub> {
	const hub = new Hub(options);
	await hub.listen();
	return hub;
}
