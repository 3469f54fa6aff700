import { HubError } from '../../hub/core/errors';
import { createNotification, createPost, createTopic, sendDirectMessage } from '../../hub/resources/activity';
import { controlRequest } from '../../hub/testing';
import { useResourceHub } from './helpers';

/** The domain functions of interfaces.md section 1, as the control API calls them. */
describe('domain functions', () => {
	const suite = useResourceHub();

	const errorOf = (run: () => unknown): HubError => {
		try {
			run();
		} catch (error) {
			if (error instanceof HubError) return error;
			throw error;
		}
		throw new Error('expected a HubError');
	};

	test('createTopic creates what the route lists, and throws the route errors', async () => {
		const topic = createTopic(suite.hub, { authorId: suite.ada.id, communityId: suite.communityId, title: 'From the domain', body: 'Body' });
		const listed = await suite.grace.call('GET', '/api/discussion/topics?pageSize=1');
		expect(listed.body.items[0]).toEqual(topic);
		const forbidden = errorOf(() =>
			createTopic(suite.hub, { authorId: suite.grace.id, communityId: suite.communityId, title: 'No', body: 'No' }),
		);
		expect([forbidden.status, forbidden.code]).toEqual([403, 'forbidden']);
		const invalid = errorOf(() => createTopic(suite.hub, { authorId: suite.ada.id, communityId: suite.communityId, title: '', body: 'x' }));
		expect([invalid.status, invalid.code, invalid.details.field]).toEqual([400, 'validation_error', 'title']);
	});

	test('createPost appends to the thread; a locked topic is 409', async () => {
		const topic = createTopic(suite.hub, { authorId: suite.ada.id, communityId: suite.communityId, title: 'Thread', body: 'Body' });
		const post = createPost(suite.hub, { authorId: suite.alan.id, topicId: topic.id, body: 'Reply' });
		expect(post).toMatchObject({ postNumber: 2, customerId: suite.alan.id, topicId: topic.id });
		await suite.ada.call('PUT', `/api/discussion/topics/${topic.id}`, { body: { isLocked: true } });
		const locked = errorOf(() => createPost(suite.hub, { authorId: suite.alan.id, topicId: topic.id, body: 'Late' }));
		expect([locked.status, locked.code]).toEqual([409, 'conflict']);
	});

	test('sendDirectMessage opens the chat when needed and counts as unread for the recipient', async () => {
		const message = sendDirectMessage(suite.hub, { senderId: suite.grace.id, recipientId: suite.alan.id, body: 'Hello Alan' });
		expect(message).toMatchObject({ seq: 1, senderUserId: suite.grace.id, body: 'Hello Alan' });
		const chats = (await suite.alan.call('GET', '/api/chat/dms')).body.chats;
		expect(chats[0]).toMatchObject({ chatId: message.chatId, otherUserId: suite.grace.id, unreadCount: 1 });
		const self = errorOf(() => sendDirectMessage(suite.hub, { senderId: suite.alan.id, recipientId: suite.alan.id, body: 'Me' }));
		expect([self.status, self.details.field]).toEqual([400, 'recipientId']);
	});

	test('createNotification lands in the inbox, newest first; an unknown category is 400', async () => {
		const notification = createNotification(suite.hub, {
			userId: suite.grace.id,
			category: 'community_mention',
			title: 'Ada mentioned you',
			actorId: suite.ada.id,
			entityKind: 'discussion.posts',
			entityId: 'post-1',
		});
		expect(notification).toMatchObject({ status: 'inbox', isRead: false, readAt: null, data: {}, body: null });
		const inbox = (await suite.grace.call('GET', '/api/notifications')).body.items;
		expect(inbox[0]).toEqual(notification);
		const bad = errorOf(() => createNotification(suite.hub, { userId: suite.grace.id, category: 'spam' as never, title: 'x' }));
		expect([bad.status, bad.details.field]).toEqual([400, 'category']);
	});

	test('the control API activity routes use them, in creation order', async () => {
		const { items } = await controlRequest(suite.hub, 'POST', '/__sandbox/activity/messages', {
			user: suite.alan.email,
			recipient: suite.ada.email,
			body: 'Batch',
			count: 3,
		});
		expect(items.map((m: { body: string; seq: number }) => m.body)).toEqual(['Batch #1', 'Batch #2', 'Batch #3']);
		const page = (await suite.ada.call('GET', `/api/chat/dms/${items[0].chatId}/messages?pageSize=3`)).body.items;
		expect(page.map((m: { id: string }) => m.id)).toEqual(items.map((m: { id: string }) => m.id));
	});
});
