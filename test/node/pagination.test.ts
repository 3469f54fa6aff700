import { activeTopics } from '../hub/resources/topics';
import { rl, seededCommunity, useNodeHarness } from './support';

/** Return All walks every page at the route's largest page size; a Limit stops after the page that fills it. */
describe('Get Many pagination', () => {
	const hub = useNodeHarness();
	const TOPICS = 'GET /api/discussion/topics';
	const NOTIFICATIONS = 'GET /api/notifications';
	const POSTS = 'GET /api/discussion/topics/:id/posts';
	let topicWithLongThread: string;

	beforeAll(async () => {
		const community = seededCommunity(hub.harness.hub);
		await hub.control('POST', '/__sandbox/activity/topics', {
			user: 'ada@example.com',
			communityId: community.id,
			title: 'Paged topic',
			body: 'filler',
			count: 250,
		});
		await hub.control('POST', '/__sandbox/activity/notifications', {
			user: 'ada@example.com',
			category: 'community_reply',
			title: 'Paged notification',
			count: 260,
		});
		const [topic] = await hub.runJson({
			resource: 'topic',
			operation: 'create',
			communityId: rl(community.id),
			title: 'Long thread',
			body: 'opening',
		});
		topicWithLongThread = String(topic.id);
		await hub.control('POST', '/__sandbox/activity/posts', {
			user: 'grace@example.com',
			topicId: topicWithLongThread,
			body: 'Reply',
			count: 230,
		});
	});

	it('Return All of topics spans 3 pages and equals the sandbox\'s full list', async () => {
		const community = seededCommunity(hub.harness.hub);
		const expected = activeTopics(hub.harness.hub.state.data, community.id).map((topic) => topic.id);
		expect(expected.length).toBeGreaterThan(200);
		const before = await hub.requests(TOPICS);
		const topics = await hub.runJson({ resource: 'topic', operation: 'getAll', communityId: rl(community.id), returnAll: true });
		expect(topics.map((topic) => topic.id)).toEqual(expected);
		expect(await hub.requests(TOPICS)).toBe(before + Math.ceil(expected.length / 100));
		expect(Math.ceil(expected.length / 100)).toBeGreaterThanOrEqual(3);
	});

	it('Limit 7 fetches exactly one page of topics and returns the first 7', async () => {
		const community = seededCommunity(hub.harness.hub);
		const expected = activeTopics(hub.harness.hub.state.data, community.id).slice(0, 7).map((topic) => topic.id);
		const before = await hub.requests(TOPICS);
		const topics = await hub.runJson({ resource: 'topic', operation: 'getAll', communityId: rl(community.id), limit: 7 });
		expect(topics.map((topic) => topic.id)).toEqual(expected);
		expect(await hub.requests(TOPICS)).toBe(before + 1);
	});

	it('Return All of notifications (a list with a total) equals the sandbox\'s inbox', async () => {
		const ada = hub.users().ada.id;
		const expected = Object.values(hub.harness.hub.state.data.notifications)
			.filter((n) => n.userId === ada && n.status === 'inbox')
			.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
		const before = await hub.requests(NOTIFICATIONS);
		const notifications = await hub.runJson({ resource: 'notification', operation: 'getAll', returnAll: true });
		expect(new Set(notifications.map((n) => n.id))).toEqual(new Set(expected.map((n) => n.id)));
		expect(notifications).toHaveLength(expected.length);
		expect(await hub.requests(NOTIFICATIONS)).toBe(before + Math.ceil(expected.length / 100));
		expect(Math.ceil(expected.length / 100)).toBeGreaterThanOrEqual(3);
	});

	it('Limit 7 fetches exactly one page of notifications', async () => {
		const before = await hub.requests(NOTIFICATIONS);
		const notifications = await hub.runJson({ resource: 'notification', operation: 'getAll', limit: 7 });
		expect(notifications).toHaveLength(7);
		expect(await hub.requests(NOTIFICATIONS)).toBe(before + 1);
	});

	it('Return All of a long thread gives every post in order over 3 pages', async () => {
		const before = await hub.requests(POSTS);
		const posts = await hub.runJson({ resource: 'post', operation: 'getAll', topicId: rl(topicWithLongThread), returnAll: true });
		expect(posts.map((post) => post.postNumber)).toEqual(Array.from({ length: 231 }, (_, index) => index + 1));
		expect(await hub.requests(POSTS)).toBe(before + 3);
	});
});
