import { takeViolations } from '../../hub/testing';
import { allPages, useResourceHub } from './helpers';

interface PostBody {
	id: string;
	postNumber: number;
	topicId: string;
}

const POST_KEYS = ['bodyDocumentId', 'content', 'createdAt', 'customerId', 'id', 'parentPostId', 'postNumber', 'topicId', 'updatedAt'];

describe('posts', () => {
	const suite = useResourceHub();
	const topicByTitle = async (fragment: string) => {
		const { body } = await suite.ada.call('GET', '/api/discussion/topics?pageSize=100');
		return body.items.find((topic: { title: string }) => topic.title.includes(fragment));
	};
	const freshTopic = async () =>
		(await suite.ada.call('POST', '/api/discussion/topics', {
			body: { title: 'Posts test', body: 'Opening', communityId: suite.communityId },
		})).body;

	test('the long seeded thread spans three pages at pageSize 100, in postNumber order', async () => {
		const topic = await topicByTitle('retry strategies');
		const pages = await allPages<PostBody>(suite.ada.call, `/api/discussion/topics/${topic.id}/posts`, 100);
		expect(pages.map((page) => page.length)).toEqual([100, 100, 61]);
		const numbers = pages.flat().map((post) => post.postNumber);
		expect(numbers).toEqual(numbers.map((_, index) => index + 1));
		expect(pages.flat().every((post) => post.topicId === topic.id)).toBe(true);
		expect(Object.keys(pages[0][0]).sort()).toEqual(POST_KEYS);
		expect(topic.replyCount).toBe(260);
	});

	test('pageSize above 100 is clamped to 100', async () => {
		const topic = await topicByTitle('retry strategies');
		const { body } = await suite.ada.call('GET', `/api/discussion/topics/${topic.id}/posts?pageSize=500`);
		expect(body.items).toHaveLength(100);
		expect(Object.keys(body)).toEqual(['items']);
	});

	test('a reply is 201 with the next postNumber and moves the topic to the top', async () => {
		const topic = await topicByTitle('Markdown tables');
		suite.hub.clock.advance(60_000);
		const { status, body } = await suite.grace.call('POST', `/api/discussion/topics/${topic.id}/posts`, {
			body: { body: 'GFM tables render since last week.' },
		});
		expect(status).toBe(201);
		expect(body).toMatchObject({ topicId: topic.id, customerId: suite.grace.id, parentPostId: null, postNumber: topic.replyCount + 2 });
		const after = await suite.ada.call('GET', `/api/discussion/topics/${topic.id}`);
		expect(after.body.replyCount).toBe(topic.replyCount + 1);
		expect(after.body.lastActivityAt).toBe(body.createdAt);
		const list = await suite.ada.call('GET', '/api/discussion/topics?pageSize=1');
		expect(list.body.items[0].id).toBe(topic.id);
	});

	test('a reply to a post of the thread keeps parentPostId; one of another topic is 400', async () => {
		const topic = await freshTopic();
		const first = await suite.alan.call('POST', `/api/discussion/topics/${topic.id}/posts`, { body: { body: 'First' } });
		const nested = await suite.grace.call('POST', `/api/discussion/topics/${topic.id}/posts`, {
			body: { body: 'Nested', parentPostId: first.body.id },
		});
		expect(nested.body.parentPostId).toBe(first.body.id);
		const other = await freshTopic();
		const wrong = await suite.grace.call('POST', `/api/discussion/topics/${other.id}/posts`, {
			body: { body: 'Nested', parentPostId: first.body.id },
		});
		expect(wrong.status).toBe(400);
		expect(wrong.body).toMatchObject({ error: { code: 'validation_error', field: 'parentPostId' } });
	});

	test('an empty body is 400 validation_error naming body', async () => {
		const topic = await freshTopic();
		const { status, body } = await suite.ada.call('POST', `/api/discussion/topics/${topic.id}/posts`, { body: { body: '' } });
		expect(status).toBe(400);
		expect(body).toMatchObject({ error: { code: 'validation_error', field: 'body' } });
		expect(takeViolations(suite.hub)).toEqual(['request body/body: must NOT have fewer than 1 characters']);
	});

	test('replying to a locked topic is 409 conflict', async () => {
		const locked = await topicByTitle('OAuth 2.0 with PKCE');
		expect(locked.isLocked).toBe(true);
		const { status, body } = await suite.grace.call('POST', `/api/discussion/topics/${locked.id}/posts`, { body: { body: 'Hi' } });
		expect(status).toBe(409);
		expect(body.error.code).toBe('conflict');
	});

	test('posting to an unknown topic is 404', async () => {
		const { status, body } = await suite.ada.call('POST', '/api/discussion/topics/nope/posts', { body: { body: 'Hi' } });
		expect(status).toBe(404);
		expect(body.error.code).toBe('not_found');
	});

	test('DELETE a reply: 204, gone from the thread, replyCount down; the opening post is 400', async () => {
		const topic = await freshTopic();
		const reply = await suite.grace.call('POST', `/api/discussion/topics/${topic.id}/posts`, { body: { body: 'Oops' } });
		const notMine = await suite.alan.call('DELETE', `/api/discussion/posts/${reply.body.id}`);
		expect(notMine.status).toBe(403);
		expect(notMine.body.error.code).toBe('forbidden');
		const deleted = await suite.grace.call('DELETE', `/api/discussion/posts/${reply.body.id}`);
		expect(deleted.status).toBe(204);
		const thread = await suite.ada.call('GET', `/api/discussion/topics/${topic.id}/posts`);
		expect(thread.body.items.map((post: PostBody) => post.postNumber)).toEqual([1]);
		expect((await suite.ada.call('GET', `/api/discussion/topics/${topic.id}`)).body.replyCount).toBe(0);
		const again = await suite.grace.call('DELETE', `/api/discussion/posts/${reply.body.id}`);
		expect(again.status).toBe(404);
		const opening = await suite.ada.call('DELETE', `/api/discussion/posts/${thread.body.items[0].id}`);
		expect(opening.status).toBe(400);
		expect(opening.body.error.code).toBe('validation_error');
	});
});
