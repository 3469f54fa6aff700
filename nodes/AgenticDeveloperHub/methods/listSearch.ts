import type {
	IDataObject,
	ILoadOptionsFunctions,
	INodeListSearchItems,
	INodeListSearchResult,
	NodeApiError,
} from 'n8n-workflow';
import { hubRequest, hubRequestAll } from '../helpers/api';
import { readLocator, resolveCommunityId } from '../helpers/locators';

/** Pickers fetch this many per page; every list route below allows at least 100. */
const PICKER_PAGE_SIZE = 100;

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

/** The picker looks for communities among this many most recently active topics (10 requests). */
const COMMUNITY_SCAN_TOPICS = 1_000;

/** A community's name by its ID, or the ID itself where the Hub looks communities up by slug only. */
async function communityName(context: ILoadOptionsFunctions, communityId: string): Promise<IDataObject> {
	const endpoint = `/api/communities/${encodeURIComponent(communityId)}`;
	const lookup = await hubRequest(context, 'GET', endpoint, { resource: 'community' }).then(
		(community) => ({ community }),
		(error: NodeApiError) => ({ error }),
	);
	if ('community' in lookup) return lookup.community;
	if (lookup.error.httpCode === '404') return { id: communityId, name: communityId };
	// Any other failure is already the transport's NodeApiError (auth, scope, rate limit).
	throw lookup.error;
}

/**
 * The Hub has no route that lists communities, so the picker collects the communities of the
 * most recently active topics the user can see and names each with `GET /api/communities/{id}`.
 * A community without recent topics is entered By Slug, By URL or by ID.
 */
export async function searchCommunities(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const topics = await hubRequestAll(
		this,
		'/api/discussion/topics',
		{ itemsKey: 'items', maxPageSize: PICKER_PAGE_SIZE },
		{ limit: COMMUNITY_SCAN_TOPICS },
	);
	const communityIds = [...new Set(topics.map((topic) => String(topic.communityId)))];
	const results: INodeListSearchItems[] = [];
	for (const communityId of communityIds) {
		const community = await communityName(this, communityId);
		if (!matches(filter, community.name, community.slug)) continue;
		results.push({ name: String(community.name ?? communityId), value: String(community.id ?? communityId) });
	}
	return { results };
}

/** Topics of the node's `communityId` when set (most recently active first), else of every community. */
export async function searchTopics(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const page = pageOf(paginationToken);
	const communityId = await resolveCommunityId.call(this, currentParameter(this, 'communityId'), 'Community');
	if (filter) {
		const found = await hubRequest(this, 'GET', '/api/search/discussions', {
			qs: { q: filter, type: 'topics', page, pageSize: PICKER_PAGE_SIZE },
		});
		const topics = ((found.topics as IDataObject[]) ?? []).filter(
			(topic) => !communityId || topic.communityId === communityId,
		);
		return pageResult(topics.map(topicItem), page, found.topicsHasMore === true);
	}
	const listed = await hubRequest(this, 'GET', '/api/discussion/topics', {
		qs: { communityId, page, pageSize: PICKER_PAGE_SIZE },
	});
	const topics = (listed.items as IDataObject[]) ?? [];
	return pageResult(topics.map(topicItem), page, topics.length === PICKER_PAGE_SIZE);
}

function topicItem(topic: IDataObject): INodeListSearchItems {
	return { name: shorten(topic.title, 100) || String(topic.id), value: String(topic.id) };
}

/**
 * Posts of the node's `topicId`, in thread order. Without a topic, a typed filter searches every
 * post (newest first).
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
			qs: { q: filter, type: 'posts', page, pageSize: PICKER_PAGE_SIZE },
		});
		return pageResult(((found.posts as IDataObject[]) ?? []).map(postItem), page, found.postsHasMore === true);
	}
	const listed = await hubRequest(this, 'GET', `/api/discussion/topics/${encodeURIComponent(topicId)}/posts`, {
		qs: { page, pageSize: PICKER_PAGE_SIZE },
		resource: 'topic',
	});
	const posts = (listed.items as IDataObject[]) ?? [];
	const results = posts.filter((post) => matches(filter, post.content)).map(postItem);
	return pageResult(results, page, posts.length === PICKER_PAGE_SIZE);
}

function postItem(post: IDataObject): INodeListSearchItems {
	return { name: `#${post.postNumber}: ${shorten(post.content)}`, value: String(post.id) };
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

/** Inbox notifications, newest first. */
export async function searchNotifications(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const page = pageOf(paginationToken);
	const listed = await hubRequest(this, 'GET', '/api/notifications', {
		qs: { page, pageSize: PICKER_PAGE_SIZE },
	});
	const notifications = (listed.items as IDataObject[]) ?? [];
	const results = notifications
		.filter((notification) => matches(filter, notification.title, notification.category))
		.map((notification) => ({
			name: `${shorten(notification.title, 80)} (${notification.category}, ${notification.isRead ? 'read' : 'unread'})`,
			value: String(notification.id),
		}));
	return pageResult(results, page, page * PICKER_PAGE_SIZE < Number(listed.total ?? 0));
}

/** Integration connections, of the node's `ecosystemId` when set. */
export async function searchConnections(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const ecosystemId = readLocator.call(this, currentParameter(this, 'ecosystemId'), 'ecosystem', 'Ecosystem')?.value;
	const listed = await hubRequest(this, 'GET', '/api/integrations', { qs: { ecosystemId } });
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
