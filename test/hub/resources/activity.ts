import { z } from 'zod';
import { conflict, forbidden, notFound, validationError } from '../core/errors';
import { validate } from '../core/validate';
import type { Hub } from '../hub';
import {
	NOTIFICATION_CATEGORIES,
	type ChatRecord,
	type Message,
	type MessageRecord,
	type Notification,
	type NotificationCategory,
	type Post,
	type Topic,
} from './state';
import {
	defaultEcosystemId,
	idSchema,
	iso,
	isCommunityAdmin,
	liveTopic,
	nextSeq,
	requireUser,
	toMessage,
	toNotification,
	toPost,
	toTopic,
	worldOf,
	type World,
} from './world';

/*
 * The domain functions behind the write routes and the control API's /__sandbox/activity/*.
 * Each validates its own input, so both callers answer the same HubErrors. None of them fans out
 * notifications: tests create exactly the notifications they want. What arrives for a user (a
 * notification, a direct message to them) is announced to the event streams.
 */

export const titleSchema = z.string().min(1).max(500);
export const bodySchema = z.string().min(1).max(100_000);

const topicInput = z.object({
	authorId: idSchema,
	communityId: idSchema,
	title: titleSchema,
	body: bodySchema,
	categoryId: idSchema.nullish(),
	isPublic: z.boolean().optional(),
});
export type CreateTopicInput = z.input<typeof topicInput>;

const postInput = z.object({
	authorId: idSchema,
	topicId: idSchema,
	body: bodySchema,
	parentPostId: idSchema.nullish(),
});
export type CreatePostInput = z.input<typeof postInput>;

const messageInput = z.object({
	senderId: idSchema,
	recipientId: idSchema,
	body: bodySchema,
	clientMessageId: idSchema.nullish(),
});
export type SendDirectMessageInput = z.input<typeof messageInput>;

const notificationInput = z.object({
	userId: idSchema,
	category: z.enum(NOTIFICATION_CATEGORIES),
	title: titleSchema,
	body: z.string().max(10_000).nullish(),
	entityKind: z.string().min(1).max(100).nullish(),
	entityId: idSchema.nullish(),
	actorId: idSchema.nullish(),
	data: z.record(z.unknown()).optional(),
});
export type CreateNotificationInput = z.input<typeof notificationInput>;

/** A plain-text preview of a markdown body, for `Topic.excerpt`. */
export function excerptOf(markdown: string): string | null {
	const text = markdown
		.replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
		.replace(/[*_`~#>]/g, '')
		.replace(/\s+/g, ' ')
		.trim();
	if (text.length === 0) return null;
	return text.length > 200 ? `${text.slice(0, 199)}…` : text;
}

export function createTopicIn(world: World, input: CreateTopicInput): Topic {
	const { authorId, communityId, title, body, categoryId, isPublic } = validate(topicInput, input);
	requireUser(world, authorId);
	const { data } = world;
	const community = data.communities[communityId];
	if (!community) throw notFound('Community');
	if (!isCommunityAdmin(data, communityId, authorId)) {
		throw forbidden('Only community admins can create topics in this community');
	}
	if (categoryId && data.categories[categoryId]?.communityId !== communityId) {
		throw validationError('categoryId', 'categoryId is not a category of this community');
	}
	const at = iso(world.now);
	const topicId = world.newId();
	const openingPostId = world.newId();
	data.topics[topicId] = {
		id: topicId,
		communityId,
		categoryId: categoryId ?? null,
		title,
		excerpt: excerptOf(body),
		customerId: authorId,
		isPinned: false,
		isLocked: false,
		isPublic: isPublic ?? community.isPublic,
		replyCount: 0,
		answeredPostId: null,
		lastActivityAt: at,
		createdAt: at,
		updatedAt: at,
		deletedAt: null,
		openingPostId,
		nextPostNumber: 2,
		seq: nextSeq(data),
	};
	data.posts[openingPostId] = {
		id: openingPostId,
		topicId,
		parentPostId: null,
		postNumber: 1,
		customerId: authorId,
		bodyDocumentId: null,
		content: body,
		createdAt: at,
		updatedAt: at,
		deletedAt: null,
	};
	return toTopic(data.topics[topicId]);
}

export function createPostIn(world: World, input: CreatePostInput): Post {
	const { authorId, topicId, body, parentPostId } = validate(postInput, input);
	requireUser(world, authorId);
	const { data } = world;
	const topic = liveTopic(data, topicId);
	if (topic.isLocked) throw conflict('The topic is locked: it accepts no new replies');
	if (parentPostId) {
		const parent = data.posts[parentPostId];
		if (!parent || parent.deletedAt || parent.topicId !== topicId) {
			throw validationError('parentPostId', 'parentPostId is not a post of this topic');
		}
	}
	const at = iso(world.now);
	const id = world.newId();
	data.posts[id] = {
		id,
		topicId,
		parentPostId: parentPostId ?? null,
		postNumber: topic.nextPostNumber,
		customerId: authorId,
		bodyDocumentId: null,
		content: body,
		createdAt: at,
		updatedAt: at,
		deletedAt: null,
	};
	topic.nextPostNumber += 1;
	topic.replyCount += 1;
	topic.lastActivityAt = at;
	return toPost(data.posts[id]);
}

/** The chat between two users, opened when there is none yet. */
export function openChat(world: World, userId: string, otherUserId: string): { chat: ChatRecord; created: boolean } {
	requireUser(world, otherUserId);
	if (userId === otherUserId) throw validationError('recipientId', 'You cannot start a direct message with yourself');
	const { data } = world;
	const existing = Object.values(data.chats).find(
		(chat) => chat.participantIds.includes(userId) && chat.participantIds.includes(otherUserId),
	);
	if (existing) return { chat: existing, created: false };
	const at = iso(world.now);
	const chat: ChatRecord = {
		id: world.newId(),
		participantIds: [userId, otherUserId],
		participantRecordIds: { [userId]: world.newId(), [otherUserId]: world.newId() },
		createdAt: at,
		lastActivityAt: at,
		readSeq: { [userId]: 0, [otherUserId]: 0 },
		seq: nextSeq(data),
	};
	data.chats[chat.id] = chat;
	data.messages[chat.id] = [];
	return { chat, created: true };
}

/** Appends a message; the same sender's `clientMessageId` again returns the original instead. */
export function appendMessage(
	world: World,
	chat: ChatRecord,
	senderId: string,
	body: string,
	clientMessageId?: string | null,
): { message: Message; created: boolean } {
	const messages = (world.data.messages[chat.id] ??= []);
	if (clientMessageId) {
		const original = messages.find((m) => m.senderUserId === senderId && m.clientMessageId === clientMessageId);
		if (original) return { message: toMessage(original), created: false };
	}
	const record: MessageRecord = {
		id: world.newId(),
		chatId: chat.id,
		senderParticipantId: chat.participantRecordIds[senderId] ?? null,
		senderUserId: senderId,
		seq: messages.length + 1,
		role: 'user',
		body,
		state: 'sent',
		dateSent: iso(world.now),
		clientMessageId: clientMessageId ?? null,
	};
	messages.push(record);
	chat.lastActivityAt = record.dateSent;
	// What you send, you have read.
	chat.readSeq[senderId] = record.seq;
	const message = toMessage(record);
	world.announce?.messageAppended(message, chat.participantIds.filter((id) => id !== senderId));
	return { message, created: true };
}

export function sendDirectMessageIn(world: World, input: SendDirectMessageInput): Message {
	const { senderId, recipientId, body, clientMessageId } = validate(messageInput, input);
	requireUser(world, senderId);
	const { chat } = openChat(world, senderId, recipientId);
	return appendMessage(world, chat, senderId, body, clientMessageId).message;
}

export function createNotificationIn(world: World, input: CreateNotificationInput): Notification {
	const parsed = validate(notificationInput, input);
	requireUser(world, parsed.userId);
	if (parsed.actorId && !world.users[parsed.actorId]) throw validationError('actorId', 'actorId is not a known user');
	const id = world.newId();
	const at = iso(world.now);
	world.data.notifications[id] = {
		id,
		ecosystemId: defaultEcosystemId(world.data),
		userId: parsed.userId,
		category: parsed.category as NotificationCategory,
		title: parsed.title,
		body: parsed.body ?? null,
		entityKind: parsed.entityKind ?? null,
		entityId: parsed.entityId ?? null,
		actorId: parsed.actorId ?? null,
		data: parsed.data ?? {},
		status: 'inbox',
		isRead: false,
		createdAt: at,
		updatedAt: at,
		readAt: null,
		seq: nextSeq(world.data),
	};
	world.announce?.notificationCreated(parsed.userId);
	return toNotification(world.data.notifications[id]);
}

export const createTopic = (hub: Hub, input: CreateTopicInput): Topic => createTopicIn(worldOf(hub), input);
export const createPost = (hub: Hub, input: CreatePostInput): Post => createPostIn(worldOf(hub), input);
export const sendDirectMessage = (hub: Hub, input: SendDirectMessageInput): Message =>
	sendDirectMessageIn(worldOf(hub), input);
export const createNotification = (hub: Hub, input: CreateNotificationInput): Notification =>
	createNotificationIn(worldOf(hub), input);
