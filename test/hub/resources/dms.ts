import { z } from 'zod';
import { notFound } from '../core/errors';
import { paginate } from '../core/http';
import type { Router } from '../core/router';
import { validate } from '../core/validate';
import { appendMessage, bodySchema, openChat } from './activity';
import { json, listPage } from './routing';
import type { ChatRecord, ResourceState } from './state';
import { chatOf, idSchema, newestFirst, toMessage, worldOf } from './world';

const CHATS_DEFAULT_PAGE_SIZE = 50;
export const CHATS_MAX_PAGE_SIZE = 500;
const MESSAGES_DEFAULT_PAGE_SIZE = 50;
export const MESSAGES_MAX_PAGE_SIZE = 200;

const openChatBody = z.object({ recipientId: idSchema });
const sendBody = z.object({ body: bodySchema, clientMessageId: idSchema.nullish() });
const readBody = z.object({ messageId: idSchema.nullish() });

/** Messages from the other participant after the user's read position. */
function unreadCount(data: ResourceState, chat: ChatRecord, userId: string): number {
	const readSeq = chat.readSeq[userId] ?? 0;
	return (data.messages[chat.id] ?? []).filter((m) => m.seq > readSeq && m.senderUserId !== userId).length;
}

function chatSummary(data: ResourceState, chat: ChatRecord, userId: string) {
	const messages = data.messages[chat.id] ?? [];
	const last = messages[messages.length - 1];
	return {
		chatId: chat.id,
		otherUserId: chat.participantIds.find((id) => id !== userId) ?? userId,
		lastMessage: last
			? { id: last.id, senderParticipantId: last.senderParticipantId, body: last.body, seq: last.seq, dateSent: last.dateSent }
			: null,
		unreadCount: unreadCount(data, chat, userId),
	};
}

export function registerDirectMessageRoutes(router: Router): void {
	router.add('GET', '/api/chat/dms', ({ hub, req }) => {
		const { userId } = hub.authenticate(req, 'discussions:read');
		const { page, pageSize } = listPage(hub, req, CHATS_DEFAULT_PAGE_SIZE, CHATS_MAX_PAGE_SIZE);
		const data = hub.state.data;
		const mine = newestFirst(
			Object.values(data.chats).filter((chat) => chat.participantIds.includes(userId)),
			(chat) => chat.lastActivityAt,
		);
		const chats = paginate(mine, page, pageSize).map((chat) => chatSummary(data, chat, userId));
		return json({ chats, total: mine.length, page, pageSize });
	});

	router.add('POST', '/api/chat/dms', ({ hub, req }) => {
		const { userId } = hub.authenticate(req, 'discussions:write');
		const { recipientId } = validate(openChatBody, req.body);
		const { chat, created } = openChat(worldOf(hub), userId, recipientId);
		return json({ id: chat.id, otherUserId: recipientId, created }, created ? 201 : 200);
	});

	// Page 1 is the newest window; every page lists its messages oldest to newest.
	router.add('GET', '/api/chat/dms/:chatId/messages', ({ hub, req }) => {
		const { userId } = hub.authenticate(req, 'discussions:read');
		const data = hub.state.data;
		const chat = chatOf(data, req.params.chatId, userId);
		const { page, pageSize } = listPage(hub, req, MESSAGES_DEFAULT_PAGE_SIZE, MESSAGES_MAX_PAGE_SIZE);
		const messages = data.messages[chat.id] ?? [];
		const end = Math.max(messages.length - (page - 1) * pageSize, 0);
		const items = messages.slice(Math.max(end - pageSize, 0), end).map(toMessage);
		return json({ items, total: messages.length, page, pageSize });
	});

	router.add('POST', '/api/chat/dms/:chatId/messages', ({ hub, req }) => {
		const { userId } = hub.authenticate(req, 'discussions:write');
		const world = worldOf(hub);
		const chat = chatOf(world.data, req.params.chatId, userId);
		const { body, clientMessageId } = validate(sendBody, req.body);
		const { message, created } = appendMessage(world, chat, userId, body, clientMessageId);
		return json(message, created ? 201 : 200);
	});

	// Read positions only move forward; without messageId everything is read.
	router.add('POST', '/api/chat/dms/:chatId/read', ({ hub, req }) => {
		const { userId } = hub.authenticate(req, 'discussions:write');
		const data = hub.state.data;
		const chat = chatOf(data, req.params.chatId, userId);
		const { messageId } = validate(readBody, req.body);
		const messages = data.messages[chat.id] ?? [];
		let upTo = messages.length;
		if (messageId) {
			const message = messages.find((m) => m.id === messageId);
			if (!message) throw notFound('Message');
			upTo = message.seq;
		}
		chat.readSeq[userId] = Math.max(chat.readSeq[userId] ?? 0, upTo);
		return json({ success: true, unreadCount: unreadCount(data, chat, userId) });
	});
}
