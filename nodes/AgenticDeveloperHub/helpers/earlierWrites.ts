import type { IDataObject } from 'n8n-workflow';
import { communityRoute, listedItems } from './api';
import { sameText } from './readBack';
import { connectionsIn, MAX_PAGES, PAGE_SIZE, threadPostsSince, timeOf, topicsActiveSince } from './recentRecords';
import type { EarlierWrite } from './skipIfDone';

/*
 * How each 'readBack' operation finds its own earlier write for Skip If Already Done (skipIfDone.ts):
 * the records made within Look Back, read once per scope and execution, and what makes one this
 * item's. Only fields that hub-openapi.json defines are used.
 */

function tooBusy(noun: string): Error {
	return new Error(`more than ${MAX_PAGES * PAGE_SIZE} ${noun} changed within Look Back (Minutes): shorten it`);
}

/** Topic Create: the community's topics created within the window, with this title. */
export function earlierTopic(communityId: string, title: string): EarlierWrite {
	return {
		scope: `topics:${communityId}`,
		byCaller: true,
		async list(lookup) {
			const { records, complete } = await topicsActiveSince(lookup, communityId);
			if (!complete) throw tooBusy('topics');
			return records;
		},
		matches: (topic, since) => topic.communityId === communityId && sameText(topic.title, title) && timeOf(topic, 'createdAt') >= since,
	};
}

/** Post Reply: the thread's posts created within the window (recentRecords.ts), with this body. */
export function earlierReply(topicId: string, body: string, parentPostId?: string): EarlierWrite {
	return {
		scope: `posts:${topicId}`,
		byCaller: true,
		async list(lookup) {
			const { records, complete } = await threadPostsSince(lookup, topicId);
			if (!complete) throw tooBusy('replies');
			return records;
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
		list: async (lookup) => connectionsIn(lookup, ecosystemId),
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
		list: async (lookup) => connectionsIn(lookup, ecosystemId),
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

/** Every value sent is what the record holds (null and absent alike), texts compared as the Hub stores them. */
function holdsEvery(record: IDataObject, changes: IDataObject): boolean {
	return Object.entries(changes).every(([field, value]) =>
		typeof value === 'string' ? sameText(record[field], value) : JSON.stringify(record[field] ?? null) === JSON.stringify(value ?? null),
	);
}


/**
 * Create Category: a category of the community with this slug and name made within the window
 * (slugs are unique in a community: one with this slug made earlier, or named otherwise, is not
 * this item's, and writing gets the Hub's 409).
 */
export function earlierCategory(communityId: string, slug: string, name: string): EarlierWrite {
	return {
		scope: `categories:${communityId}`,
		list: async (lookup) => listedItems(await lookup.get(communityRoute(communityId, '/categories'))),
		matches: (category, since) => category.slug === slug && sameText(category.name, name) && timeOf(category, 'createdAt') >= since,
	};
}

/** Update Category: the category already holds every value sent (read per item: an earlier item may have changed it). */
export function earlierCategoryUpdate(communityId: string, categoryId: string, changes: IDataObject): EarlierWrite {
	return {
		shared: true,
		list: async (lookup) => listedItems(await lookup.get(communityRoute(communityId, '/categories'))),
		matches: (category) => category.id === categoryId && holdsEvery(category, changes),
	};
}

/** Add Member: the person is a member with this role already (adding sets the role: a state, whenever it was made). */
export function earlierMember(communityId: string, customerId: string, role: string): EarlierWrite {
	return {
		shared: true,
		list: async (lookup) => listedItems(await lookup.get(communityRoute(communityId, '/members'))),
		matches: (member) => member.customerId === customerId && member.role === role,
	};
}

/** Update My Membership: the caller's membership (the members list: `members/me` holds only the role) already has this bio. */
export function earlierMembership(communityId: string, bio: string): EarlierWrite {
	return {
		shared: true,
		byCaller: true,
		list: async (lookup) => listedItems(await lookup.get(communityRoute(communityId, '/members'))),
		matches: (member) => (member.bio ?? '') === bio,
	};
}

/** Integration Update Settings: the connection's `syncSettings` already hold every setting sent. */
export function earlierSettings(ecosystemId: string, connectionId: string, settings: IDataObject): EarlierWrite {
	return {
		shared: true,
		list: async (lookup) => connectionsIn(lookup, ecosystemId),
		matches: (connection) =>
			connection.id === connectionId && typeof connection.syncSettings === 'object' && connection.syncSettings !== null && holdsEvery(connection.syncSettings as IDataObject, settings),
	};
}

/** User Update Me: the caller's profile (`GET /api/auth/me`) already holds every field sent. */
export function earlierProfile(changes: IDataObject): EarlierWrite {
	return {
		shared: true,
		list: async (lookup) => [await lookup.get('/api/auth/me')],
		matches: (profile) => holdsEvery(profile, changes),
	};
}
