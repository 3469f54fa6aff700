import type { IDataObject } from 'n8n-workflow';
import { sendHubRequest, type HubContext, type HubRequestOptions } from './request';

export interface PaginationSpec {
	/** The array in the wrapper: 'items', 'chats', 'topics', 'posts', ... */
	itemsKey: string;
	/** The route's largest pageSize, sent on every page. */
	maxPageSize: number;
	/** e.g. 'topicsHasMore' for search; else `total`, else a short page ends the list. */
	hasMoreKey?: string;
}

/** Guards against a Hub that never signals the end. */
const MAX_PAGES = 10_000;

function isLastPage(wrapper: IDataObject, spec: PaginationSpec, page: number, received: number): boolean {
	if (received === 0) return true;
	if (spec.hasMoreKey) return wrapper[spec.hasMoreKey] !== true;
	const pageSize = typeof wrapper.pageSize === 'number' && wrapper.pageSize > 0 ? wrapper.pageSize : spec.maxPageSize;
	if (typeof wrapper.total === 'number') return page * pageSize >= wrapper.total;
	return received < pageSize;
}

/** GET page=1,2,... at the route's largest page size; stops once it has `limit` items or the list ends. */
export async function fetchAllPages<T>(
	ctx: HubContext,
	endpoint: string,
	spec: PaginationSpec,
	options: HubRequestOptions & { limit?: number } = {},
): Promise<T[]> {
	const { limit, ...requestOptions } = options;
	const results: T[] = [];
	if (limit !== undefined && limit <= 0) return results;
	for (let page = 1; page <= MAX_PAGES; page++) {
		const wrapper = ((await sendHubRequest(ctx, 'GET', endpoint, {
			...requestOptions,
			qs: { ...(requestOptions.qs ?? {}), page, pageSize: spec.maxPageSize },
		})) ?? {}) as IDataObject;
		const items = Array.isArray(wrapper[spec.itemsKey]) ? (wrapper[spec.itemsKey] as T[]) : [];
		for (const item of items) {
			results.push(item);
			if (limit !== undefined && results.length >= limit) return results;
		}
		if (isLastPage(wrapper, spec, page, items.length)) break;
	}
	return results;
}
