import { rl, seededCommunity, useNodeHarness } from './support';

describe('Reaction', () => {
	const hub = useNodeHarness();
	let topicId: string;
	let postId: string;

	beforeAll(async () => {
		const [topic] = await hub.runJson({
			resource: 'topic',
			operation: 'create',
			communityId: rl(seededCommunity(hub.harness.hub).id),
			title: 'React to me',
			body: 'opening',
		});
		topicId = String(topic.id);
		const [post] = await hub.runJson({ resource: 'post', operation: 'reply', topicId: rl(topicId), body: 'a reply' });
		postId = String(post.id);
	});

	it('adds a reaction to a topic and to a post, and lists them', async () => {
		const [onTopic] = await hub.runJson({ resource: 'reaction', operation: 'add', topicId: rl(topicId), emoji: '🎉' });
		expect(onTopic).toMatchObject({ targetKind: 'discussion.topics', targetId: topicId, emoji: '🎉' });
		const [onPost] = await hub.runJson({
			resource: 'reaction',
			operation: 'add',
			targetKind: 'discussion.posts',
			postId: rl(postId),
			emoji: '👍',
		});
		expect(onPost).toMatchObject({ targetKind: 'discussion.posts', targetId: postId, emoji: '👍' });

		const onTopicList = await hub.runJson({ resource: 'reaction', operation: 'getAll', topicId: rl(topicId), returnAll: true });
		expect(onTopicList.map((reaction) => reaction.id)).toEqual([onTopic.id]);
		const onPostList = await hub.runJson({
			resource: 'reaction',
			operation: 'getAll',
			targetKind: 'discussion.posts',
			postId: rl(postId),
			returnAll: true,
		});
		expect(onPostList.map((reaction) => reaction.id)).toEqual([onPost.id]);
	});

	it('adding the same emoji twice returns the existing reaction', async () => {
		const [first] = await hub.runJson({ resource: 'reaction', operation: 'add', topicId: rl(topicId), emoji: '🚀' });
		const [again] = await hub.runJson({ resource: 'reaction', operation: 'add', topicId: rl(topicId), emoji: '🚀' });
		expect(again.id).toBe(first.id);
	});

	it('honours the Limit on Get Many', async () => {
		for (const emoji of ['1️⃣', '2️⃣', '3️⃣']) {
			await hub.run({ resource: 'reaction', operation: 'add', targetKind: 'discussion.posts', postId: rl(postId), emoji });
		}
		const limited = await hub.runJson({
			resource: 'reaction',
			operation: 'getAll',
			targetKind: 'discussion.posts',
			postId: rl(postId),
			limit: 2,
		});
		expect(limited).toHaveLength(2);
	});

	it('removes a reaction and returns { deleted: true, id }', async () => {
		const [reaction] = await hub.runJson({ resource: 'reaction', operation: 'add', topicId: rl(topicId), emoji: '🗑️' });
		const [result] = await hub.runJson({ resource: 'reaction', operation: 'remove', reactionId: String(reaction.id) });
		expect(result).toEqual({ deleted: true, id: reaction.id });
		const remaining = await hub.runJson({ resource: 'reaction', operation: 'getAll', topicId: rl(topicId), returnAll: true });
		expect(remaining.map((candidate) => candidate.id)).not.toContain(reaction.id);
	});

	it('fails to remove a reaction that does not exist', async () => {
		const error = await hub.runError({ resource: 'reaction', operation: 'remove', reactionId: 'no-such-reaction' });
		expect(error.message).toMatch(/^The reaction was not found/);
	});

	it('fails to list reactions of an unknown post', async () => {
		const error = await hub.runError({
			resource: 'reaction',
			operation: 'getAll',
			targetKind: 'discussion.posts',
			postId: rl('no-such-post'),
		});
		expect(error.message).toMatch(/not found/i);
	});

	it('refuses an empty emoji before sending anything', async () => {
		const before = await hub.requests();
		const error = await hub.runError({ resource: 'reaction', operation: 'add', topicId: rl(topicId), emoji: '  ' });
		expect(error.message).toBe('"Emoji" must not be empty [item 0]');
		expect(await hub.requests()).toBe(before);
	});
});
