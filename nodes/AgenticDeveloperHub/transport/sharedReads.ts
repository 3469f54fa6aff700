import { deepCopy, type IDataObject, type INode } from 'n8n-workflow';
import { accountKey } from './accountKey';
import type { HubContext } from './request';
import type { HubRequestOptions } from './requestOptions';

/**
 * How long an answer stays available to reads that began before it was asked for (ms). Reads of
 * many workflows woken by one event, or polled at the same minute tick, reach the transport over
 * a few moments; this bounds what is kept for them.
 */
export const SHARED_READ_KEEP_MS = 2_000;
/** At most this many answers are kept at once (the oldest go first). */
const MAX_KEPT_READS = 500;

/** A point in the order in which reads begin and requests are sent (never a time: two can fall in one millisecond). */
export type ReadTicket = number;

let lastTicket: ReadTicket = 0;

/** Marks the moment a read begins: it may take the answer of any identical request sent after this. */
export function readTicket(): ReadTicket {
	lastTicket += 1;
	return lastTicket;
}

interface SharedAnswer {
	/** When the request was sent, in ticket order. */
	sentAt: ReadTicket;
	outcome: Promise<{ body: unknown } | { error: Error }>;
	/** Date.now() when the Hub answered; undefined while in flight. */
	answeredAt?: number;
}

/** Per account, route and query: the latest identical request. */
const answers = new Map<string, SharedAnswer>();

function forget(now: number): void {
	for (const [key, answer] of answers) {
		if (answer.answeredAt !== undefined && now - answer.answeredAt > SHARED_READ_KEEP_MS) answers.delete(key);
	}
	while (answers.size >= MAX_KEPT_READS) answers.delete(answers.keys().next().value as string);
}

/** Query values in a fixed key order, so `{a, b}` and `{b, a}` are the same read. */
function canonical(value: unknown): unknown {
	if (Array.isArray(value)) return value.map(canonical);
	if (value === null || typeof value !== 'object') return value;
	const object = value as IDataObject;
	return Object.fromEntries(Object.keys(object).sort().map((key) => [key, canonical(object[key])]));
}

/** Only a plain read shares: no body, no special statuses, secrets, stream or idempotency of its own. */
function isPlainRead(options: HubRequestOptions): boolean {
	const allowed = new Set(['qs', 'resource', 'itemIndex', 'shareAfter']);
	return Object.entries(options).every(([name, value]) => value === undefined || allowed.has(name));
}

/**
 * The error a caller gets: its own object, naming its own node (a shared failure is reported by
 * each workflow that asked, as if it had asked alone).
 */
export function errorForNode<E extends Error>(error: E, node: INode): E {
	const copy = Object.create(Object.getPrototypeOf(error) as object) as E;
	Object.defineProperties(copy, Object.getOwnPropertyDescriptors(error));
	if ('node' in error) (copy as E & { node: INode }).node = node;
	return copy;
}

/**
 * A GET that identical GETs of the same account share (single-flight): a read that began at
 * `options.shareAfter` takes the answer of an identical request sent after that moment, in flight
 * or answered within SHARED_READ_KEEP_MS; otherwise it sends its own. So a shared answer is never
 * older than the caller's own would have been. Never across accounts (accountKey.ts), never for
 * anything but a plain GET. Each caller gets its own copy of the body; a failure reaches each as
 * its own error (a `401 token_expired` is refreshed once inside the one request, and every waiter
 * gets the retried answer).
 */
export async function sharedRead(
	ctx: HubContext,
	endpoint: string,
	options: HubRequestOptions & { shareAfter: ReadTicket },
	send: () => Promise<unknown>,
): Promise<unknown> {
	const account = isPlainRead(options) ? await accountKey(ctx, options.itemIndex ?? 0) : undefined;
	if (account === undefined) return await send();
	const key = JSON.stringify([account, endpoint, canonical(options.qs ?? {}), options.resource ?? null]);
	const now = Date.now();
	const kept = answers.get(key);
	const fresh = kept && kept.sentAt > options.shareAfter && (kept.answeredAt === undefined || now - kept.answeredAt <= SHARED_READ_KEEP_MS);
	let outcome: Awaited<SharedAnswer['outcome']>;
	if (fresh) {
		outcome = await kept.outcome;
		if ('error' in outcome) throw errorForNode(outcome.error, ctx.getNode());
	} else {
		forget(now);
		const answer: SharedAnswer = {
			sentAt: readTicket(),
			outcome: send().then(
				(body) => ({ body }),
				(error: Error) => ({ error }),
			),
		};
		answers.set(key, answer);
		outcome = await answer.outcome;
		answer.answeredAt = Date.now();
		if ('error' in outcome) throw outcome.error;
	}
	return deepCopy(outcome.body as IDataObject);
}
