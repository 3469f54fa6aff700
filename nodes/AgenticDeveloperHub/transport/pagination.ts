import type { IDataObject } from 'n8n-workflow';
import { HUB_BOUNDS, HubBoundError } from './bounds';
import { sendHubRequest, type HubContext, type HubRequestOptions } from './request';

export interface PaginationSpec {
	/** The array in the wrapper: 'items', 'chats', 'topics', 'posts', ... */
	itemsKey: string;
	/** The page size to ask for, sent on every page: the route's largest, or 100 where the types give none. */
	maxPageSize: number;
	/** e.g. 'topicsHasMore' for search; else `total`, else the pages' lengths end the list. */
	hasMoreKey?: string;
}

/** What the pages read so far tell about where the list ends. */
interface PagingState {
	/** Rows received on every page so far. */
	received: number;
	/** How many rows the Hub served on the first page: what it serves per page. */
	served?: number;
	/** The IDs of the rows received, to tell a page that brings nothing new. */
	seen: Set<unknown>;
	/** Pages in a row that brought no row not seen before. */
	pagesWithoutProgress: number;
}

/**
 * Counts a page that brings no row not seen before (a cursor that repeats); past the bound, the
 * list stops with an error. Rows without an ID count as new.
 */
function checkProgress(rows: unknown[], state: PagingState, endpoint: string): void {
	let fresh = false;
	for (const row of rows) {
		const id = (row as { id?: unknown } | null)?.id;
		if (id === undefined || !state.seen.has(id)) fresh = true;
		if (id !== undefined) state.seen.add(id);
	}
	state.pagesWithoutProgress = fresh || rows.length === 0 ? 0 : state.pagesWithoutProgress + 1;
	if (state.pagesWithoutProgress >= HUB_BOUNDS.listPagesWithoutProgress) {
		throw new HubBoundError(
			'listPagesWithoutProgress',
			`Stopped reading ${endpoint}: ${state.pagesWithoutProgress} pages in a row brought only records already read (bound listPagesWithoutProgress): the Hub's pages repeat themselves.`,
		);
	}
}

/**
 * Whether the list ends with this page: by the wrapper's flag (`topicsHasMore`) or `total` where it
 * has one, else at an empty page or a page shorter than the first. The published types give no
 * maximum page size for most lists, so the Hub may serve fewer rows than asked: a short first page
 * is no proof of the end, the next request (at most one more) tells.
 */
function isLastPage(wrapper: IDataObject, spec: PaginationSpec, rows: number, state: PagingState): boolean {
	state.received += rows;
	if (rows === 0) return true;
	if (spec.hasMoreKey) return wrapper[spec.hasMoreKey] !== true;
	if (typeof wrapper.total === 'number') return state.received >= wrapper.total;
	if (state.served === undefined) {
		state.served = rows;
		return false;
	}
	return rows < state.served;
}

/** GET page=1,2,... at the spec's page size; stops once it has `limit` items or the list ends. */
export async function fetchAllPages<T>(
	ctx: HubContext,
	endpoint: string,
	spec: PaginationSpec,
	options: HubRequestOptions & { limit?: number } = {},
): Promise<T[]> {
	const { limit, ...requestOptions } = options;
	const results: T[] = [];
	if (limit !== undefined && limit <= 0) return results;
	const state: PagingState = { received: 0, seen: new Set(), pagesWithoutProgress: 0 };
	for (let page = 1; ; page++) {
		// A Hub that never signals the end stops here, with an error rather than a silently cut list.
		if (page > HUB_BOUNDS.pagesPerList) {
			throw new HubBoundError(
				'pagesPerList',
				`Stopped reading ${endpoint} after ${HUB_BOUNDS.pagesPerList} pages (bound pagesPerList): the Hub's list did not end. Set a Limit instead of Return All.`,
			);
		}
		const wrapper = ((await sendHubRequest(ctx, 'GET', endpoint, {
			...requestOptions,
			qs: { ...(requestOptions.qs ?? {}), page, pageSize: spec.maxPageSize },
		})) ?? {}) as IDataObject;
		const items = Array.isArray(wrapper[spec.itemsKey]) ? (wrapper[spec.itemsKey] as T[]) : [];
		checkProgress(items, state, endpoint);
		for (const item of items) {
			results.push(item);
			if (limit !== undefined && results.length >= limit) return results;
		}
		if (isLastPage(wrapper, spec, items.length, state)) return results;
	}
}
