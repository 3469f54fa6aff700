import type { ServerResponse } from 'http';
import type { ErrorShape } from './errors';
import type { HubRequest } from './http';
import type { Hub } from '../hub';

export interface Reply {
	status: number;
	/** Sent as JSON unless `html` or `text` is given. Omitted for 204. */
	body?: unknown;
	html?: string;
	text?: string;
	headers?: Record<string, string>;
	/** A `text/event-stream` answer: called with the response once its headers are out; it owns the body. */
	stream?: (response: ServerResponse) => void;
}

export interface RouteContext {
	hub: Hub;
	req: HubRequest;
}

export type Handler = (ctx: RouteContext) => Reply | Promise<Reply>;

export interface RouteOptions {
	/** Shape of the error bodies this route answers with (hub-api.md section 2). */
	errorShape?: ErrorShape;
	/** Largest body accepted, in bytes (default 1 MiB). */
	maxBodyBytes?: number;
}

export interface Route extends RouteOptions {
	method: string;
	pattern: string;
	/** A stable label for counters, e.g. `GET /api/discussion/topics/:id`. */
	label: string;
	handler: Handler;
	matcher: RegExp;
	paramNames: string[];
}

export interface RouteMatch {
	route: Route;
	params: Record<string, string>;
}

/** Method + path-pattern routing with `:name` segments; first registration wins. */
export class Router {
	private readonly routes: Route[] = [];

	add(method: string, pattern: string, handler: Handler, options: RouteOptions = {}): void {
		const paramNames: string[] = [];
		const source = pattern
			.split('/')
			.map((segment) => {
				if (segment.startsWith(':')) {
					paramNames.push(segment.slice(1));
					return '([^/]+)';
				}
				return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
			})
			.join('/');
		this.routes.push({
			method: method.toUpperCase(),
			pattern,
			label: `${method.toUpperCase()} ${pattern}`,
			handler,
			matcher: new RegExp(`^${source}/?$`),
			paramNames,
			...options,
		});
	}

	/**
	 * Takes a route out (and returns it, to put back with `restore`): for tests that need a published
	 * route the sandbox lacks (501), or a deliberately broken handler in place of the real one.
	 */
	remove(method: string, pattern: string): Route | undefined {
		const index = this.routes.findIndex((route) => route.method === method.toUpperCase() && route.pattern === pattern);
		return index < 0 ? undefined : this.routes.splice(index, 1)[0];
	}

	restore(route: Route): void {
		this.routes.push(route);
	}

	/** Every registered route, in registration order. */
	list(): readonly Route[] {
		return this.routes;
	}

	/** The route for a request, or which methods the path allows (for 404 vs 405). */
	match(method: string, path: string): RouteMatch | { allowed: string[] } {
		const allowed: string[] = [];
		for (const route of this.routes) {
			const found = route.matcher.exec(path);
			if (!found) continue;
			if (route.method !== method.toUpperCase()) {
				allowed.push(route.method);
				continue;
			}
			const params: Record<string, string> = {};
			route.paramNames.forEach((name, i) => {
				params[name] = decodeSegment(found[i + 1]);
			});
			return { route, params };
		}
		return { allowed };
	}
}

/** A path segment, percent-decoded; a malformed escape stays as sent (the route then finds nothing). */
function decodeSegment(segment: string): string {
	try {
		return decodeURIComponent(segment);
	} catch {
		return segment;
	}
}
