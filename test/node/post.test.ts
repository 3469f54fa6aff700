import { rl, seededCommunity, useNodeHarness } from './support';

describe('Post', () => {
	const hub = useNodeHarness();

	async function newTopic(title: string) {
		const [topic] = await hub.runJson({
			resource: 'topic',
			operation: 'create',
			communityId: rl(seededCommunity(hub.harness.hub).id),
			title,
			body: 'Opening post',
		});
		return String(topic.id);
	}

	async function reply(topicId: string, body: string, parentPostId?: string) {
		const [post] = await hub.runJson({
			resource: 'post',
			operation: 'reply',
			topicId: rl(topicId),
			body,
			...(parentPostId ? { parentPostId: rl(parentPostId) } : {}),
		});
		return post;
	}

	describe('Reply', () => {
		it('replies to a topic, and to a post in it', async () => {
			const topicId = await newTopic('Thread');
			const first = await reply(topicId, 'First reply');
			const nested = await reply(topicId, 'Answering the first reply', String(first.id));
			expect(first).toMatchObject({ topicId, parentPostId: null, content: 'First reply', postNumber: 2 });
			expect(nested).toMatchObject({ topicId, parentPostId: first.id, postNumber: 3 });
		});

		it('takes the topic from its web URL', async () => {
			const topicId = await newTopic('By URL');
			const url = `https://agenticdeveloperhub.com/c/${seededCommunity(hub.harness.hub).slug}/t/${topicId}`;
			const [post] = await hub.runJson({ resource: 'post', operation: 'reply', topicId: rl(url, 'url'), body: 'Hi' });
			expect(post.topicId).toBe(topicId);
		});

		it('reports a locked topic as a conflict', async () => {
			const topicId = await newTopic('Locked');
			await hub.run({ resource: 'topic', operation: 'update', topicId: rl(topicId), updateFields: { isLocked: true } });
			const error = await hub.runError({ resource: 'post', operation: 'reply', topicId: rl(topicId), body: 'Too late' });
			expect(error.message).toMatch(/locked/i);
		});

		it('refuses an empty body before sending anything', async () => {
			const before = await hub.requests();
			const error = await hub.runError({ resource: 'post', operation: 'reply', topicId: rl('t'), body: '' });
			expect(error.message).toBe('"Body" must not be empty [item 0]');
			expect(await hub.requests()).toBe(before);
		});
	});

	describe('Get Many', () => {
		it('returns a topic\'s posts in thread order, simplified', async () => {
			const topicId = await newTopic('Ordered');
			for (const body of ['one', 'two', 'three']) await reply(topicId, body);
			const posts = await hub.runJson({ resource: 'post', operation: 'getAll', topicId: rl(topicId), returnAll: true });
			expect(posts.map((post) => post.content)).toEqual(['Opening post', 'one', 'two', 'three']);
			expect(posts.map((post) => post.postNumber)).toEqual([1, 2, 3, 4]);
			expect(Object.keys(posts[0]).sort()).toEqual(
				['content', 'createdAt', 'customerId', 'id', 'parentPostId', 'postNumber', 'topicId'],
			);
		});

		it('keeps the raw posts with Simplify off, and honours the Limit', async () => {
			const topicId = await newTopic('Limited');
			for (const body of ['a', 'b', 'c']) await reply(topicId, body);
			const posts = await hub.runJson({ resource: 'post', operation: 'getAll', topicId: rl(topicId), limit: 2, simplify: false });
			expect(posts.map((post) => post.content)).toEqual(['Opening post', 'a']);
			expect(posts[0]).toHaveProperty('bodyDocumentId');
		});

		it('fails on an unknown topic', async () => {
			const error = await hub.runError({ resource: 'post', operation: 'getAll', topicId: rl('missing') });
			expect(error.message).toMatch(/^The topic was not found/);
		});
	});

	describe('Delete', () => {
		it('deletes a reply and returns { deleted: true, id }', async () => {
			const topicId = await newTopic('Delete a reply');
			const post = await reply(topicId, 'Regrettable');
			const [result] = await hub.runJson({ resource: 'post', operation: 'delete', postId: rl(String(post.id)) });
			expect(result).toEqual({ deleted: true, id: post.id });
			const posts = await hub.runJson({ resource: 'post', operation: 'getAll', topicId: rl(topicId), returnAll: true });
			expect(posts.map((remaining) => remaining.id)).not.toContain(post.id);
		});

		it('refuses to delete the opening post', async () => {
			const topicId = await newTopic('Keep the opener');
			const [opening] = await hub.runJson({ resource: 'post', operation: 'getAll', topicId: rl(topicId), limit: 1 });
			const error = await hub.runError({ resource: 'post', operation: 'delete', postId: rl(String(opening.id)) });
			expect(error.message).toMatch(/opening post|topic/i);
		});
	});
});
