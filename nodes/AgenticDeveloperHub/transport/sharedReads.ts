import { deepCopy, type IDataObject, type INode } from 'n8n-workflow';
import { sharedReadKey } from './accountKey';
import type { HubContext } from './request';
import type { HubRequestOptions } from './requestOptions';

/**
 * How long an answer stays available (ms from when it was sent). A read takes only answers sent
 * after it began, so keeping them longer never makes one staler; it lets the reads of many
 * workflows woken by one event meet the one request even when n8n is slow to hand each its
 * credential. Polls may take older ones (RecentShare), never older than this.
 */
export const SHARED_READ_KEEP_MS = 60_000;
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
	/** Date.now() when the request was sent. */
	sentAtMs: number;
	outcome: Promise<{ body: unknown } | { error: Error }>;
	/** Date.now() when the Hub answered; undefined while in flight. */
	answeredAt?: number;
}

/**
 * A poll may also take an answer sent before it began, up to `withinMs` old, that is newer than
 * any this `reader` (a workflow's node) took before: it never sees an older list than it saw.
 */
export interface RecentShare {
	withinMs: number;
	reader: string;
}

/** At most this many readers' last answers are remembered (the oldest go first). */
const MAX_READERS = 10_000;

/** Per account, route and query: the latest identical request. */
const answers = new Map<string, SharedAnswer>();
/** Per reader: the latest answer it took (in ticket order). */
const lastTaken = new Map<string, ReadTicket>();

function forget(now: number): void {
	for (const [key, answer] of answers) {
		if (answer.answeredAt !== undefined && now - answer.sentAtMs > SHARED_READ_KEEP_MS) answers.delete(key);
	}
	while (answers.size >= MAX_KEPT_READS) answers.delete(answers.keys().next().value as string);
	while (lastTaken.size >= MAX_READERS) lastTaken.delete(lastTaken.keys().next().value as string);
}

/** Whether the kept answer may serve this read: sent since it began, or (a poll) recent and newer than its last. */
function mayTake(kept: SharedAnswer, shareAfter: ReadTicket, recent: RecentShare | undefined, now: number): boolean {
	if (now - kept.sentAtMs > SHARED_READ_KEEP_MS) return false;
	if (kept.sentAt > shareAfter) return true;
	if (!recent || now - kept.sentAtMs > recent.withinMs) return false;
	return kept.sentAt > (lastTaken.get(recent.reader) ?? 0);
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
	const allowed = new Set(['qs', 'resource', 'itemIndex', 'shareAfter', 'shareRecent']);
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
 * or answered (kept SHARED_READ_KEEP_MS); a poll (`options.shareRecent`) also one sent up to its
 * window before, newer than any it took before. Otherwise it sends its own. Never across accounts
 * (accountKey.ts: sharedReadKey), never for anything but a plain GET. Each caller gets its own copy of the body;
 * a failure reaches each caller waiting for it as its own error, and is not kept (a `401
 * token_expired` is refreshed once inside the one request, and every waiter gets the retried answer).
 */
export async function sharedRead(
	ctx: HubContext,
	endpoint: string,
	options: HubRequestOptions & { shareAfter: ReadTicket; shareRecent?: RecentShare },
	send: () => Promise<unknown>,
): Promise<unknown> {
	const account = isPlainRead(options) ? await sharedReadKey(ctx, options.itemIndex ?? 0) : undefined;
	if (account === undefined) return await send();
	const key = JSON.stringify([account, endpoint, canonical(options.qs ?? {}), options.resource ?? null]);
	const now = Date.now();
	const kept = answers.get(key);
	const { shareRecent } = options;
	let answer: SharedAnswer;
	if (kept && mayTake(kept, options.shareAfter, shareRecent, now)) {
		answer = kept;
	} else {
		forget(now);
		answer = {
			sentAt: readTicket(),
			sentAtMs: now,
			outcome: send().then(
				(body) => ({ body }),
				(error: Error) => ({ error }),
			),
		};
		answers.set(key, answer);
		const settled = answer;
		void settled.outcome.then((outcome) => {
			settled.answeredAt = Date.now();
			if ('error' in outcome && answers.get(key) === settled) answers.delete(key);
		});
	}
	if (shareRecent) lastTaken.set(shareRecent.reader, Math.max(answer.sentAt, lastTaken.get(shareRecent.reader) ?? 0));
	const outcome = await answer.outcome;
	if ('error' in outcome) throw answer === kept ? errorForNode(outcome.error, ctx.getNode()) : outcome.error;
	return deepCopy(outcome.body as IDataObject);
}
