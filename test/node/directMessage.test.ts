import { retriedInOneExecution, rl, useNodeHarness } from './support';

describe('Direct Message', () => {
	const hub = useNodeHarness();
	let chatWithGrace: string;

	beforeAll(async () => {
		const [chat] = await hub.runJson({ resource: 'directMessage', operation: 'startChat', recipientId: hub.users().grace.id });
		chatWithGrace = String(chat.id);
	});

	const messagesOf = (chatId: string) => hub.harness.hub.state.data.messages[chatId] ?? [];

	describe('Start Chat', () => {
		it('returns the existing chat the second time', async () => {
			const [again] = await hub.runJson({ resource: 'directMessage', operation: 'startChat', recipientId: hub.users().grace.id });
			expect(again).toEqual({ id: chatWithGrace, otherUserId: hub.users().grace.id, created: false });
		});

		it('refuses a chat with yourself', async () => {
			const error = await hub.runError({ resource: 'directMessage', operation: 'startChat', recipientId: hub.users().ada.id });
			expect(error.message).toMatch(/yourself|recipient/i);
		});
	});

	describe('Send', () => {
		it('sends into a chat given by web URL', async () => {
			const url = `https://agenticdeveloperhub.com/messages/${chatWithGrace}`;
			const [message] = await hub.runJson({ resource: 'directMessage', operation: 'send', chatId: rl(url, 'url'), body: 'Hello Grace' });
			expect(message).toMatchObject({ chatId: chatWithGrace, senderUserId: hub.users().ada.id, body: 'Hello Grace' });
		});

		it('sends to a person, opening the chat first', async () => {
			const [message] = await hub.runJson({
				resource: 'directMessage',
				operation: 'send',
				sendTo: 'user',
				recipientId: hub.users().alan.id,
				body: 'Hello Alan',
			});
			const chats = Object.values(hub.harness.hub.state.data.chats).filter((chat) => chat.id === message.chatId);
			expect(chats[0].participantIds.sort()).toEqual([hub.users().ada.id, hub.users().alan.id].sort());
		});

		it('never duplicates a send retried in the same execution (clientMessageId)', async () => {
			const before = messagesOf(chatWithGrace).length;
			const output = await hub.runJson(
				{ resource: 'directMessage', operation: 'send', chatId: rl(chatWithGrace), body: 'Only once' },
				{ nodeType: retriedInOneExecution(), items: [{ json: {} }, { json: {} }] },
			);
			// Two items, each sent twice: two messages, and the retry got the originals back.
			expect(output).toHaveLength(4);
			expect(output[2].id).toBe(output[0].id);
			expect(output[3].id).toBe(output[1].id);
			expect(output[0].id).not.toBe(output[1].id);
			expect(messagesOf(chatWithGrace).length).toBe(before + 2);
		});

		it("sends again in the node's next run of the same execution (a loop, another AI tool call)", async () => {
			const before = messagesOf(chatWithGrace).length;
			const run = async (runIndex: number) =>
				(await hub.runJson({ resource: 'directMessage', operation: 'send', chatId: rl(chatWithGrace), body: 'Each loop' }, { executionId: 'loop', runIndex }))[0];
			const first = await run(0);
			const second = await run(1);
			const secondRetried = await run(1);
			expect(second.id).not.toBe(first.id);
			expect(secondRetried.id).toBe(second.id);
			expect(messagesOf(chatWithGrace).length).toBe(before + 2);
		});

		it('sends the same text again in a new execution', async () => {
			const before = messagesOf(chatWithGrace).length;
			const run = () => hub.runJson({ resource: 'directMessage', operation: 'send', chatId: rl(chatWithGrace), body: 'Again' });
			const [first] = await run();
			const [second] = await run();
			expect(second.id).not.toBe(first.id);
			expect(messagesOf(chatWithGrace).length).toBe(before + 2);
		});

		it('uses a given Client Message ID across executions', async () => {
			const parameters = {
				resource: 'directMessage',
				operation: 'send',
				chatId: rl(chatWithGrace),
				body: 'Keyed',
				options: { clientMessageId: 'order-4711-confirmation' },
			};
			const [first] = await hub.runJson(parameters);
			const [second] = await hub.runJson(parameters);
			expect(second.id).toBe(first.id);
		});

		it('refuses an empty message before sending anything', async () => {
			const before = await hub.requests();
			const error = await hub.runError({ resource: 'directMessage', operation: 'send', chatId: rl(chatWithGrace), body: '' });
			expect(error.message).toBe('"Message" must not be empty [item 0]');
			expect(await hub.requests()).toBe(before);
		});

		it('fails on a chat you are not in', async () => {
			const error = await hub.runError({ resource: 'directMessage', operation: 'send', chatId: rl('not-my-chat'), body: 'Hi' });
			expect(error.message).toMatch(/^The chat was not found/);
		});
	});

	describe('Get Many Messages', () => {
		let chatWithAlan: string;
		beforeAll(async () => {
			const [{ items }] = [await hub.control('POST', '/__sandbox/activity/messages', {
				user: 'alan@example.com',
				recipient: 'ada@example.com',
				body: 'Ping',
				count: 450,
			})];
			chatWithAlan = String(items[0].chatId);
		});

		it('Return All gives every message in conversation order', async () => {
			const messages = await hub.runJson({ resource: 'directMessage', operation: 'getAllMessages', chatId: rl(chatWithAlan), returnAll: true });
			const stored = messagesOf(chatWithAlan);
			expect(messages.map((message) => message.id)).toEqual(stored.map((message) => message.id));
			const seqs = messages.map((message) => Number(message.seq));
			expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
		});

		it('Limit gives the newest messages, oldest first, in one request', async () => {
			const label = 'GET /api/chat/dms/:chatId/messages';
			const before = await hub.requests(label);
			const messages = await hub.runJson({ resource: 'directMessage', operation: 'getAllMessages', chatId: rl(chatWithAlan), limit: 7 });
			expect(await hub.requests(label)).toBe(before + 1);
			expect(messages.map((message) => message.id)).toEqual(messagesOf(chatWithAlan).slice(-7).map((message) => message.id));
		});

		it('fails on a chat you are not in', async () => {
			const error = await hub.runError({ resource: 'directMessage', operation: 'getAllMessages', chatId: rl('nope') });
			expect(error.message).toMatch(/^The chat was not found/);
		});
	});

	describe('Get Many Chats', () => {
		it('lists chats newest activity first, with unread counts', async () => {
			await hub.control('POST', '/__sandbox/activity/messages', { user: 'grace@example.com', recipient: 'ada@example.com', body: 'Newest' });
			const chats = await hub.runJson({ resource: 'directMessage', operation: 'getAllChats', returnAll: true });
			expect(chats[0]).toMatchObject({ chatId: chatWithGrace, otherUserId: hub.users().grace.id });
			expect((chats[0].lastMessage as { body: string }).body).toBe('Newest');
			expect(Number(chats[0].unreadCount)).toBeGreaterThan(0);
			const limited = await hub.runJson({ resource: 'directMessage', operation: 'getAllChats', limit: 1 });
			expect(limited).toEqual([chats[0]]);
		});

		it('refuses a Limit below 1 before sending anything', async () => {
			const before = await hub.requests();
			const error = await hub.runError({ resource: 'directMessage', operation: 'getAllChats', limit: -3 });
			expect(error.message).toMatch(/^"Limit" must be a whole number of at least 1 \(got -3\) \[item 0\]$/);
			expect(await hub.requests()).toBe(before);
		});
	});

	describe('Mark Read', () => {
		it('marks a chat read', async () => {
			await hub.control('POST', '/__sandbox/activity/messages', { user: 'grace@example.com', recipient: 'ada@example.com', body: 'Unread' });
			const [result] = await hub.runJson({ resource: 'directMessage', operation: 'markRead', chatId: rl(chatWithGrace) });
			expect(result).toEqual({ success: true, unreadCount: 0, chatId: chatWithGrace });
		});

		it('marks read up to a message', async () => {
			const { items } = await hub.control('POST', '/__sandbox/activity/messages', {
				user: 'grace@example.com',
				recipient: 'ada@example.com',
				body: 'More',
				count: 3,
			});
			const [result] = await hub.runJson({
				resource: 'directMessage',
				operation: 'markRead',
				chatId: rl(chatWithGrace),
				options: { messageId: items[0].id },
			});
			expect(result).toMatchObject({ success: true, unreadCount: 2 });
		});

		it('fails on an unknown message', async () => {
			const error = await hub.runError({
				resource: 'directMessage',
				operation: 'markRead',
				chatId: rl(chatWithGrace),
				options: { messageId: 'no-such-message' },
			});
			expect(error.message).toMatch(/not found/i);
		});
	});
});
