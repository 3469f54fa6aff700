import type { ServerResponse } from 'http';
import type { Reply } from '../core/router';
import { HOSTILE_BEHAVIOURS, type HostileBehaviour } from './behaviours';
import { bendJson, type Json } from './json';

export { HOSTILE_BEHAVIOURS, type HostileBehaviour } from './behaviours';

const NOTIFICATION_STREAM = '/api/notifications/stream';
const MEBIBYTE = 1024 * 1024;
/** What `hugeAnswer` streams: 100 MB, far past any bound on one answer. */
const HUGE_ANSWER_BYTES = 100 * 1000 * 1000;

/** Writes `chunks` one per event-loop turn (so the client reads while the Hub writes), then ends, unless the client left. */
function writeSlowly(response: ServerResponse, chunks: Iterable<string>): void {
	const iterator = chunks[Symbol.iterator]();
	const next = () => {
		if (response.destroyed || response.writableEnded) return;
		const { value, done } = iterator.next();
		if (done) return void response.end();
		response.write(value, () => setImmediate(next));
	};
	next();
}

function* repeated(first: string, chunk: string, totalBytes: number, last = ''): Generator<string> {
	yield first;
	for (let written = 0; written < totalBytes; written += chunk.length) yield chunk;
	if (last) yield last;
}

/**
 * The sandbox's hostile mode (README "Hostile Hub mode"): switched on per behaviour through
 * `POST /__sandbox/hostile`, it answers API requests as a broken or hostile Hub would. It counts
 * what met it, so a test can state how much work the client did.
 */
export class HostileHub {
	readonly active = new Set<HostileBehaviour>();
	/** Where `redirectElsewhere` sends requests (another server on this machine). */
	redirectTo = 'http://localhost:9';
	/** API requests that met an active behaviour, and notification streams opened. */
	met = { requests: 0, streamsOpened: 0 };
	private readonly bent = new WeakSet<Reply>();
	/** A row per list path, to fill pages once the real list has run out. */
	private readonly templates = new Map<string, Json>();

	set(behaviours: HostileBehaviour[], redirectTo?: string): void {
		this.clear();
		behaviours.forEach((behaviour) => this.active.add(behaviour));
		if (redirectTo) this.redirectTo = redirectTo.replace(/\/$/, '');
	}

	clear(): void {
		this.active.clear();
		this.templates.clear();
		this.met = { requests: 0, streamsOpened: 0 };
	}

	describe(): { behaviours: HostileBehaviour[]; known: readonly HostileBehaviour[]; met: HostileHub['met'] } {
		return { behaviours: [...this.active], known: HOSTILE_BEHAVIOURS, met: { ...this.met } };
	}

	/** Before routing: an answer of its own for `/api/**` (redirect, 429, a hostile stream), or undefined. */
	intercept(method: string, path: string, query: URLSearchParams): Reply | undefined {
		if (this.active.size === 0 || !path.startsWith('/api/')) return undefined;
		if (this.active.has('redirectElsewhere')) {
			this.met.requests += 1;
			return { status: 302, headers: { Location: `${this.redirectTo}${path}${query.size ? `?${query}` : ''}` }, body: undefined };
		}
		if (this.active.has('retryAfterForever')) {
			this.met.requests += 1;
			return { status: 429, headers: { 'Retry-After': '999999999' }, body: { error: { code: 'rate_limited', message: 'Slow down' } } };
		}
		if (method === 'GET' && path === NOTIFICATION_STREAM) return this.hostileStream();
		if (this.active.has('hugeAnswer')) {
			this.met.requests += 1;
			const answer = () => repeated('{"padding":"', 'x'.repeat(64 * 1024), HUGE_ANSWER_BYTES, '"}');
			return { status: 200, headers: { 'Content-Type': 'application/json' }, stream: (response) => writeSlowly(response, answer()) };
		}
		return undefined;
	}

	private hostileStream(): Reply | undefined {
		const stream = (chunks: () => Iterable<string>): Reply => {
			this.met.requests += 1;
			this.met.streamsOpened += 1;
			return { status: 200, stream: (response) => writeSlowly(response, chunks()) };
		};
		if (this.active.has('streamEndlessLine')) return stream(() => repeated('data: ', 'x'.repeat(64 * 1024), 16 * MEBIBYTE));
		if (this.active.has('streamHugeEvent')) {
			const line = `data: ${'e'.repeat(1024 - 7)}\n`;
			return stream(() => repeated('event: notification\n', line.repeat(64), 10 * MEBIBYTE, '\n'));
		}
		if (this.active.has('streamClosesAfterEvent')) return stream(() => ['event: notification\ndata: {}\n\n']);
		return undefined;
	}

	/** After a route answered: its JSON bent by the active behaviours (and let past the published-types check). */
	bend(reply: Reply, path: string, query: URLSearchParams, now: number): Reply {
		if (this.active.size === 0 || reply.stream || reply.status < 200 || reply.status >= 300 || reply.body === undefined) return reply;
		const bent = bendJson(reply, this.active, { path, query, now, templates: this.templates });
		if (bent === reply) return reply;
		this.met.requests += 1;
		this.bent.add(bent);
		return bent;
	}

	isBent(reply: Reply): boolean {
		return this.bent.has(reply);
	}
}
