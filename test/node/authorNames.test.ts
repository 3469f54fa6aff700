import { createTopicIn } from '../hub/resources/activity';
import { worldOf } from '../hub/resources/world';
import { rl, useNodeHarness } from './support';

/*
 * Include Author Names against the validating sandbox: the names are the sandbox's users', and the
 * profiles requests are counted at `/__sandbox/counters`.
 */
describe('Include Author Names', () => {
	const hub = useNodeHarness();
	const PROFILES = 'GET /api/communities/:id/profiles';
	const TOPICS_PAGES = ['GET /api/discussion/topics', 'GET /api/communities/:id/topics'];
	const TOPIC_COUNT = 250;
	let communityId = '';

	/** A community of three admins with 250 topics, written in turn by Ada, Grace and Alan. */
	beforeAll(() => {
		const { ada, grace, alan } = hub.users();
		const sandbox = hub.harness.hub;
		const seeded = Object.values(sandbox.state.data.communities)[0];
		communityId = sandbox.newId();
		sandbox.state.data.communities[communityId] = {
			...seeded,
			id: communityId,
			slug: 'names-test',
			name: 'Names test',
			adminUserIds: [ada.id, grace.id, alan.id],
		};
		const authors = [ada.id, grace.id, alan.id];
		for (let index = 0; index < TOPIC_COUNT; index++) {
			createTopicIn(worldOf(sandbox), { authorId: authors[index % 3], communityId, title: `Topic ${index}`, body: 'Body' });
		}
	});

	const expectedNames = () => {
		const { ada, grace, alan } = hub.users();
		return { [ada.id]: 'Ada Lovelace', [grace.id]: 'Grace Hopper', [alan.id]: 'Alan Turing' };
	};

	async function countDuring(labels: string[], run: () => Promise<unknown>): Promise<number> {
		const count = async () => (await Promise.all(labels.map((label) => hub.requests(label)))).reduce((a, b) => a + b, 0);
		const before = await count();
		await run();
		return (await count()) - before;
	}

	it.each([
		['Topic Get Many', { resource: 'topic', operation: 'getAll' }],
		['Community Get Many Topics', { resource: 'community', operation: 'getTopics' }],
	])('%s, Return All of 250 topics: at most one extra request per page, names of the sandbox users', async (_name, operation) => {
		let topics: Array<Record<string, unknown>> = [];
		let profileRequests = 0;
		const pages = await countDuring(TOPICS_PAGES, async () => {
			profileRequests = await countDuring([PROFILES], async () => {
				topics = await hub.runJson({ ...operation, communityId: rl('names-test', 'slug'), returnAll: true, includeAuthorNames: true });
			});
		});
		expect(topics).toHaveLength(TOPIC_COUNT);
		expect(pages).toBeGreaterThanOrEqual(3);
		expect(profileRequests).toBeLessThanOrEqual(pages);
		// Three people in one community: one profiles request for the whole output.
		expect(profileRequests).toBe(1);
		const names = expectedNames();
		for (const topic of topics) expect(topic.authorName).toBe(names[String(topic.customerId)]);
	});

	it('costs nothing when off (the default), and adds no field', async () => {
		let topics: Array<Record<string, unknown>> = [];
		const profileRequests = await countDuring([PROFILES], async () => {
			topics = await hub.runJson({ resource: 'topic', operation: 'getAll', communityId: rl(communityId), limit: 5 });
		});
		expect(profileRequests).toBe(0);
		expect(topics.some((topic) => 'authorName' in topic)).toBe(false);
	});

	it('over every community: one profiles request per community, never more than the pages', async () => {
		let topics: Array<Record<string, unknown>> = [];
		let profileRequests = 0;
		const pages = await countDuring(TOPICS_PAGES, async () => {
			profileRequests = await countDuring([PROFILES], async () => {
				topics = await hub.runJson({ resource: 'topic', operation: 'getAll', returnAll: true, includeAuthorNames: true });
			});
		});
		const communities = new Set(topics.map((topic) => topic.communityId));
		expect(profileRequests).toBe(communities.size);
		expect(profileRequests).toBeLessThanOrEqual(pages);
		const names = expectedNames();
		expect(topics.every((topic) => topic.authorName === names[String(topic.customerId)])).toBe(true);
	});

	it('names post authors, reaction authors and message senders', async () => {
		const names = expectedNames();
		const data = hub.harness.hub.state.data;
		const threadTopic = Object.values(data.topics).find((topic) => topic.replyCount > 2 && topic.replyCount < 100)!;
		const posts = await hub.runJson({ resource: 'post', operation: 'getAll', topicId: rl(threadTopic.id), returnAll: true, includeAuthorNames: true });
		expect(posts.length).toBeGreaterThan(1);
		expect(posts.every((post) => post.authorName === names[String(post.customerId)])).toBe(true);

		const reacted = Object.values(data.reactions).find((reaction) => reaction.targetKind === 'discussion.topics')!;
		const reactions = await hub.runJson({
			resource: 'reaction',
			operation: 'getAll',
			targetKind: 'discussion.topics',
			topicId: rl(reacted.targetId),
			returnAll: true,
			includeAuthorNames: true,
			namesCommunityId: rl(data.topics[reacted.targetId].communityId),
		});
		expect(reactions.length).toBeGreaterThan(0);
		expect(reactions.every((reaction) => reaction.authorName === names[String(reaction.customerId)])).toBe(true);

		const chat = Object.values(data.chats)[0];
		const messages = await hub.runJson({
			resource: 'directMessage',
			operation: 'getAllMessages',
			chatId: rl(chat.id),
			limit: 3,
			includeAuthorNames: true,
			namesCommunityId: rl(communityId),
		});
		expect(messages).toHaveLength(3);
		expect(messages.every((message) => message.senderName === names[String(message.senderUserId)])).toBe(true);
	});

	it('refuses a missing Names From Community before sending anything', async () => {
		const before = await hub.requests();
		const error = await hub.runError({
			resource: 'reaction',
			operation: 'getAll',
			targetKind: 'discussion.topics',
			topicId: rl('3f1c2a9e-5b7d-4c1e-9a2f-6d8b0e4c7a15'),
			includeAuthorNames: true,
		});
		expect(error.message).toMatch(/"Names From Community" is required \[item 0\]/);
		expect(await hub.requests()).toBe(before);
	});
});
