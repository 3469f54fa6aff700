import { takeViolations } from '../../hub/testing';
import { useResourceHub } from './helpers';

describe('reactions', () => {
	const suite = useResourceHub();
	let topicId: string;
	let postId: string;
	let defaultEcosystem: string;

	beforeAll(async () => {
		const topic = await suite.ada.call('POST', '/api/discussion/topics', {
			body: { title: 'Reactions', body: 'React to me', communityId: suite.communityId },
		});
		topicId = topic.body.id;
		postId = (await suite.grace.call('POST', `/api/discussion/topics/${topicId}/posts`, { body: { body: 'And me' } })).body.id;
		const ecosystems = await suite.ada.call('GET', '/api/ecosystem/ecosystems');
		defaultEcosystem = ecosystems.body.find((ecosystem: { isDefault: boolean }) => ecosystem.isDefault).id;
	});

	test('a new reaction is 201, the same one again is 200 with the original', async () => {
		const first = await suite.grace.call('POST', '/api/content/reactions', {
			body: { targetKind: 'discussion.posts', targetId: postId, emoji: '🎉' },
		});
		expect(first.status).toBe(201);
		expect(first.body).toEqual({
			id: expect.any(String),
			customerId: suite.grace.id,
			ecosystemId: defaultEcosystem,
			targetKind: 'discussion.posts',
			targetId: postId,
			emoji: '🎉',
			createdAt: expect.any(String),
		});
		const again = await suite.grace.call('POST', '/api/content/reactions', {
			body: { targetKind: 'discussion.posts', targetId: postId, emoji: '🎉' },
		});
		expect(again.status).toBe(200);
		expect(again.body).toEqual(first.body);
		const other = await suite.alan.call('POST', '/api/content/reactions', {
			body: { targetKind: 'discussion.posts', targetId: postId, emoji: '🎉' },
		});
		expect(other.status).toBe(201);
	});

	test('GET lists the reactions of one target only', async () => {
		await suite.ada.call('POST', '/api/content/reactions', { body: { targetKind: 'discussion.topics', targetId: topicId, emoji: '👍' } });
		const { status, body } = await suite.ada.call('GET', `/api/content/reactions?targetKind=discussion.topics&targetId=${topicId}`);
		expect(status).toBe(200);
		expect(body.items).toHaveLength(1);
		expect(body.items[0]).toMatchObject({ emoji: '👍', customerId: suite.ada.id, targetKind: 'discussion.topics' });
	});

	test('GET lists the reactions of several targets with targetIds', async () => {
		const both = await suite.ada.call('GET', `/api/content/reactions?targetKind=discussion.posts&targetIds=${postId},${topicId}`);
		expect(both.status).toBe(404);
		const otherPost = (await suite.ada.call('POST', `/api/discussion/topics/${topicId}/posts`, { body: { body: 'Third' } })).body.id;
		await suite.ada.call('POST', '/api/content/reactions', { body: { targetKind: 'discussion.posts', targetId: otherPost, emoji: '👀' } });
		const { status, body } = await suite.ada.call('GET', `/api/content/reactions?targetKind=discussion.posts&targetIds=${postId},${otherPost}`);
		expect(status).toBe(200);
		expect(new Set(body.items.map((reaction: { targetId: string }) => reaction.targetId))).toEqual(new Set([postId, otherPost]));
	});

	test('DELETE removes your own reaction (204); others are 403, unknown 404', async () => {
		const created = await suite.alan.call('POST', '/api/content/reactions', {
			body: { targetKind: 'discussion.topics', targetId: topicId, emoji: '🚀' },
		});
		expect((await suite.grace.call('DELETE', `/api/content/reactions/${created.body.id}`)).status).toBe(403);
		expect((await suite.alan.call('DELETE', `/api/content/reactions/${created.body.id}`)).status).toBe(204);
		const gone = await suite.alan.call('DELETE', `/api/content/reactions/${created.body.id}`);
		expect(gone.status).toBe(404);
		expect(gone.body.error.code).toBe('not_found');
		const list = await suite.ada.call('GET', `/api/content/reactions?targetKind=discussion.topics&targetId=${topicId}`);
		expect(list.body.items.some((reaction: { id: string }) => reaction.id === created.body.id)).toBe(false);
	});

	test.each([
		['emoji', { targetKind: 'discussion.posts', emoji: '' }],
		['emoji', { targetKind: 'discussion.posts', emoji: '   ' }],
		['targetKind', { targetKind: 'discussion.users', emoji: '👍' }],
		['targetId', { targetKind: 'discussion.posts', targetId: 'x'.repeat(37), emoji: '👍' }],
	])('POST rejects a bad %s with 400 validation_error', async (field, body) => {
		const response = await suite.ada.call('POST', '/api/content/reactions', { body: { targetId: postId, ...body } });
		expect(response.status).toBe(400);
		expect(response.body).toMatchObject({ error: { code: 'validation_error', field } });
	});

	test('reacting to, or listing, an unknown target is 404', async () => {
		const post = await suite.ada.call('POST', '/api/content/reactions', {
			body: { targetKind: 'discussion.posts', targetId: topicId, emoji: '👍' },
		});
		expect(post.status).toBe(404);
		const list = await suite.ada.call('GET', '/api/content/reactions?targetKind=discussion.topics&targetId=nope');
		expect(list.status).toBe(404);
		const missingKind = await suite.ada.call('GET', `/api/content/reactions?targetId=${topicId}`);
		expect(missingKind.body).toMatchObject({ error: { code: 'validation_error', field: 'targetKind' } });
		expect(takeViolations(suite.hub)).toEqual(['request query/targetKind: is required']);
	});
});
