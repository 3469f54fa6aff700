import { rl, seededCommunity, useNodeHarness } from './support';

describe('Discussion', () => {
	const hub = useNodeHarness();

	it('searches topics by a word in their title, across pages', async () => {
		await hub.control('POST', '/__sandbox/activity/topics', {
			user: 'ada@example.com',
			communityId: seededCommunity(hub.harness.hub).id,
			title: 'Zebra crossing',
			body: 'stripes',
			count: 120,
		});
		const before = await hub.requests('GET /api/search/discussions');
		const topics = await hub.runJson({
			resource: 'discussion',
			operation: 'search',
			searchType: 'topics',
			query: 'zebra',
			returnAll: true,
		});
		expect(topics).toHaveLength(120);
		expect(new Set(topics.map((topic) => topic.id)).size).toBe(120);
		expect(topics.every((topic) => String(topic.title).startsWith('Zebra crossing #'))).toBe(true);
		expect(await hub.requests('GET /api/search/discussions')).toBe(before + 2);
	});

	it('searches posts, simplified to the fields a post search result has', async () => {
		const [topic] = await hub.runJson({
			resource: 'topic',
			operation: 'create',
			communityId: rl(seededCommunity(hub.harness.hub).id),
			title: 'Search target',
			body: 'opening',
		});
		await hub.run({ resource: 'post', operation: 'reply', topicId: rl(String(topic.id)), body: 'the quokka is happy' });
		const posts = await hub.runJson({ resource: 'discussion', operation: 'search', searchType: 'posts', query: 'QUOKKA', limit: 5 });
		expect(posts).toHaveLength(1);
		expect(posts[0]).toMatchObject({ topicId: topic.id, postNumber: 2 });
		expect(Object.keys(posts[0]).sort()).toEqual(['createdAt', 'id', 'postNumber', 'topicId']);
	});

	it('refuses an empty query before sending anything', async () => {
		const before = await hub.requests();
		const error = await hub.runError({ resource: 'discussion', operation: 'search', query: ' ' });
		expect(error.message).toBe('"Query" must not be empty [item 0]');
		expect(await hub.requests()).toBe(before);
	});
});
