import type { IDataObject } from 'n8n-workflow';
import { sameText, timeOf } from './readBack';
import type { EarlierWrite } from './skipIfDone';

/*
 * How each 'readBack' operation finds its own earlier write for Skip If Already Done (skipIfDone.ts):
 * the records made within Look Back, read once per scope and execution, and what makes one this
 * item's. Only fields that hub-openapi.json defines are used.
 */

const PAGE_SIZE = 100;
/** Pages read at most: beyond them the look-back window is too busy to read (an error says so). */
const MAX_PAGES = 5;

function itemsOf(answer: IDataObject, field = 'items'): IDataObject[] {
	return Array.isArray(answer[field]) ? (answer[field] as IDataObject[]) : [];
}

function tooBusy(noun: string): Error {
	return new Error(`more than ${MAX_PAGES * PAGE_SIZE} ${noun} changed within Look Back (Minutes): shorten it`);
}

/** Topic Create: the community's topics created within the window, with this title. */
export function earlierTopic(communityId: string, title: string): EarlierWrite {
	return {
		scope: `topics:${communityId}`,
		byCaller: true,
		async list(lookup) {
			const found: IDataObject[] = [];
			for (let page = 1; page <= MAX_PAGES; page++) {
				const topics = itemsOf(await lookup.get('/api/discussion/topics', { communityId, page, pageSize: PAGE_SIZE }));
				// Most recently active first: past the first one idle since before the window, none is new.
				const active = topics.filter((topic) => timeOf(topic, 'lastActivityAt') >= lookup.since());
				found.push(...active);
				if (topics.length === 0 || active.length < topics.length) return found;
			}
			throw tooBusy('topics');
		},
		matches: (topic, since) => topic.communityId === communityId && sameText(topic.title, title) && timeOf(topic, 'createdAt') >= since,
	};
}

/**
 * Post Reply: the thread's posts created within the window (its end found from the topic's
 * replyCount, then read backwards to the first post older than the window), with this body.
 */
export function earlierReply(topicId: string, body: string, parentPostId?: string): EarlierWrite {
	return {
		scope: `posts:${topicId}`,
		byCaller: true,
		async list(lookup) {
			const path = `/api/discussion/topics/${encodeURIComponent(topicId)}`;
			const topic = await lookup.get(path);
			// Nothing was posted in it within the window: no thread to read.
			if (timeOf(topic, 'lastActivityAt') < lookup.since()) return [];
			const lastNumber = (typeof topic.replyCount === 'number' ? topic.replyCount : 0) + 1;
			const read = async (page: number) => itemsOf(await lookup.get(`${path}/posts`, { page, pageSize: PAGE_SIZE }));
			let page = Math.max(1, Math.ceil(lastNumber / PAGE_SIZE));
			const pages: IDataObject[][] = [];
			// A short page holding the last post (by postNumber) ends the thread; else (the Hub may
			// serve smaller pages than asked) read on to an empty page.
			const ends = (posts: IDataObject[]) => posts.length < PAGE_SIZE && Number(posts[posts.length - 1].postNumber) >= lastNumber;
			for (let posts = await read(page); posts.length > 0; posts = await read(++page)) {
				pages.push(posts);
				if (ends(posts)) {
					page += 1;
					break;
				}
			}
			for (let first = page - pages.length; first > 1 && (pages.length === 0 || timeOf(pages[0][0], 'createdAt') >= lookup.since()); ) {
				if (pages.length >= MAX_PAGES) throw tooBusy('replies');
				pages.unshift(await read(--first));
			}
			return pages.flat().filter((post) => timeOf(post, 'createdAt') >= lookup.since());
		},
		matches: (post) =>
			typeof post.content === 'string' &&
			sameText(post.content, body) &&
			(parentPostId === undefined || post.parentPostId === parentPostId),
	};
}

/** Integration Connect: a connection (the list holds the caller's own) of this provider made within the window. */
export function earlierConnection(ecosystemId: string, providerId: string, serviceType: string, identifier?: string): EarlierWrite {
	return {
		scope: `connections:${ecosystemId}`,
		list: async (lookup) => itemsOf(await lookup.get('/api/integrations', { ecosystemId }), 'connections'),
		matches: (connection, since) =>
			connection.provider === providerId &&
			connection.serviceType === serviceType &&
			(identifier === undefined || connection.username === identifier) &&
			timeOf(connection, 'createdAt') >= since,
	};
}

/** Sync Now: the connection already synced within the window (the Hub's `lastSyncAt`). */
export function earlierSync(ecosystemId: string, connectionId: string): EarlierWrite {
	return {
		scope: `connections:${ecosystemId}`,
		shared: true,
		list: async (lookup) => itemsOf(await lookup.get('/api/integrations', { ecosystemId }), 'connections'),
		matches: (connection, since) =>
			connection.id === connectionId && typeof connection.lastSyncAt === 'string' && timeOf(connection, 'lastSyncAt') >= since,
	};
}

/** Topic Update: the topic already holds every value sent (read per item: an earlier item may have changed it). */
export function earlierUpdate(topicId: string, changes: IDataObject): EarlierWrite {
	return {
		shared: true,
		list: async (lookup) => [await lookup.get(`/api/discussion/topics/${encodeURIComponent(topicId)}`)],
		matches: (topic) =>
			Object.entries(changes).every(([field, value]) => (field === 'title' ? sameText(topic.title, String(value)) : (topic[field] ?? null) === value)),
	};
}
