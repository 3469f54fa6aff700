import { node, rl } from '../node/support';
import { CHAT_SUMMARY, DM_MESSAGE, IDS, OWN_KEY } from './fixtures';
import { runShapeCases, type ShapeCase } from './cases';

const chatList = (chats: unknown[], total = chats.length) => ({ chats, total, page: 1, pageSize: 500 });
const messageList = (items: unknown[], total = items.length) => ({ items, total, page: 1, pageSize: 200 });
const sent = { ...DM_MESSAGE, id: 'message-sent', senderUserId: IDS.user, seq: 4, body: 'Yes!' };

const cases: ShapeCase[] = [
	{
		name: 'Direct Message Get Many Chats (Return All)',
		parameters: { resource: 'directMessage', operation: 'getAllChats', returnAll: true },
		exchanges: [
			{ request: { method: 'GET', path: '/api/chat/dms', query: { page: '1', pageSize: '500' } }, response: { status: 200, body: chatList([CHAT_SUMMARY]) } },
		],
		output: [CHAT_SUMMARY],
	},
	{
		name: 'Direct Message Get Many Messages (Limit 2: the newest two, in conversation order)',
		parameters: { resource: 'directMessage', operation: 'getAllMessages', chatId: rl(IDS.chat), limit: 2 },
		exchanges: [
			{
				request: { method: 'GET', path: `/api/chat/dms/${IDS.chat}/messages`, query: { page: '1', pageSize: '200' } },
				response: {
					status: 200,
					body: messageList([{ ...DM_MESSAGE, id: 'm1', seq: 1 }, { ...DM_MESSAGE, id: 'm2', seq: 2 }, DM_MESSAGE]),
				},
			},
		],
		output: [{ ...DM_MESSAGE, id: 'm2', seq: 2 }, DM_MESSAGE],
	},
	{
		name: 'Direct Message Mark Read up to a message',
		parameters: { resource: 'directMessage', operation: 'markRead', chatId: rl(IDS.chat), options: { messageId: IDS.message } },
		exchanges: [
			{
				request: { method: 'POST', path: `/api/chat/dms/${IDS.chat}/read`, body: { messageId: IDS.message } },
				response: { status: 200, body: { success: true, unreadCount: 0 } },
			},
		],
		output: [{ success: true, unreadCount: 0, chatId: IDS.chat }],
	},
	{
		name: 'Direct Message Mark Read, the whole chat (no body: the published one is optional)',
		parameters: { resource: 'directMessage', operation: 'markRead', chatId: rl(IDS.chat) },
		exchanges: [
			{ request: { method: 'POST', path: `/api/chat/dms/${IDS.chat}/read` }, response: { status: 200, body: { success: true, unreadCount: 0 } } },
		],
		output: [{ success: true, unreadCount: 0, chatId: IDS.chat }],
	},
	{
		name: 'Direct Message Send into a chat, with the caller\'s Client Message ID',
		parameters: { resource: 'directMessage', operation: 'send', sendTo: 'chat', chatId: rl(IDS.chat), body: 'Yes!', options: { clientMessageId: OWN_KEY } },
		exchanges: [
			{
				request: { method: 'POST', path: `/api/chat/dms/${IDS.chat}/messages`, body: { body: 'Yes!', clientMessageId: OWN_KEY } },
				response: { status: 201, body: sent },
			},
		],
		output: [sent],
	},
	{
		name: 'Direct Message Send to a person (opens the chat first)',
		parameters: { resource: 'directMessage', operation: 'send', sendTo: 'user', recipientId: IDS.other, body: 'Yes!' },
		exchanges: [
			{ request: { method: 'POST', path: '/api/chat/dms', body: { recipientId: IDS.other } }, response: { status: 200, body: { id: IDS.chat, otherUserId: IDS.other, created: false } } },
			{
				request: { method: 'POST', path: `/api/chat/dms/${IDS.chat}/messages`, body: { body: 'Yes!', clientMessageId: expect.stringMatching(/^[0-9a-f-]{36}$/) } },
				response: { status: 201, body: sent },
			},
		],
		output: [sent],
	},
	{
		name: 'Direct Message Start Chat',
		parameters: { resource: 'directMessage', operation: 'startChat', recipientId: IDS.other },
		exchanges: [
			{ request: { method: 'POST', path: '/api/chat/dms', body: { recipientId: IDS.other } }, response: { status: 201, body: { id: IDS.chat, otherUserId: IDS.other, created: true } } },
		],
		output: [{ id: IDS.chat, otherUserId: IDS.other, created: true }],
	},
];

describe('Request shapes: direct messages', () => {
	runShapeCases(node, cases);
});
