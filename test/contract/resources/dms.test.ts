import { takeViolations } from '../../hub/testing';
import { isSortedDescending, useResourceHub } from './helpers';

interface ChatSummary {
	chatId: string;
	otherUserId: string;
	lastMessage: { id: string; senderParticipantId: string | null; body: string; seq: number; dateSent: string } | null;
	unreadCount: number;
}

describe('direct messages', () => {
	const suite = useResourceHub();
	const chatWith = async (call = suite.ada.call, otherUserId = suite.grace.id): Promise<ChatSummary> => {
		const { body } = await call('GET', '/api/chat/dms');
		return body.chats.find((chat: ChatSummary) => chat.otherUserId === otherUserId);
	};

	test('the chat list: shape, total, newest activity first, unread counts', async () => {
		const { status, body } = await suite.ada.call('GET', '/api/chat/dms');
		expect(status).toBe(200);
		expect(body).toMatchObject({ total: 2, page: 1, pageSize: 50 });
		expect(body.chats[0]).toEqual({
			chatId: expect.any(String),
			otherUserId: suite.grace.id,
			lastMessage: { id: expect.any(String), senderParticipantId: expect.any(String), body: expect.any(String), seq: 125, dateSent: expect.any(String) },
			unreadCount: 2,
		});
		expect(isSortedDescending(body.chats.map((chat: ChatSummary) => chat.lastMessage!.dateSent))).toBe(true);
		const second = await suite.ada.call('GET', '/api/chat/dms?page=2&pageSize=1');
		expect(second.body).toMatchObject({ total: 2, page: 2, pageSize: 1 });
		expect(second.body.chats[0].otherUserId).toBe(suite.alan.id);
		// The published maximum is 500: more is a request the types refuse.
		expect((await suite.ada.call('GET', '/api/chat/dms?pageSize=500')).body.pageSize).toBe(500);
		const tooMany = await suite.ada.call('GET', '/api/chat/dms?pageSize=5000');
		expect(tooMany.body.error).toMatchObject({ code: 'validation_error', field: 'pageSize' });
		expect(takeViolations(suite.hub)).toEqual(['request query/pageSize: must be <= 500']);
	});

	test('messages: page 1 is the newest window, each page ascending by seq, with total', async () => {
		const chat = await chatWith();
		const seqs = async (page: number) => {
			const { body } = await suite.ada.call('GET', `/api/chat/dms/${chat.chatId}/messages?page=${page}&pageSize=50`);
			expect(body).toMatchObject({ total: 125, page, pageSize: 50 });
			return body.items.map((message: { seq: number }) => message.seq);
		};
		const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
		expect(await seqs(1)).toEqual(range(76, 125));
		expect(await seqs(2)).toEqual(range(26, 75));
		expect(await seqs(3)).toEqual(range(1, 25));
		expect(await seqs(4)).toEqual([]);
		const first = await suite.ada.call('GET', `/api/chat/dms/${chat.chatId}/messages?pageSize=1`);
		expect(first.body.items[0]).toEqual({
			id: expect.any(String),
			chatId: chat.chatId,
			senderParticipantId: chat.lastMessage!.senderParticipantId,
			senderUserId: expect.any(String),
			seq: 125,
			role: 'user',
			body: expect.any(String),
			state: 'sent',
			dateSent: chat.lastMessage!.dateSent,
		});
		const widest = await suite.ada.call('GET', `/api/chat/dms/${chat.chatId}/messages?pageSize=200`);
		expect(widest.body.items).toHaveLength(125);
		const tooMany = await suite.ada.call('GET', `/api/chat/dms/${chat.chatId}/messages?pageSize=1000`);
		expect(tooMany.status).toBe(400);
		expect(takeViolations(suite.hub)).toEqual(['request query/pageSize: must be <= 200']);
	});

	test('a chat the caller is not in is 404 for reads, sends and read markers', async () => {
		const chat = await chatWith();
		for (const [method, path, body] of [
			['GET', `/api/chat/dms/${chat.chatId}/messages`, undefined],
			['POST', `/api/chat/dms/${chat.chatId}/messages`, { body: 'Hi' }],
			['POST', `/api/chat/dms/${chat.chatId}/read`, {}],
		] as const) {
			const response = await suite.alan.call(method, path, { body });
			expect([path, response.status, response.body.error.code]).toEqual([path, 404, 'not_found']);
		}
	});

	test('starting a chat: 201 new, 200 existing, 400 yourself, 404 unknown user', async () => {
		const created = await suite.grace.call('POST', '/api/chat/dms', { body: { recipientId: suite.alan.id } });
		expect(created.status).toBe(201);
		expect(created.body).toEqual({ id: expect.any(String), otherUserId: suite.alan.id, created: true });
		const existing = await suite.alan.call('POST', '/api/chat/dms', { body: { recipientId: suite.grace.id } });
		expect(existing.status).toBe(200);
		expect(existing.body).toEqual({ id: created.body.id, otherUserId: suite.grace.id, created: false });
		const empty = await chatWith(suite.grace.call, suite.alan.id);
		expect(empty).toMatchObject({ lastMessage: null, unreadCount: 0 });
		const self = await suite.ada.call('POST', '/api/chat/dms', { body: { recipientId: suite.ada.id } });
		expect(self.status).toBe(400);
		expect(self.body).toMatchObject({ error: { code: 'validation_error', field: 'recipientId' } });
		const unknown = await suite.ada.call('POST', '/api/chat/dms', { body: { recipientId: '00000000-0000-0000-0000-000000000000' } });
		expect(unknown.status).toBe(404);
	});

	test('sending: 201 with the next seq; the same clientMessageId again is 200 with the original', async () => {
		const chat = await chatWith(suite.alan.call, suite.ada.id);
		suite.hub.clock.advance(1000);
		const sent = await suite.alan.call('POST', `/api/chat/dms/${chat.chatId}/messages`, {
			body: { body: 'Ping', clientMessageId: 'client-1' },
		});
		expect(sent.status).toBe(201);
		expect(sent.body).toMatchObject({ chatId: chat.chatId, senderUserId: suite.alan.id, seq: 7, body: 'Ping' });
		const again = await suite.alan.call('POST', `/api/chat/dms/${chat.chatId}/messages`, {
			body: { body: 'Ping', clientMessageId: 'client-1' },
		});
		expect(again.status).toBe(200);
		expect(again.body).toEqual(sent.body);
		const page = await suite.alan.call('GET', `/api/chat/dms/${chat.chatId}/messages`);
		expect(page.body.total).toBe(7);
		const forAda = await suite.ada.call('GET', '/api/chat/dms');
		expect(forAda.body.chats[0]).toMatchObject({ chatId: chat.chatId, unreadCount: 1, lastMessage: { id: sent.body.id } });
		expect(chat.unreadCount).toBe(0);
	});

	test.each([
		['body', { body: '' }, ['request body/body: must NOT have fewer than 1 characters']],
		// The types allow any string; ids of at most 36 characters are hub-api.md's convention.
		['clientMessageId', { body: 'Hi', clientMessageId: 'x'.repeat(37) }, []],
	])('sending rejects a bad %s with 400', async (field, body, violations) => {
		const chat = await chatWith();
		const response = await suite.ada.call('POST', `/api/chat/dms/${chat.chatId}/messages`, { body });
		expect(response.status).toBe(400);
		expect(response.body).toMatchObject({ error: { code: 'validation_error', field } });
		expect(takeViolations(suite.hub)).toEqual(violations);
	});

	test('read markers: up to a message, then everything', async () => {
		const chat = await chatWith(suite.grace.call, suite.ada.id);
		for (let n = 1; n <= 3; n++) {
			await suite.ada.call('POST', `/api/chat/dms/${chat.chatId}/messages`, { body: { body: `Note ${n}` } });
		}
		const { body: page } = await suite.grace.call('GET', `/api/chat/dms/${chat.chatId}/messages?pageSize=3`);
		expect((await chatWith(suite.grace.call, suite.ada.id)).unreadCount).toBe(3);
		const partial = await suite.grace.call('POST', `/api/chat/dms/${chat.chatId}/read`, { body: { messageId: page.items[0].id } });
		expect(partial.body).toEqual({ success: true, unreadCount: 2 });
		const all = await suite.grace.call('POST', `/api/chat/dms/${chat.chatId}/read`, { body: {} });
		expect(all.body).toEqual({ success: true, unreadCount: 0 });
		const backwards = await suite.grace.call('POST', `/api/chat/dms/${chat.chatId}/read`, { body: { messageId: page.items[0].id } });
		expect(backwards.body.unreadCount).toBe(0);
		const unknown = await suite.grace.call('POST', `/api/chat/dms/${chat.chatId}/read`, { body: { messageId: 'nope' } });
		expect(unknown.status).toBe(404);
	});
});
