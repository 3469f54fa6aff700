import { z } from 'zod';
import { notFound } from '../core/errors';
import type { Hub } from '../hub';
import type { UserRecord } from '../state';
import type {
	ChatRecord,
	Connection,
	ConnectionRecord,
	Message,
	MessageRecord,
	Notification,
	NotificationRecord,
	Post,
	PostRecord,
	ReactionTargetKind,
	ResourceState,
	Topic,
	TopicRecord,
} from './state';

/**
 * What the domain functions work on. Seeding runs before `hub.state` exists, so they take the
 * data, the users, an id source and the moment explicitly instead of the hub.
 */
export interface World {
	data: ResourceState;
	users: Record<string, UserRecord>;
	newId: () => string;
	/** Epoch milliseconds of "now" for whatever is created. */
	now: number;
	/** Told what arrives for whom (the event streams); absent while seeding. */
	announce?: Announcer;
}

/** What the event streams hear about (realtime/streams.ts). */
export interface Announcer {
	notificationCreated(userId: string): void;
	messageAppended(message: Message, recipientIds: string[]): void;
}

export function worldOf(hub: Hub): World {
	return {
		data: hub.state.data,
		users: hub.state.auth.users,
		newId: () => hub.newId(),
		now: hub.clock.now(),
		announce: hub.streams,
	};
}

export const iso = (ms: number): string => new Date(ms).toISOString();

export function nextSeq(data: ResourceState): number {
	data.sequence += 1;
	return data.sequence;
}

/** Ids in bodies and queries: strings of at most 36 characters (hub-api.md conventions). */
export const idSchema = z.string().min(1).max(36);

export function requireUser(world: World, userId: string): UserRecord {
	const user = world.users[userId];
	if (!user) throw notFound('User');
	return user;
}

export function liveTopic(data: ResourceState, topicId: string): TopicRecord {
	const topic = data.topics[topicId];
	if (!topic || topic.deletedAt) throw notFound('Topic');
	return topic;
}

/** A post that is live and whose topic is live too. */
export function livePost(data: ResourceState, postId: string): PostRecord {
	const post = data.posts[postId];
	if (!post || post.deletedAt || data.topics[post.topicId]?.deletedAt) throw notFound('Post');
	return post;
}

/** Chats the user is not in are answered like unknown ones: 404. */
export function chatOf(data: ResourceState, chatId: string, userId: string): ChatRecord {
	const chat = data.chats[chatId];
	if (!chat || !chat.participantIds.includes(userId)) throw notFound('Chat');
	return chat;
}

/** The default ecosystem's id (every seed has one). */
export function defaultEcosystemId(data: ResourceState): string {
	const ecosystem = data.ecosystems.find((candidate) => candidate.isDefault);
	if (!ecosystem) throw new Error('The sandbox has no default ecosystem');
	return ecosystem.id;
}

/** The ecosystem of a reaction's target: that of the community its topic is in. */
export function ecosystemOfTarget(data: ResourceState, kind: ReactionTargetKind, targetId: string): string {
	const topicId = kind === 'discussion.topics' ? targetId : data.posts[targetId]?.topicId;
	return data.communities[data.topics[topicId ?? '']?.communityId ?? '']?.ecosystemId ?? defaultEcosystemId(data);
}

export function isCommunityAdmin(data: ResourceState, communityId: string, userId: string): boolean {
	return data.communities[communityId]?.adminUserIds.includes(userId) ?? false;
}

/** The caller's connection, not disconnected; anything else is 404. */
export function connectionOf(data: ResourceState, connectionId: string, userId: string): ConnectionRecord {
	const connection = data.connections[connectionId];
	if (!connection || connection.userId !== userId || connection.disconnectedAt) throw notFound('Connection');
	return connection;
}

/** Newest first: by timestamp, then by creation order. */
export function newestFirst<T extends { seq: number }>(items: T[], at: (item: T) => string): T[] {
	return [...items].sort((a, b) => at(b).localeCompare(at(a)) || b.seq - a.seq);
}

export function toTopic(record: TopicRecord): Topic {
	return {
		id: record.id,
		communityId: record.communityId,
		categoryId: record.categoryId,
		title: record.title,
		excerpt: record.excerpt,
		customerId: record.customerId,
		isPinned: record.isPinned,
		isLocked: record.isLocked,
		isPublic: record.isPublic,
		replyCount: record.replyCount,
		answeredPostId: record.answeredPostId,
		lastActivityAt: record.lastActivityAt,
		createdAt: record.createdAt,
		updatedAt: record.updatedAt,
	};
}

export function toPost(record: PostRecord): Post {
	return {
		id: record.id,
		topicId: record.topicId,
		parentPostId: record.parentPostId,
		postNumber: record.postNumber,
		customerId: record.customerId,
		bodyDocumentId: record.bodyDocumentId,
		content: record.content,
		createdAt: record.createdAt,
		updatedAt: record.updatedAt,
	};
}

export function toMessage(record: MessageRecord): Message {
	return {
		id: record.id,
		chatId: record.chatId,
		senderParticipantId: record.senderParticipantId,
		senderUserId: record.senderUserId,
		seq: record.seq,
		role: record.role,
		body: record.body,
		state: record.state,
		dateSent: record.dateSent,
	};
}

export function toNotification(record: NotificationRecord): Notification {
	return {
		id: record.id,
		ecosystemId: record.ecosystemId,
		userId: record.userId,
		category: record.category,
		title: record.title,
		body: record.body,
		entityKind: record.entityKind,
		entityId: record.entityId,
		actorId: record.actorId,
		data: record.data,
		status: record.status,
		isRead: record.isRead,
		createdAt: record.createdAt,
		updatedAt: record.updatedAt,
		readAt: record.readAt,
	};
}

/** The public connection: everything but the owner, the ecosystem and the secrets. */
export function toConnection(record: ConnectionRecord): Connection {
	return {
		id: record.id,
		provider: record.provider,
		serviceType: record.serviceType,
		status: record.status,
		displayName: record.displayName,
		username: record.username,
		externalAccountId: record.externalAccountId,
		lastSyncAt: record.lastSyncAt,
		lastError: record.lastError,
		createdAt: record.createdAt,
		syncSettings: record.syncSettings ?? null,
	};
}
