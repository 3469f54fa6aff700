import type { IDataObject } from 'n8n-workflow';
import type { HubContext } from '../transport';
import { hubRequest } from '../helpers/api';

/** A GET through the shared transport (auth, token refresh, retries, error messages), typed. */
export async function hubGet<T>(
	context: HubContext,
	endpoint: string,
	qs?: IDataObject,
	resource?: string,
): Promise<T> {
	return await hubRequest<T>(context, 'GET', endpoint, { qs, resource });
}

/** Milliseconds since the epoch of a Hub timestamp (ISO-8601 UTC). */
export function timeOf(iso: string): number {
	return Date.parse(iso);
}
