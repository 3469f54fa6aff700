/*
 * Canned Hub records in the published shapes of hub-openapi.json (every answer that carries them is
 * validated against the types before a test uses it).
 */

export const IDS = {
	user: '0b7d6c1e-1111-4a1e-9a2f-000000000001',
	other: '0b7d6c1e-1111-4a1e-9a2f-000000000002',
	community: '5c0a8f3e-2222-4b2c-8d3e-000000000001',
	category: '5c0a8f3e-2222-4b2c-8d3e-0000000000c1',
	topic: '3f1c2a9e-5b7d-4c1e-9a2f-6d8b0e4c7a15',
	post: '8e2d4b6a-3333-4c5d-9e6f-000000000002',
	opening: '8e2d4b6a-3333-4c5d-9e6f-000000000001',
	chat: '7a6b5c4d-4444-4e5f-8a9b-000000000001',
	message: '7a6b5c4d-4444-4e5f-8a9b-0000000000m1',
	reaction: '9d8c7b6a-5555-4f6e-8d7c-000000000001',
	notification: '2e3f4a5b-6666-4a7b-8c9d-000000000001',
	connection: 'c1d2e3f4-7777-4a8b-9c0d-000000000001',
	actionLog: 'c1d2e3f4-7777-4a8b-9c0d-0000000000a1',
	ecosystem: 'ecosystem.personal',
	otherEcosystem: 'ecosystem.acme',
} as const;

export const T0 = '2026-11-30T10:00:00.000Z';
export const T1 = '2026-11-30T11:00:00.000Z';
export const T2 = '2026-11-30T12:00:00.000Z';

export const USER = {
	id: IDS.user,
	email: 'ada@example.com',
	name: 'Ada Lovelace',
	avatarUrl: 'https://cdn.example.com/ada.png',
	slug: 'ada',
	publicProfileEnabled: true,
	profileVisibility: 'hub',
	capabilities: ['communities.admin'],
};

export const COMMUNITY = {
	id: IDS.community,
	slug: 'n8n-builders',
	name: 'n8n Builders',
	description: 'Workflows and nodes',
	settings: null,
	isPublic: true,
};

export const CATEGORY = {
	id: IDS.category,
	communityId: IDS.community,
	slug: 'announcements',
	name: 'Announcements',
	description: null,
	color: null,
	displayOrder: 0,
	isPublic: true,
	isArchived: false,
	createdAt: T0,
	updatedAt: T0,
};

export function topic(overrides: Record<string, unknown> = {}) {
	return {
		id: IDS.topic,
		communityId: IDS.community,
		customerId: IDS.user,
		title: 'Webhook retries',
		categoryId: null,
		isPinned: false,
		isLocked: false,
		isPublic: true,
		replyCount: 1,
		answeredPostId: null,
		lastActivityAt: T1,
		createdAt: T0,
		updatedAt: T1,
		excerpt: 'How do you retry?',
		...overrides,
	};
}

/** The topic as Simplify returns it. */
export function simplifiedTopic(overrides: Record<string, unknown> = {}) {
	const { id, title, excerpt, communityId, categoryId, customerId, replyCount, isLocked, lastActivityAt, createdAt } = topic(overrides);
	return { id, title, excerpt, communityId, categoryId, customerId, replyCount, isLocked, lastActivityAt, createdAt };
}

export function post(overrides: Record<string, unknown> = {}) {
	return {
		id: IDS.post,
		topicId: IDS.topic,
		parentPostId: null,
		postNumber: 2,
		bodyDocumentId: null,
		customerId: IDS.other,
		content: 'Use exponential backoff',
		createdAt: T1,
		updatedAt: T1,
		...overrides,
	};
}

export const FOUND_TOPIC = { id: IDS.topic, title: 'Webhook retries', categoryId: null, replyCount: 1, lastActivityAt: T1, createdAt: T0 };
export const FOUND_POST = { id: IDS.post, topicId: IDS.topic, postNumber: 2, bodyDocumentId: null, createdAt: T1, rank: 0.9 };

export function searchAnswer(found: { topics?: unknown[]; posts?: unknown[] }, more: { topicsHasMore?: boolean; postsHasMore?: boolean } = {}) {
	return {
		topics: found.topics ?? [],
		posts: found.posts ?? [],
		page: 1,
		pageSize: 100,
		topicsHasMore: more.topicsHasMore ?? false,
		postsHasMore: more.postsHasMore ?? false,
	};
}

export const REACTION = {
	id: IDS.reaction,
	customerId: IDS.user,
	ecosystemId: IDS.ecosystem,
	targetKind: 'discussion.topics',
	targetId: IDS.topic,
	emoji: '👍',
	createdAt: T1,
	deletedAt: null,
};

export const DM_MESSAGE = {
	id: IDS.message,
	chatId: IDS.chat,
	senderParticipantId: null,
	senderUserId: IDS.other,
	seq: 3,
	role: 'user',
	body: 'Lunch at noon?',
	state: 'sent',
	dateSent: T1,
};

export const CHAT_SUMMARY = {
	chatId: IDS.chat,
	otherUserId: IDS.other,
	lastMessage: { id: IDS.message, senderParticipantId: null, body: 'Lunch at noon?', seq: 3, dateSent: T1 },
	unreadCount: 1,
};

export function notification(overrides: Record<string, unknown> = {}) {
	return {
		id: IDS.notification,
		ecosystemId: IDS.ecosystem,
		userId: IDS.user,
		actorId: IDS.other,
		category: 'community_reply',
		entityKind: 'discussion.posts',
		entityId: IDS.post,
		title: 'Grace replied to Webhook retries',
		body: 'Use exponential backoff',
		data: {},
		status: 'inbox',
		isRead: false,
		dedupeKey: null,
		createdAt: T1,
		updatedAt: T1,
		readAt: null,
		...overrides,
	};
}

export function ecosystem(overrides: Record<string, unknown> = {}) {
	return {
		id: IDS.ecosystem,
		ownerId: IDS.user,
		slug: 'personal',
		name: 'Personal',
		description: '',
		region: 'eu',
		dedicatedDbConnectionId: null,
		primaryDomain: 'ada.example.com',
		createdAt: T0,
		updatedAt: T0,
		isDeleted: false,
		isDefault: true,
		isInfrastructure: false,
		namespaceId: null,
		parentId: null,
		archivedAt: null,
		...overrides,
	};
}

export const ECOSYSTEMS = [ecosystem({ id: IDS.otherEcosystem, slug: 'acme', name: 'Acme', isDefault: false }), ecosystem()];

export function connection(overrides: Record<string, unknown> = {}) {
	return {
		id: IDS.connection,
		provider: 'twilio',
		serviceType: 'sms',
		status: 'active',
		displayName: 'Twilio (AC123)',
		username: 'AC123',
		externalAccountId: 'AC123',
		lastSyncAt: null,
		lastError: null,
		createdAt: T0,
		...overrides,
	};
}

export const PROVIDER = {
	providerId: 'twilio',
	displayName: 'Twilio',
	authMethod: 'api_key',
	serviceTypes: ['sms'],
	capabilities: ['sms'],
	defaultPollIntervalMs: 300000,
	configFields: [
		{ key: 'accountSid', label: 'Account SID', secret: false, required: true },
		{ key: 'authToken', label: 'Auth token', secret: true, required: true },
	],
	subtitle: 'SMS',
	description: 'Send SMS through Twilio',
	links: [{ label: 'Console', url: 'https://console.twilio.com' }],
};

export const BLUESKY = {
	...PROVIDER,
	providerId: 'bluesky',
	displayName: 'Bluesky',
	authMethod: 'app_password',
	serviceTypes: ['social'],
	capabilities: ['post', 'comment'],
	configFields: undefined,
	subtitle: 'Social',
	description: 'Post to Bluesky',
	links: [],
};
delete (BLUESKY as { configFields?: unknown }).configFields;

/** A provider that connects by installing a GitHub App (the newer published types). */
export const GITHUB = { ...BLUESKY, providerId: 'github', displayName: 'GitHub', authMethod: 'github_app', serviceTypes: ['code'], capabilities: ['comment'], subtitle: 'Code', description: 'Issues and pull requests' };

export function actionResult(overrides: Record<string, unknown> = {}) {
	return { ok: true, status: 'ok', actionLogId: IDS.actionLog, externalId: 'SM123', deduped: false, ...overrides };
}

/** The stable per-item key shape is checked by the support; a caller's own key is compared exactly. */
export const OWN_KEY = 'my-own-key-42';
