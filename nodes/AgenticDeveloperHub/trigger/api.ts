import type { IDataObject } from 'n8n-workflow';
import { readTicket, type ReadTicket } from '../transport/sharedReads';
import type { HubContext } from '../transport';
import { hubRequest } from '../helpers/api';

/** Per context, the moment its current read (a poll, a wake-up's read) began, until its first request. */
const readsBegun = new WeakMap<object, ReadTicket>();

/**
 * A trigger's read begins: its first request may take the answer of an identical one sent since
 * (another workflow of the same account woken by the same event, or polled at the same tick).
 */
export function beginRead(context: HubContext): void {
	readsBegun.set(context, readTicket());
}

/**
 * A GET through the shared transport (auth, token refresh, retries, error messages), typed. The
 * read's first request shares from when the read began; each later one (the next page) from when
 * it is asked for, so that it is never older than the page before it.
 */
export async function hubGet<T>(
	context: HubContext,
	endpoint: string,
	qs?: IDataObject,
	resource?: string,
): Promise<T> {
	const shareAfter = readsBegun.get(context) ?? readTicket();
	readsBegun.delete(context);
	return await hubRequest<T>(context, 'GET', endpoint, { qs, resource, shareAfter });
}

/** Milliseconds since the epoch of a Hub timestamp (ISO-8601 UTC). */
export function timeOf(iso: string): number {
	return Date.parse(iso);
}
