import type { INodeParameters } from 'n8n-workflow';
import { retriedInOneExecution, rl, seededCommunity, useNodeHarness } from './support';

describe('Topic', () => {
	const hub = useNodeHarness();
	const community = () => seededCommunity(hub.harness.hub);

	async function createTopic(title = 'Release notes for the node') {
		const [topic] = await hub.runJson({
			resource: 'topic',
			operation: 'create',
			communityId: rl(community().slug, 'slug'),
			title,
			body: 'What changed, and why.',
		});
		return topic;
	}

	describe('Create', () => {
		it('creates a topic in a community given by slug, with a category', async () => {
			const category = Object.values(hub.harness.hub.state.data.categories).find(
				(candidate) => candidate.communityId === community().id,
			)!;
			const [topic] = await hub.runJson({
				resource: 'topic',
				operation: 'create',
				communityId: rl(`https://agenticdeveloperhub.com/c/${community().slug}`, 'url'),
				title: 'Webhooks that never miss',
				body: '## How we poll\nEvery minute.',
				additionalFields: { categoryId: category.id, isPublic: false },
			});
			expect(topic).toMatchObject({
				title: 'Webhooks that never miss',
				communityId: community().id,
				categoryId: category.id,
				isPublic: false,
				customerId: hub.users().ada.id,
			});
		});

		it("is never duplicated by n8n's Retry On Fail, and runs again in the node's next run of the execution", async () => {
			const parameters = { resource: 'topic', operation: 'create', communityId: rl(community().id), title: 'Created once per run', body: 'Hello' };
			const created = () => Object.values(hub.harness.hub.state.data.topics).filter((topic) => topic.title === 'Created once per run');
			const retried = await hub.runJson(parameters, {
				nodeType: retriedInOneExecution(),
				items: [{ json: {} }, { json: {} }],
				executionId: 'one-execution',
			});
			// Two items, each created twice: two topics, and the retry got the originals back.
			expect(retried.map((topic) => topic.id)).toEqual([retried[0].id, retried[1].id, retried[0].id, retried[1].id]);
			expect(retried[0].id).not.toBe(retried[1].id);
			expect(created()).toHaveLength(2);
			// A loop, or another AI tool call: the same item in the node's next run is a new topic.
			const [nextRun] = await hub.runJson(parameters, { executionId: 'one-execution', runIndex: 1 });
			expect(retried.map((topic) => topic.id)).not.toContain(nextRun.id);
			expect(created()).toHaveLength(3);
		});

		it('refuses a title over 500 characters before sending anything', async () => {
			const before = await hub.requests();
			const error = await hub.runError({
				resource: 'topic',
				operation: 'create',
				communityId: rl(community().id),
				title: 'x'.repeat(501),
				body: 'body',
			});
			expect(error.message).toMatch(/"Title".*500.*\[item 0\]/);
			expect(await hub.requests()).toBe(before);
		});

		it('refuses an empty body before sending anything', async () => {
			const before = await hub.requests();
			const error = await hub.runError({
				resource: 'topic',
				operation: 'create',
				communityId: rl(community().id),
				title: 'A title',
				body: '   ',
			});
			expect(error.message).toBe('"Body" must not be empty [item 0]');
			expect(await hub.requests()).toBe(before);
		});

		it('reports that only community admins start topics', async () => {
			hub.harness.useApiToken(hub.harness.hub.info().users[1].apiToken);
			try {
				const error = await hub.runError({
					resource: 'topic',
					operation: 'create',
					communityId: rl(community().id),
					title: 'Grace tries',
					body: 'Not an admin',
				});
				expect(error.message).toMatch(/refused.*only community admins/i);
			} finally {
				hub.harness.useApiToken();
			}
		});
	});

	describe('Get', () => {
		it('gets a topic by ID, simplified by default', async () => {
			const created = await createTopic('Simplify me');
			const [topic] = await hub.runJson({ resource: 'topic', operation: 'get', topicId: rl(String(created.id)) });
			expect(Object.keys(topic).sort()).toEqual(
				['categoryId', 'communityId', 'createdAt', 'customerId', 'excerpt', 'id', 'isLocked', 'lastActivityAt', 'replyCount', 'title'],
			);
			expect(topic.title).toBe('Simplify me');
		});

		it('gets the raw topic by web URL when Simplify is off', async () => {
			const created = await createTopic('Raw by URL');
			const url = `https://agenticdeveloperhub.com/c/${community().slug}/t/${created.id}`;
			const [topic] = await hub.runJson({ resource: 'topic', operation: 'get', topicId: rl(url, 'url'), simplify: false });
			expect(topic).toEqual(created);
		});

		it('reads Simplify sent as text (as an AI tool sends it), and refuses other text before any request', async () => {
			const created = await createTopic('Simplify as text');
			const [raw] = await hub.runJson({ resource: 'topic', operation: 'get', topicId: rl(String(created.id)), simplify: 'false' as never });
			expect(raw).toEqual(created);
			const before = await hub.requests();
			const error = await hub.runError({ resource: 'topic', operation: 'get', topicId: rl(String(created.id)), simplify: 'maybe' as never });
			expect(error.message).toBe('"Simplify" must be true or false (got "maybe") [item 0]');
			expect(await hub.requests()).toBe(before);
		});

		it('says which topic was not found', async () => {
			const error = await hub.runError({ resource: 'topic', operation: 'get', topicId: rl('no-such-topic') });
			expect(error.message).toMatch(/^The topic was not found.*\[Request ID: req_/);
		});

		it('refuses a URL that is not a topic URL, naming the field', async () => {
			const before = await hub.requests();
			const error = await hub.runError({
				resource: 'topic',
				operation: 'get',
				topicId: rl('https://agenticdeveloperhub.com/messages/abc', 'url'),
			});
			expect(error.message).toMatch(/"Topic".*URL.*\[item 0\]/);
			expect(await hub.requests()).toBe(before);
		});
	});

	describe('Get Many', () => {
		it('lists the topics of a community, most recently active first', async () => {
			const topics = await hub.runJson({
				resource: 'topic',
				operation: 'getAll',
				communityId: rl(community().id),
				returnAll: true,
			});
			expect(topics.length).toBeGreaterThan(20);
			expect(topics.every((topic) => topic.communityId === community().id)).toBe(true);
			const activity = topics.map((topic) => String(topic.lastActivityAt));
			expect(activity).toEqual([...activity].sort().reverse());
		});

		it('fails on an unknown community slug', async () => {
			const error = await hub.runError({
				resource: 'topic',
				operation: 'getAll',
				communityId: rl('no-such-community', 'slug'),
			});
			expect(error.message).toMatch(/^The community was not found/);
		});

		it('refuses a Limit below 1 before sending anything', async () => {
			const before = await hub.requests();
			const error = await hub.runError({ resource: 'topic', operation: 'getAll', limit: 0 });
			expect(error.message).toMatch(/"Limit".*at least 1.*\[item 0\]/);
			expect(await hub.requests()).toBe(before);
		});
	});

	describe('Update', () => {
		it('changes the title and pins the topic', async () => {
			const created = await createTopic('Before');
			const [topic] = await hub.runJson({
				resource: 'topic',
				operation: 'update',
				topicId: rl(String(created.id)),
				updateFields: { title: 'After', isPinned: true },
			});
			expect(topic).toMatchObject({ id: created.id, title: 'After', isPinned: true });
		});

		it('marks a reply as the answer, then clears the answer (answeredPostId: null)', async () => {
			const created = await createTopic('Answer me');
			const [reply] = await hub.runJson({ resource: 'post', operation: 'reply', topicId: rl(String(created.id)), body: 'The answer' });
			const update = (updateFields: INodeParameters) =>
				hub.runJson({ resource: 'topic', operation: 'update', topicId: rl(String(created.id)), updateFields, simplify: false });
			expect((await update({ answeredPostId: String(reply.id) }))[0].answeredPostId).toBe(reply.id);
			expect((await update({ clearAnswer: true }))[0].answeredPostId).toBeNull();
			expect(hub.harness.hub.state.data.topics[String(created.id)].answeredPostId).toBeNull();
		});

		it('refuses to mark and clear the answer at once, before sending anything', async () => {
			const before = await hub.requests();
			const error = await hub.runError({
				resource: 'topic',
				operation: 'update',
				topicId: rl('anything'),
				updateFields: { answeredPostId: 'post-1', clearAnswer: true },
			});
			expect(error.message).toBe('"Clear Answer" cannot be used with "Answered By Post ID" [item 0]');
			expect(await hub.requests()).toBe(before);
		});

		it('refuses an update with no fields before sending anything', async () => {
			const before = await hub.requests();
			const error = await hub.runError({ resource: 'topic', operation: 'update', topicId: rl('anything') });
			expect(error.message).toBe('"Update Fields" is empty [item 0]');
			expect(await hub.requests()).toBe(before);
		});

		it('refuses an empty new title', async () => {
			const error = await hub.runError({
				resource: 'topic',
				operation: 'update',
				topicId: rl('anything'),
				updateFields: { title: '' },
			});
			expect(error.message).toBe('"Title" must not be empty [item 0]');
		});
	});

	describe('Delete', () => {
		it('deletes a topic and returns { deleted: true, id }', async () => {
			const created = await createTopic('Short-lived');
			const [result] = await hub.runJson({ resource: 'topic', operation: 'delete', topicId: rl(String(created.id)) });
			expect(result).toEqual({ deleted: true, id: created.id });
			const error = await hub.runError({ resource: 'topic', operation: 'get', topicId: rl(String(created.id)) });
			expect(error.message).toMatch(/^The topic was not found/);
		});

		it('fails on a topic that does not exist', async () => {
			const error = await hub.runError({ resource: 'topic', operation: 'delete', topicId: rl('no-such-topic') });
			expect(error.message).toMatch(/^The topic was not found/);
		});
	});
});
