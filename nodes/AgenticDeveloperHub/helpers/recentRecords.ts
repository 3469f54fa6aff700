import type { IDataObject } from 'n8n-workflow';
import type { ReadBackLookup } from '../transport';
import { listedItems } from './api';

/*
 * The records made since a moment (`lookup.since()`, on the Hub's clock), read from the lists the
 * Hub publishes. Both ways of finding an earlier write read them: the transport's read-back after
 * a lost answer (readBack.ts: since the attempt began) and Skip If Already Done (earlierWrites.ts:
 * within Look Back).
 */

export const PAGE_SIZE = 100;
/** Pages read at most: beyond them the window is too busy to read (`complete: false`). */
export const MAX_PAGES = 5;

type Lookup = Pick<ReadBackLookup, 'get' | 'since'>;

export interface Recent {
	records: IDataObject[];
	/** False when more than MAX_PAGES pages would have to be read. */
	complete: boolean;
}

/** A timestamp the Hub must give (createdAt, lastActivityAt), in ms. */
export function timeOf(record: IDataObject, field: string): number {
	const time = typeof record[field] === 'string' ? Date.parse(record[field]) : Number.NaN;
	if (Number.isNaN(time)) throw new Error(`the Hub answered a record without a readable ${field}`);
	return time;
}

/** The community's topics active since the moment: the list is most recently active first, so it ends at the first idle one. */
export async function topicsActiveSince(lookup: Lookup, communityId: string): Promise<Recent> {
	const records: IDataObject[] = [];
	for (let page = 1; page <= MAX_PAGES; page++) {
		const topics = listedItems(await lookup.get('/api/discussion/topics', { communityId, page, pageSize: PAGE_SIZE }));
		const active = topics.filter((topic) => timeOf(topic, 'lastActivityAt') >= lookup.since());
		records.push(...active);
		if (topics.length === 0 || active.length < topics.length) return { records, complete: true };
	}
	return { records, complete: false };
}

/**
 * The thread's posts created since the moment. The thread is in order (`postNumber` ascending) with
 * no total: its end is found from the topic's replyCount, then it is read backwards to the first
 * post older than the moment. A topic without a reply, or idle since the moment, has none to read.
 */
export async function threadPostsSince(lookup: Lookup, topicId: string): Promise<Recent> {
	const path = `/api/discussion/topics/${encodeURIComponent(topicId)}`;
	const topic = await lookup.get(path);
	if (timeOf(topic, 'lastActivityAt') < lookup.since() || topic.replyCount === 0) return { records: [], complete: true };
	const lastNumber = (typeof topic.replyCount === 'number' ? topic.replyCount : 0) + 1;
	const read = async (page: number) => listedItems(await lookup.get(`${path}/posts`, { page, pageSize: PAGE_SIZE }));
	let page = Math.max(1, Math.ceil(lastNumber / PAGE_SIZE));
	const pages: IDataObject[][] = [];
	// A short page holding the last post (by postNumber) ends the thread; else (the Hub may serve
	// smaller pages than asked) read on to an empty page.
	const ends = (posts: IDataObject[]) => posts.length < PAGE_SIZE && Number(posts[posts.length - 1].postNumber) >= lastNumber;
	for (let posts = await read(page); posts.length > 0; posts = await read(++page)) {
		if (pages.length >= MAX_PAGES) return { records: [], complete: false };
		pages.push(posts);
		if (ends(posts)) {
			page += 1;
			break;
		}
	}
	for (let first = page - pages.length; first > 1 && (pages.length === 0 || timeOf(pages[0][0], 'createdAt') >= lookup.since()); ) {
		if (pages.length >= MAX_PAGES) return { records: [], complete: false };
		pages.unshift(await read(--first));
	}
	return { records: pages.flat().filter((post) => timeOf(post, 'createdAt') >= lookup.since()), complete: true };
}

/** The caller's connections in the ecosystem (`GET /integrations` lists the caller's own only). */
export async function connectionsIn(lookup: Pick<ReadBackLookup, 'get'>, ecosystemId: string): Promise<IDataObject[]> {
	return listedItems(await lookup.get('/api/integrations', { ecosystemId }), 'connections');
}
