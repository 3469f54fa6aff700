import { controlRequest } from '../hub/testing';
import { createHarness, type Harness } from '../harness';
import { counters, responses, runProbe } from './support';

const POSTS = 'GET /api/discussion/topics/:id/posts';
const NOTIFICATIONS = 'GET /api/notifications';
const SEARCH = 'GET /api/search/discussions';

describe('transport pagination', () => {
	let harness: Harness;
	let longTopicId: string;
	let longThreadSize: number;

	beforeAll(async () => {
		harness = await createHarness();
		await harness.connectOAuth2();
		const byTopic = new Map<string, number>();
		for (const post of Object.values(harness.hub.state.data.posts)) byTopic.set(post.topicId, (byTopic.get(post.topicId) ?? 0) + 1);
		[longTopicId, longThreadSize] = [...byTopic.entries()].sort((a, b) => b[1] - a[1])[0];
	});
	afterAll(async () => harness?.close());

	const before = async (label: string) => Object.values(responses(await counters(harness.hub), label)).reduce((sum, n) => sum + n, 0);
	const requestsSince = async (label: string, start: number) => (await before(label)) - start;
	const listPosts = (extra: Record<string, unknown> = {}) =>
		runProbe(harness, {
			authentication: 'oAuth2',
			endpoint: `/api/discussion/topics/${longTopicId}/posts`,
			paginate: true,
			itemsKey: 'items',
			maxPageSize: 100,
			...extra,
		});

	it('Return All without `total`: pages of the route maximum until a short page', async () => {
		expect(longThreadSize).toBeGreaterThan(200);
		const start = await before(POSTS);

		const { output, error } = await listPosts();

		expect(error).toBeUndefined();
		const numbers = output![0].map((item) => item.json.postNumber);
		expect(numbers).toHaveLength(longThreadSize);
		expect(new Set(numbers).size).toBe(longThreadSize);
		expect(await requestsSince(POSTS, start)).toBe(Math.ceil(longThreadSize / 100));
	});

	it('Limit stops as soon as it has enough', async () => {
		let start = await before(POSTS);
		const few = await listPosts({ limit: 5 });
		expect(few.output![0]).toHaveLength(5);
		expect(await requestsSince(POSTS, start)).toBe(1);

		start = await before(POSTS);
		const more = await listPosts({ limit: 150 });
		expect(more.output![0].map((item) => item.json.postNumber)).toEqual(
			Array.from({ length: 150 }, (_unused, index) => index + 1),
		);
		expect(await requestsSince(POSTS, start)).toBe(2);
	});

	it('with `total`: no request past the last page, and array query values repeat the key', async () => {
		const ada = harness.hub.info().users[0];
		const inbox = () =>
			Object.values(harness.hub.state.data.notifications).filter((n) => n.userId === ada.id && n.status === 'inbox');
		const missing = 200 - inbox().length;
		expect(missing).toBeGreaterThan(0);
		await controlRequest(harness.hub, 'POST', '/__sandbox/activity/notifications', {
			user: ada.email,
			category: 'direct_message',
			title: 'Filler',
			count: missing,
		});
		expect(inbox()).toHaveLength(200);
		let start = await before(NOTIFICATIONS);

		const all = await runProbe(harness, { authentication: 'oAuth2', endpoint: '/api/notifications', paginate: true, maxPageSize: 100 });

		expect(all.output![0]).toHaveLength(200);
		expect(await requestsSince(NOTIFICATIONS, start)).toBe(2);

		start = await before(NOTIFICATIONS);
		const categories = ['community_reply', 'community_mention'];
		const filtered = await runProbe(harness, {
			authentication: 'oAuth2',
			endpoint: '/api/notifications',
			paginate: true,
			maxPageSize: 100,
			qs: JSON.stringify({ category: categories }),
		});
		const expected = inbox().filter((n) => categories.includes(n.category)).length;
		expect(expected).toBeGreaterThan(0);
		expect(filtered.output![0]).toHaveLength(expected);
		expect(new Set(filtered.output![0].map((item) => item.json.category))).toEqual(new Set(categories));
		expect(await requestsSince(NOTIFICATIONS, start)).toBe(1);
	});

	it('with a hasMore flag (search): follows it across pages', async () => {
		const ada = harness.hub.info().users[0];
		await controlRequest(harness.hub, 'POST', '/__sandbox/activity/posts', {
			user: ada.email,
			topicId: longTopicId,
			body: 'zebra-needle reply',
			count: 130,
		});
		const start = await before(SEARCH);

		const found = await runProbe(harness, {
			authentication: 'oAuth2',
			endpoint: '/api/search/discussions',
			paginate: true,
			itemsKey: 'posts',
			hasMoreKey: 'postsHasMore',
			maxPageSize: 100,
			qs: JSON.stringify({ q: 'zebra-needle', type: 'posts' }),
		});

		expect(found.output![0]).toHaveLength(130);
		expect(await requestsSince(SEARCH, start)).toBe(2);
	});

	it('the `chats` wrapper with `total`', async () => {
		const { output, error } = await runProbe(harness, {
			authentication: 'oAuth2',
			endpoint: '/api/chat/dms',
			paginate: true,
			itemsKey: 'chats',
			maxPageSize: 500,
		});
		expect(error).toBeUndefined();
		const ada = harness.hub.info().users[0];
		const chats = Object.values(harness.hub.state.data.chats).filter((chat) => chat.participantIds.includes(ada.id));
		expect(output![0]).toHaveLength(chats.length);
		expect(output![0][0].json).toHaveProperty('chatId');
	});
});
