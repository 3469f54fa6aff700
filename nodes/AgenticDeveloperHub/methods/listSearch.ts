import type { IDataObject, ILoadOptionsFunctions, INodeListSearchItems, INodeListSearchResult } from 'n8n-workflow';
import { hubRequest } from '../helpers/api';
import { ecosystemIdOrDefault } from '../helpers/ecosystem';
import { readLocator, resolveCommunityId } from '../helpers/locators';
import { newestFirst } from '../helpers/order';

/** Pickers fetch this many per page; every list route below allows at least 100. */
const PICKER_PAGE_SIZE = 100;
/** Search results name posts by their topic's title, one lookup per topic: fewer per page. */
const POST_SEARCH_PAGE_SIZE = 20;
/** Hub pages a picker reads per call at most when it filters a list the Hub cannot filter. */
const FILTER_SCAN_PAGES = 5;

function pageOf(paginationToken?: string): number {
	const page = Number(paginationToken);
	return Number.isInteger(page) && page > 1 ? page : 1;
}

function shorten(text: unknown, max = 60): string {
	const flat = String(text ?? '').replace(/\s+/g, ' ').trim();
	return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

function matches(filter: string | undefined, ...texts: unknown[]): boolean {
	if (!filter) return true;
	const needle = filter.toLowerCase();
	return texts.some((text) => String(text ?? '').toLowerCase().includes(needle));
}

/** One page of results, with a token for the next page when `hasMore`. */
function pageResult(results: INodeListSearchItems[], page: number, hasMore: boolean): INodeListSearchResult {
	return hasMore ? { results, paginationToken: String(page + 1) } : { results };
}

/** The current node's parameter, or undefined outside the editor (e.g. in the harness). */
function currentParameter(context: ILoadOptionsFunctions, name: string): unknown {
	try {
		return context.getCurrentNodeParameter(name);
	} catch {
		return undefined;
	}
}

/**
 * Picker results from a list the Hub cannot filter by text (topics, posts): reads its pages from
 * `page` on and keeps the rows `keep` accepts, until a picker page is full, the list ends, or
 * FILTER_SCAN_PAGES pages were read; the token resumes at the next page. These lists have no
 * `total`, and a Hub may serve fewer rows than asked, so only an empty page ends them.
 */
async function scanList(
	fetchPage: (page: number) => Promise<IDataObject[]>,
	page: number,
	keep: (row: IDataObject) => boolean,
	toItem: (row: IDataObject) => INodeListSearchItems,
): Promise<INodeListSearchResult> {
	const results: INodeListSearchItems[] = [];
	for (let current = page; current < page + FILTER_SCAN_PAGES; current++) {
		const rows = await fetchPage(current);
		if (rows.length === 0) return { results };
		results.push(...rows.filter(keep).map(toItem));
		if (results.length >= PICKER_PAGE_SIZE) return { results, paginationToken: String(current + 1) };
	}
	return { results, paginationToken: String(page + FILTER_SCAN_PAGES) };
}

/**
 * Topics of the node's `communityId` when set (most recently active first), else of every
 * community. Search results carry no `communityId`, so a filter within a community is applied here
 * to the community's topics; without a community it is the Hub's search.
 */
export async function searchTopics(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const page = pageOf(paginationToken);
	const communityId = await resolveCommunityId.call(this, currentParameter(this, 'communityId'), 'Community');
	if (filter && !communityId) {
		const found = await hubRequest(this, 'GET', '/api/search/discussions', {
			qs: { q: filter, type: 'topics', page, pageSize: PICKER_PAGE_SIZE },
		});
		return pageResult(((found.topics as IDataObject[]) ?? []).map(topicItem), page, found.topicsHasMore === true);
	}
	const fetchPage = async (current: number) => {
		const qs: IDataObject = { page: current, pageSize: PICKER_PAGE_SIZE };
		if (communityId) qs.communityId = communityId;
		const listed = await hubRequest(this, 'GET', '/api/discussion/topics', { qs, resource: 'community' });
		return (listed.items as IDataObject[]) ?? [];
	};
	return await scanList(fetchPage, page, (topic) => matches(filter, topic.title), topicItem);
}

function topicItem(topic: IDataObject): INodeListSearchItems {
	return { name: shorten(topic.title, 100) || String(topic.id), value: String(topic.id) };
}

/**
 * Posts of the node's `topicId`, in thread order. Without a topic, a typed filter searches every
 * post; search results carry no content, so they are named by their topic's title.
 */
export async function searchPosts(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const page = pageOf(paginationToken);
	const topicId = readLocator.call(this, currentParameter(this, 'topicId'), 'topic', 'Topic')?.value;
	if (!topicId) {
		if (!filter) return { results: [] };
		const found = await hubRequest(this, 'GET', '/api/search/discussions', {
			qs: { q: filter, type: 'posts', page, pageSize: POST_SEARCH_PAGE_SIZE },
		});
		const results = await foundPostItems(this, (found.posts as IDataObject[]) ?? []);
		return pageResult(results, page, found.postsHasMore === true);
	}
	const endpoint = `/api/discussion/topics/${encodeURIComponent(topicId)}/posts`;
	const fetchPage = async (current: number) => {
		const listed = await hubRequest(this, 'GET', endpoint, { qs: { page: current, pageSize: PICKER_PAGE_SIZE }, resource: 'topic' });
		return (listed.items as IDataObject[]) ?? [];
	};
	return await scanList(fetchPage, page, (post) => matches(filter, post.content), postItem);
}

/** `#3: the post's text`, or `#3` where the Hub gave no content. */
function postItem(post: IDataObject): INodeListSearchItems {
	const content = shorten(post.content);
	return { name: content ? `#${post.postNumber}: ${content}` : `#${post.postNumber}`, value: String(post.id) };
}

/** Search results as `#3 in "Topic title"`: one `GET /discussion/topics/{id}` per topic among them. */
async function foundPostItems(context: ILoadOptionsFunctions, posts: IDataObject[]): Promise<INodeListSearchItems[]> {
	const titles = new Map<string, string>();
	for (const topicId of new Set(posts.map((post) => String(post.topicId)))) {
		const topic = await hubRequest(context, 'GET', `/api/discussion/topics/${encodeURIComponent(topicId)}`, { resource: 'topic' });
		titles.set(topicId, shorten(topic.title, 60));
	}
	return posts.map((post) => ({ name: `#${post.postNumber} in "${titles.get(String(post.topicId))}"`, value: String(post.id) }));
}

/** Direct-message chats, newest activity first, named by the other person and the last message. */
export async function searchChats(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const page = pageOf(paginationToken);
	const listed = await hubRequest(this, 'GET', '/api/chat/dms', { qs: { page, pageSize: PICKER_PAGE_SIZE } });
	const chats = (listed.chats as IDataObject[]) ?? [];
	const results = chats
		.filter((chat) => matches(filter, chat.otherUserId, (chat.lastMessage as IDataObject | null)?.body))
		.map((chat) => {
			const last = chat.lastMessage as IDataObject | null;
			const unread = Number(chat.unreadCount) > 0 ? ` (${chat.unreadCount} unread)` : '';
			const preview = last ? `: "${shorten(last.body, 40)}"` : '';
			return { name: `Chat with user ${chat.otherUserId}${preview}${unread}`, value: String(chat.chatId) };
		});
	return pageResult(results, page, page * PICKER_PAGE_SIZE < Number(listed.total ?? 0));
}

/** Inbox notifications, newest first (by `createdAt`: the Hub does not promise an order). */
export async function searchNotifications(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const page = pageOf(paginationToken);
	const listed = await hubRequest(this, 'GET', '/api/notifications', {
		qs: { page, pageSize: PICKER_PAGE_SIZE },
	});
	const notifications = newestFirst((listed.items as IDataObject[]) ?? []);
	const results = notifications
		.filter((notification) => matches(filter, notification.title, notification.category))
		.map((notification) => ({
			name: `${shorten(notification.title, 80)} (${notification.category}, ${notification.isRead ? 'read' : 'unread'})`,
			value: String(notification.id),
		}));
	return pageResult(results, page, page * PICKER_PAGE_SIZE < Number(listed.total ?? 0));
}

/** Integration connections of the node's `ecosystemId`, or of the default ecosystem when it is empty. */
export async function searchConnections(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const ecosystemId = await ecosystemIdOrDefault(this, currentParameter(this, 'ecosystemId'));
	const listed = await hubRequest(this, 'GET', '/api/integrations', { qs: { ecosystemId }, resource: 'ecosystem' });
	const connections = (listed.connections as IDataObject[]) ?? [];
	const results = connections
		.filter((connection) => matches(filter, connection.displayName, connection.provider, connection.username))
		.map((connection) => ({
			name: `${connection.displayName} (${connection.provider}, ${connection.status})`,
			value: String(connection.id),
		}));
	return { results };
}

export async function searchEcosystems(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const ecosystems = await hubRequest<IDataObject[]>(this, 'GET', '/api/ecosystem/ecosystems');
	const results = ecosystems
		.filter((ecosystem) => matches(filter, ecosystem.name, ecosystem.slug))
		.map((ecosystem) => ({
			name: `${ecosystem.name}${ecosystem.isDefault ? ' (default)' : ''}`,
			value: String(ecosystem.id),
		}));
	return { results };
}

export { searchUsers } from './searchUsers';
