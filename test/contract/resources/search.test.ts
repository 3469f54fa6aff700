import { takeViolations } from '../../hub/testing';
import { useResourceHub } from './helpers';

describe('search', () => {
	const suite = useResourceHub();

	test('q matches topic titles and post bodies case-insensitively, in the documented wrapper', async () => {
		const { status, body } = await suite.ada.call('GET', '/api/search/discussions?q=WEBHOOK');
		expect(status).toBe(200);
		expect(Object.keys(body).sort()).toEqual(['page', 'pageSize', 'posts', 'postsHasMore', 'topics', 'topicsHasMore']);
		expect(body).toMatchObject({ page: 1, pageSize: 20 });
		expect(body.topics.length).toBeGreaterThan(0);
		for (const hit of body.topics) {
			const topic = (await suite.ada.call('GET', `/api/discussion/topics/${hit.id}`)).body;
			expect(`${topic.title} ${topic.excerpt}`.toLowerCase()).toContain('webhook');
		}
		expect(body.posts.length).toBeGreaterThan(0);
		expect(body.posts.every((post: { rank: number }) => post.rank >= 1)).toBe(true);
	});

	test('results are the slim published types: no community, no excerpt, no post content', async () => {
		const { body } = await suite.ada.call('GET', '/api/search/discussions?q=webhook');
		expect(Object.keys(body.topics[0]).sort()).toEqual(['categoryId', 'createdAt', 'id', 'lastActivityAt', 'replyCount', 'title']);
		expect(Object.keys(body.posts[0]).sort()).toEqual(['bodyDocumentId', 'createdAt', 'id', 'postNumber', 'rank', 'topicId']);
		const thread = (await suite.ada.call('GET', `/api/discussion/topics/${body.posts[0].topicId}/posts?pageSize=100`)).body.items;
		const post = thread.find((candidate: { id: string }) => candidate.id === body.posts[0].id);
		expect(post.content.toLowerCase()).toContain('webhook');
		expect(post.postNumber).toBe(body.posts[0].postNumber);
	});

	test('type=topics leaves posts empty and type=posts leaves topics empty', async () => {
		const topics = await suite.ada.call('GET', '/api/search/discussions?q=recipe&type=topics');
		expect(topics.body.topics.length).toBeGreaterThan(0);
		expect(topics.body).toMatchObject({ posts: [], postsHasMore: false });
		const posts = await suite.ada.call('GET', '/api/search/discussions?q=backoff&type=posts');
		expect(posts.body.posts.length).toBeGreaterThan(0);
		expect(posts.body).toMatchObject({ topics: [], topicsHasMore: false });
	});

	test('hasMore flags page through the results and turn false on the last page', async () => {
		const first = await suite.ada.call('GET', '/api/search/discussions?q=reply&type=posts&pageSize=100');
		expect(first.body.posts).toHaveLength(100);
		expect(first.body.postsHasMore).toBe(true);
		let page = 1;
		let body = first.body;
		const ids: string[] = [];
		while (true) {
			ids.push(...body.posts.map((post: { id: string }) => post.id));
			if (!body.postsHasMore) break;
			page += 1;
			body = (await suite.ada.call('GET', `/api/search/discussions?q=reply&type=posts&pageSize=100&page=${page}`)).body;
		}
		expect(page).toBeGreaterThanOrEqual(3);
		expect(new Set(ids).size).toBe(ids.length);
		const topics = await suite.ada.call('GET', '/api/search/discussions?q=recipe&type=topics&pageSize=2');
		expect(topics.body.topicsHasMore).toBe(true);
		// The published maximum is 100: more is a request the types refuse.
		const tooMany = await suite.ada.call('GET', '/api/search/discussions?q=reply&pageSize=1000');
		expect(tooMany.status).toBe(400);
		expect(takeViolations(suite.hub)).toEqual(['request query/pageSize: must be <= 100']);
	});

	test('a deleted topic no longer matches', async () => {
		const created = await suite.ada.call('POST', '/api/discussion/topics', {
			body: { title: 'Zanzibar sync engine', body: 'zanzibar details', communityId: suite.communityId },
		});
		expect((await suite.ada.call('GET', '/api/search/discussions?q=zanzibar')).body.topics).toHaveLength(1);
		await suite.ada.call('DELETE', `/api/discussion/topics/${created.body.id}`);
		const after = await suite.ada.call('GET', '/api/search/discussions?q=zanzibar');
		expect(after.body).toMatchObject({ topics: [], posts: [] });
	});

	test.each([
		['q', '', 'request query/q: is required'],
		['type', 'q=x&type=users', 'request query/type: must be one of: topics, posts'],
	])('a bad %s is 400 validation_error (the published types refuse it)', async (field, query, violation) => {
		const { status, body } = await suite.ada.call('GET', `/api/search/discussions?${query}`);
		expect(status).toBe(400);
		expect(body).toMatchObject({ error: { code: 'validation_error', field } });
		expect(takeViolations(suite.hub)).toEqual([violation]);
	});

	test('a blank q is a string the types accept, and the sandbox refuses', async () => {
		const { status, body } = await suite.ada.call('GET', '/api/search/discussions?q=%20%20');
		expect(status).toBe(400);
		expect(body).toMatchObject({ error: { code: 'validation_error', field: 'q' } });
	});
});
