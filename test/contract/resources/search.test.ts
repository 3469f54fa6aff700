import { useResourceHub } from './helpers';

describe('search', () => {
	const suite = useResourceHub();

	test('q matches topic titles and post bodies case-insensitively, in the documented wrapper', async () => {
		const { status, body } = await suite.ada.call('GET', '/api/search/discussions?q=WEBHOOK');
		expect(status).toBe(200);
		expect(Object.keys(body).sort()).toEqual(['page', 'pageSize', 'posts', 'postsHasMore', 'topics', 'topicsHasMore']);
		expect(body).toMatchObject({ page: 1, pageSize: 20 });
		expect(body.topics.length).toBeGreaterThan(0);
		expect(body.topics.every((t: { title: string; excerpt: string }) => `${t.title} ${t.excerpt}`.toLowerCase().includes('webhook'))).toBe(true);
		expect(body.posts.length).toBeGreaterThan(0);
		expect(body.posts.every((p: { content: string }) => p.content.toLowerCase().includes('webhook'))).toBe(true);
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
		const clamped = await suite.ada.call('GET', '/api/search/discussions?q=reply&pageSize=1000');
		expect(clamped.body.pageSize).toBe(100);
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
		['q', ''],
		['type', 'q=x&type=users'],
	])('a bad %s is 400 validation_error', async (field, query) => {
		const { status, body } = await suite.ada.call('GET', `/api/search/discussions?${query}`);
		expect(status).toBe(400);
		expect(body).toMatchObject({ code: 'validation_error', field });
	});
});
