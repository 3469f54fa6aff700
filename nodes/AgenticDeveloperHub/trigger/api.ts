import type { IDataObject } from 'n8n-workflow';
import { readTicket, type ReadTicket, type RecentShare } from '../transport/sharedReads';
import type { HubContext } from '../transport';
import { hubRequest } from '../helpers/api';

interface BegunRead {
	ticket: ReadTicket;
	recent?: RecentShare;
	/** Whether the read's first request was asked for. */
	started: boolean;
}

/** Per context, the moment its current read (a poll, a wake-up's read) began. */
const readsBegun = new WeakMap<object, BegunRead>();

/**
 * A trigger's read begins: its first request may take the answer of an identical one sent since
 * (another workflow of the same account woken by the same event, or polled at the same tick), and,
 * for a poll (`recent`), one sent up to its window before (sharedReads.ts).
 */
export function beginRead(context: HubContext, recent?: RecentShare): void {
	readsBegun.set(context, { ticket: readTicket(), recent, started: false });
}

/**
 * A GET through the shared transport (auth, token refresh, retries, error messages), typed. The
 * read's first request shares from when the read began; each later one (the next page) only with
 * requests sent once it is asked for, so that it is never older than the page before it.
 */
export async function hubGet<T>(
	context: HubContext,
	endpoint: string,
	qs?: IDataObject,
	resource?: string,
): Promise<T> {
	const begun = readsBegun.get(context);
	let sharing: { shareAfter: ReadTicket; shareRecent?: RecentShare } = { shareAfter: readTicket() };
	if (begun && !begun.started) sharing = { shareAfter: begun.ticket, shareRecent: begun.recent };
	else if (begun?.recent) sharing.shareRecent = { withinMs: 0, reader: begun.recent.reader };
	if (begun) begun.started = true;
	return await hubRequest<T>(context, 'GET', endpoint, { qs, resource, ...sharing });
}

/** Milliseconds since the epoch of a Hub timestamp (ISO-8601 UTC). */
export function timeOf(iso: string): number {
	return Date.parse(iso);
}
