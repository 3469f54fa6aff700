import { HUB_BOUNDS, HubBoundError } from '../transport/bounds';

/** One page of a Hub list: `page` counts from 1, `pageSize` never above the route's maximum. */
export type PageFetcher<T> = (page: number, pageSize: number) => Promise<T[]>;

/**
 * The same pages, at most `limit` of them (HUB_BOUNDS): a list that never ends, repeats itself or
 * sorts by a time that never reaches the mark stops the read with an error naming the bound.
 */
export function boundedPages<T>(fetchPage: PageFetcher<T>, bound: 'pagesPerScan' | 'pagesPerWalkBack', what: string): PageFetcher<T> {
	const limit = HUB_BOUNDS[bound];
	let pages = 0;
	return async (page, pageSize) => {
		pages += 1;
		if (pages > limit) {
			throw new HubBoundError(
				bound,
				`Stopped reading ${what} after ${limit} pages (bound ${bound}): the Hub's list did not end where it should. Nothing was emitted and the trigger's position is unchanged.`,
			);
		}
		return await fetchPage(page, pageSize);
	};
}

/** A sort time that places a row: a finite number; anything else (NaN from an unreadable time) places none. */
export function placeOf(time: number | null): number | null {
	return time !== null && Number.isFinite(time) ? time : null;
}

export interface Window<T> {
	/** The whole page that holds the asked position. */
	rows: T[];
	/** List position of `rows[0]`, at or before the asked position. */
	start: number;
	/** The page came back short: the list ends here. */
	ended: boolean;
}

/**
 * Reads the page of size `pageSize` that holds list position `position` (0-based): Hub lists
 * page on a fixed grid. The whole page is kept, also the rows before `position` that were read
 * already: a row removed above meanwhile moves the rest up, and the row that moved across
 * `position` is then still read (callers skip the rows they have).
 */
export async function readFrom<T>(fetchPage: PageFetcher<T>, position: number, pageSize: number): Promise<Window<T>> {
	const page = Math.floor(position / pageSize) + 1;
	const rows = await fetchPage(page, pageSize);
	return { rows, start: (page - 1) * pageSize, ended: rows.length < pageSize };
}

export interface NewestFirstList<T> {
	fetchPage: PageFetcher<T>;
	maxPageSize: number;
	id(item: T): string;
	/** The time the list is sorted by, newest first; null for rows it does not place by time. */
	sortKey(item: T): number | null;
}

/**
 * The rows of a newest-first list down to `stopBelow` (the first row older than it ends the
 * scan), each once, in list order. `'newest'` stops below the newest row, so that a first look
 * also sees every row sharing its time. The first page is small (an idle poll is one request);
 * only when it holds nothing older than the mark do the next pages use the largest size.
 */
export async function scanNewestFirst<T>(
	list: NewestFirstList<T>,
	stopBelow: number | null | 'newest',
	firstPageSize: number,
): Promise<T[]> {
	const found = new Map<string, T>();
	let mark = stopBelow;
	let position = 0;
	let pageSize = Math.max(1, Math.min(firstPageSize, list.maxPageSize));
	const fetchPage = boundedPages(list.fetchPage, 'pagesPerScan', 'the list');
	for (;;) {
		const { rows, start, ended } = await readFrom(fetchPage, position, pageSize);
		for (const row of rows) {
			const at = placeOf(list.sortKey(row));
			if (at !== null && mark === 'newest') mark = at;
			if (at !== null && typeof mark === 'number' && at < mark) return [...found.values()];
			// New rows arriving at the top push older ones down a page: the same row twice is one row.
			if (!found.has(list.id(row))) found.set(list.id(row), row);
		}
		if (ended) return [...found.values()];
		position = start + rows.length;
		pageSize = list.maxPageSize;
	}
}
