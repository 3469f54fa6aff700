import type { IDataObject } from 'n8n-workflow';
import type { StatusMeaning } from './errorMessages';
import type { ReadBack } from './guardedPost';

/** How one Hub request is sent, retried and explained (request.ts). */
export interface HubRequestOptions {
	/** The JSON body; none is sent without it (POST routes such as `/sync` and `/read-all` publish none). */
	body?: IDataObject;
	/** Array values become repeated keys: category=a&category=b. */
	qs?: IDataObject;
	/** Named in errors; default 0. */
	itemIndex?: number;
	/** POST only; when absent, one per item and run of the node (idempotencyKey.ts), kept across retries. */
	idempotencyKey?: string;
	/** What a 404 is about, e.g. 'topic', for the error message. */
	resource?: string;
	/**
	 * POST only: true when the Hub makes a repeat do nothing twice (the action route's declared
	 * Idempotency-Key, a DM's clientMessageId, reactions, chats, notification state), so it is
	 * retried like a GET. By default a POST is not: see `readBack`.
	 */
	idempotent?: boolean;
	/**
	 * A POST that is not idempotent: how to find what its attempts made after a failure that leaves
	 * the outcome open (a 5xx, a reset, a timeout, a lost answer). Without one, such a failure is an
	 * "outcome unknown" error; either way it is never blindly sent again.
	 */
	readBack?: ReadBack;
	/** Statuses that end the call at once (no retry, no read-back), with what they mean here. */
	finalStatuses?: Record<number, StatusMeaning>;
	/** Values this request carries that are secrets for another service (an app password): masked in every error. */
	secrets?: string[];
	/**
	 * A GET only: the moment (`readTicket()`) the caller's read began. The answer of an identical
	 * GET of the same account sent after it may serve this one too (sharedReads.ts).
	 */
	shareAfter?: number;
	/** A poll only, with `shareAfter`: how old an identical answer it may take, and who reads (sharedReads.ts). */
	shareRecent?: { withinMs: number; reader: string };
	/** Open a `text/event-stream` (stream.ts): the answer is the live body. */
	stream?: StreamRequestOptions;
}

export interface StreamRequestOptions {
	/** Aborting it closes the connection (also while it connects). */
	signal: AbortSignal;
	/** n8n's request timeout; the stream's silence is watched by stream.ts. */
	idleTimeoutMs: number;
}
