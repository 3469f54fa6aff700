import type { IDataObject } from 'n8n-workflow';
import { hubGet, timeOf } from '../api';
import { pollFeed, startFeed, type Feed, type FeedMark } from '../feed';
import { boundedPages, type PageFetcher } from '../paging';
import type { EventContext, TriggerEvent } from './types';

const EVENT = 'newDirectMessage';
const CHATS_MAX_PAGE_SIZE = 500;
const MESSAGES_MAX_PAGE_SIZE = 200;
/** Messages read at once from a chat the trigger holds no position for. */
const UNKNOWN_CHAT_PAGE_SIZE = 20;
/** A test event looks at this many of the most recently active chats. */
const SAMPLE_CHATS = 5;

interface Message extends IDataObject {
	id: string;
	chatId: string;
	senderUserId: string;
	seq: number;
	dateSent: string;
}

interface Chat extends IDataObject {
	chatId: string;
	otherUserId: string;
	lastMessage: { id: string; seq: number; dateSent: string } | null;
}

/**
 * The user's chats, newest activity first, as a feed of "chat reached message N" rows: a chat
 * whose last message moved is a new row. The feed's `seen` then holds `<chatId>#<seq>` for the
 * chats handled lately, which is where each chat was read up to.
 */
function chatsOf(context: EventContext): Feed<Chat> {
	return {
		maxPageSize: CHATS_MAX_PAGE_SIZE,
		fetchPage: async (page, pageSize) => {
			const body = await hubGet<{ chats: Chat[] }>(context, '/api/chat/dms', { page, pageSize });
			return body.chats ?? [];
		},
		id: (chat) => positionId(chat.chatId, chat.lastMessage?.seq ?? 0),
		sortKey: (chat) => (chat.lastMessage ? timeOf(chat.lastMessage.dateSent) : null),
		bornAt: (chat) => chat.lastMessage?.dateSent ?? new Date(0).toISOString(),
	};
}

function positionId(chatId: string, seq: number): string {
	return `${chatId}#${seq}`;
}

/** The last message handled in a chat, from a mark's `seen`; undefined when the mark no longer holds it. */
function handledSeq(mark: FeedMark, chatId: string): number | undefined {
	let handled: number | undefined;
	for (const id of Object.keys(mark.seen)) {
		const [chat, seq] = id.split('#');
		if (chat === chatId && (handled === undefined || Number(seq) > handled)) handled = Number(seq);
	}
	return handled;
}

function messagesOf(context: EventContext, chatId: string): PageFetcher<Message> {
	return async (page, pageSize) => {
		const endpoint = `/api/chat/dms/${encodeURIComponent(chatId)}/messages`;
		const body = await hubGet<{ items: Message[] }>(context, endpoint, { page, pageSize }, 'chat');
		return body.items ?? [];
	};
}

/**
 * A chat's messages that `isNew` accepts, ascending. Page 1 is the newest window and each page
 * is ascending, so pages go back in time until one starts with a message that is not new.
 */
async function readNewMessages(
	chat: PageFetcher<Message>,
	isNew: (message: Message) => boolean,
	pageSize: number,
): Promise<Message[]> {
	const fetchPage = boundedPages(chat, 'pagesPerScan', 'a chat\'s messages');
	const found = new Map<number, Message>();
	for (let page = 1; ; page++) {
		const rows = await fetchPage(page, pageSize);
		for (const message of rows) if (isNew(message)) found.set(message.seq, message);
		if (rows.length < pageSize || !isNew(rows[0])) break;
	}
	return [...found.values()].sort((a, b) => a.seq - b.seq);
}

/** New messages of one chat whose last message moved: after the handled one, or since the mark's start. */
async function newMessagesOf(context: EventContext, chat: Chat, mark: FeedMark): Promise<Message[]> {
	const fetchPage = messagesOf(context, chat.chatId);
	const handled = handledSeq(mark, chat.chatId);
	if (handled !== undefined) {
		const expected = (chat.lastMessage?.seq ?? handled) - handled;
		const pageSize = Math.min(MESSAGES_MAX_PAGE_SIZE, Math.max(2, expected + 1));
		return await readNewMessages(fetchPage, (message) => message.seq > handled, pageSize);
	}
	// Every message this trigger handled in a chat it holds no position for was sent before `since`.
	const since = mark.since === null ? null : timeOf(mark.since);
	const isNew = (message: Message) => since === null || timeOf(message.dateSent) >= since;
	return await readNewMessages(fetchPage, isNew, UNKNOWN_CHAT_PAGE_SIZE);
}

/** One row per chat, its newest: a chat read twice during one poll is read once. */
function latestPerChat(chats: Chat[]): Chat[] {
	const latest = new Map<string, Chat>();
	for (const chat of chats) {
		const known = latest.get(chat.chatId);
		if (!known || (chat.lastMessage?.seq ?? 0) > (known.lastMessage?.seq ?? 0)) latest.set(chat.chatId, chat);
	}
	return [...latest.values()];
}

function byTimeSent(a: Message, b: Message): number {
	return timeOf(a.dateSent) - timeOf(b.dateSent) || a.chatId.localeCompare(b.chatId) || a.seq - b.seq;
}

export const directMessageEvent: TriggerEvent = {
	option: {
		name: 'New Direct Message',
		value: EVENT,
		description: 'Triggers when someone sends you a direct message',
	},
	properties: [],
	watchKey() {
		return EVENT;
	},
	async start() {
		return { ...(await startFeed(chatsOf(this))) };
	},
	async poll(state) {
		const previous = state as unknown as FeedMark;
		const { fresh, mark } = await pollFeed(chatsOf(this), previous);
		const items: Message[] = [];
		for (const chat of latestPerChat(fresh)) {
			const messages = await newMessagesOf(this, chat, previous);
			const newest = messages[messages.length - 1];
			// Messages sent after the chat list was read are handled now: remember them as read.
			if (newest) mark.seen[positionId(chat.chatId, newest.seq)] = newest.dateSent;
			items.push(...messages.filter((message) => message.senderUserId === chat.otherUserId));
		}
		return { items: items.sort(byTimeSent), state: { ...mark } };
	},
	async sample() {
		const chats = await chatsOf(this).fetchPage(1, SAMPLE_CHATS);
		for (const chat of chats) {
			if (!chat.lastMessage) continue;
			const recent = await messagesOf(this, chat.chatId)(1, UNKNOWN_CHAT_PAGE_SIZE);
			const fromOther = recent.filter((message) => message.senderUserId === chat.otherUserId).pop();
			if (fromOther) return fromOther;
		}
		return undefined;
	},
};
