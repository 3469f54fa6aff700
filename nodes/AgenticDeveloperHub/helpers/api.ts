import type { IDataObject, IHttpRequestMethods } from 'n8n-workflow';
import {
	hubApiRequest,
	hubApiRequestAllItems,
	type HubContext,
	type HubRequestOptions,
	type PaginationSpec,
} from '../transport';

/** `hubApiRequest` with the response typed (a `.call` cannot take type arguments). */
export async function hubRequest<T = IDataObject>(
	context: HubContext,
	method: IHttpRequestMethods,
	endpoint: string,
	options?: HubRequestOptions,
): Promise<T> {
	const request = hubApiRequest<T>;
	return await request.call(context, method, endpoint, options);
}

/** `hubApiRequestAllItems` with the items typed. */
export async function hubRequestAll<T = IDataObject>(
	context: HubContext,
	endpoint: string,
	spec: PaginationSpec,
	options?: HubRequestOptions & { limit?: number },
): Promise<T[]> {
	const requestAll = hubApiRequestAllItems<T>;
	return await requestAll.call(context, endpoint, spec, options);
}

/** `/api/communities/{id}` + `suffix`: every community route, the ID (or slug) one encoded segment. */
export function communityRoute(community: string, suffix = ''): string {
	return `/api/communities/${encodeURIComponent(community)}${suffix}`;
}

/** The records of a list answer (`{ items }`, or another field), none when the Hub sent no list. */
export function listedItems(answer: IDataObject, field = 'items'): IDataObject[] {
	return Array.isArray(answer[field]) ? (answer[field] as IDataObject[]) : [];
}
