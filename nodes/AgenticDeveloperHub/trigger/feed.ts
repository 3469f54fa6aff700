import { timeOf } from './api';
import { placeOf, scanNewestFirst, type NewestFirstList } from './paging';

/**
 * What a trigger remembers about a newest-first list between polls (kept as JSON in the
 * workflow's static data). A poll reads the list down to `horizon`; what it finds there is new
 * when it was born at or after `since` and is not in `seen`.
 *
 * `since` trails `horizon` by one poll on purpose: a row that moved to the top while a poll was
 * paging (a topic that got a reply) is missed by that poll, and the next poll still sees it,
 * because it was born after the horizon of the poll before.
 */
export interface FeedMark {
	/** The newest sort time the last poll saw (ISO); null while the list was empty. */
	horizon: string | null;
	/** The horizon one poll earlier: nothing born before it is new. */
	since: string | null;
	/** Rows at exactly `horizon`: the next first page must reach past them. */
	tied: number;
	/** Rows born at or after `since` that were already handled: id -> birth time (ISO). */
	seen: Record<string, string>;
}

export interface Feed<T> extends NewestFirstList<T> {
	/** When the row came to be (ISO): what makes it new. */
	bornAt(item: T): string;
}

/** Room on an idle poll's first page for a few new rows, so that a quiet feed costs one request. */
const FIRST_PAGE_SLACK = 5;

function firstPageSize(mark: FeedMark | undefined): number {
	return (mark?.tied ?? 0) + FIRST_PAGE_SLACK;
}

function isoOf(time: number | null): string | null {
	return time === null ? null : new Date(time).toISOString();
}

/** The newest sort time among `rows` and `previous`, and how many rows sit exactly there. */
function newHorizon<T>(feed: Feed<T>, rows: T[], previous: string | null): { horizon: string | null; tied: number } {
	let newest = previous === null ? null : placeOf(timeOf(previous));
	for (const row of rows) {
		const at = placeOf(feed.sortKey(row));
		if (at !== null && (newest === null || at > newest)) newest = at;
	}
	const tied = rows.filter((row) => newest !== null && placeOf(feed.sortKey(row)) === newest).length;
	return { horizon: isoOf(newest), tied };
}

/** Keeps the handled rows that can still come up as candidates: those born at or after `since`. */
function keepSeen(seen: Record<string, string>, since: string | null): Record<string, string> {
	if (since === null) return seen;
	const from = timeOf(since);
	return Object.fromEntries(Object.entries(seen).filter(([, born]) => timeOf(born) >= from));
}

/** First activation: remembers where the list is now, so that only later rows count. */
export async function startFeed<T>(feed: Feed<T>): Promise<FeedMark> {
	const rows = await scanNewestFirst(feed, 'newest', firstPageSize(undefined));
	const { horizon, tied } = newHorizon(feed, rows, null);
	const seen = Object.fromEntries(rows.map((row) => [feed.id(row), feed.bornAt(row)]));
	return { horizon, since: horizon, tied, seen: keepSeen(seen, horizon) };
}

/** The rows new since `mark`, oldest first, and the mark to keep once the poll succeeded. */
export async function pollFeed<T>(feed: Feed<T>, mark: FeedMark): Promise<{ fresh: T[]; mark: FeedMark }> {
	const stopBelow = mark.horizon === null ? null : timeOf(mark.horizon);
	const rows = await scanNewestFirst(feed, stopBelow, firstPageSize(mark));
	const since = mark.since === null ? null : timeOf(mark.since);
	const fresh = rows.filter(
		(row) => !Object.hasOwn(mark.seen, feed.id(row)) && (since === null || timeOf(feed.bornAt(row)) >= since),
	);
	const { horizon, tied } = newHorizon(feed, rows, mark.horizon);
	const seen = { ...mark.seen, ...Object.fromEntries(fresh.map((row) => [feed.id(row), feed.bornAt(row)])) };
	return {
		fresh: oldestFirst(feed, fresh),
		mark: { horizon, since: mark.horizon, tied, seen: keepSeen(seen, mark.horizon) },
	};
}

/** Birth order; rows born in the same millisecond keep the reverse of the list's order. */
export function oldestFirst<T>(feed: Feed<T>, rows: T[]): T[] {
	return rows
		.map((row, index) => ({ row, index, born: timeOf(feed.bornAt(row)) }))
		.sort((a, b) => a.born - b.born || b.index - a.index)
		.map(({ row }) => row);
}

/** The newest-born row of the list's first page, for "Fetch Test Event". */
export async function newestOf<T>(feed: Feed<T>, pageSize: number): Promise<T | undefined> {
	const rows = await feed.fetchPage(1, Math.min(pageSize, feed.maxPageSize));
	return oldestFirst(feed, rows).pop();
}
