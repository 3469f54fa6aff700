import { randomUUID } from 'crypto';
import { HubError, type ErrorShape } from '../core/errors';
import { errorToReply } from '../core/respond';
import type { Reply } from '../core/router';

/** `POST /__sandbox/faults` (interfaces.md section 2). */
export interface FaultSpec {
	method: string;
	/** Glob on the request path: `*` stays within one segment, `**` matches anything. */
	path: string;
	count: number;
	status?: number;
	body?: unknown;
	headers?: Record<string, string>;
	delayMs?: number;
	reset?: boolean;
	/** The shape of the error body a `status` without `body` gets (default: the route's). */
	shape?: ErrorShape;
}

interface ArmedFault extends FaultSpec {
	id: string;
	matcher: RegExp;
	remaining: number;
}

export function globToRegExp(glob: string): RegExp {
	const source = glob
		.split(/(\*\*|\*)/)
		.map((part) => (part === '**' ? '.*' : part === '*' ? '[^/]*' : part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')))
		.join('');
	return new RegExp(`^${source}$`);
}

/** Faults waiting for their next matching requests, oldest first. */
export class FaultInjector {
	private faults: ArmedFault[] = [];

	add(spec: FaultSpec): string {
		const id = randomUUID();
		this.faults.push({ ...spec, id, matcher: globToRegExp(spec.path), remaining: spec.count });
		return id;
	}

	clear(): void {
		this.faults = [];
	}

	/** The fault this request gets, if any; each use counts down its `count`. */
	take(method: string, path: string): FaultSpec | undefined {
		const fault = this.faults.find(
			(candidate) => (candidate.method === '*' || candidate.method === method) && candidate.matcher.test(path),
		);
		if (!fault) return undefined;
		fault.remaining -= 1;
		if (fault.remaining <= 0) this.faults = this.faults.filter((candidate) => candidate !== fault);
		return fault;
	}
}

/**
 * What a fault with a `status` answers instead of the route: its body, or an error in its `shape`
 * (default: the route's). Never checked against the published types: a fault is deliberate.
 */
export function faultReply(fault: FaultSpec & { status: number }, routeShape: ErrorShape): Reply {
	const headers = { ...(fault.headers ?? {}) };
	if (fault.body !== undefined) return { status: fault.status, body: fault.body, headers };
	const code = fault.status === 429 ? 'rate_limited' : fault.status >= 500 ? 'internal_error' : 'injected_fault';
	const rendered = errorToReply(new HubError(fault.status, code, `Injected fault (${fault.status})`), fault.shape ?? routeShape, '');
	return { ...rendered, headers: { ...rendered.headers, ...headers } };
}
