import { rl, seededCommunity, useNodeHarness } from './support';

describe('Router: items, pairedItem and Continue On Fail', () => {
	const hub = useNodeHarness();

	const topicParameters = {
		resource: 'topic',
		operation: 'get',
		topicId: '={{ $json.topicId }}',
	};

	async function someTopicIds(count: number): Promise<string[]> {
		const topics = await hub.runJson({
			resource: 'topic',
			operation: 'getAll',
			communityId: rl(seededCommunity(hub.harness.hub).id),
			limit: count,
		});
		return topics.map((topic) => String(topic.id));
	}

	it('runs once per item and pairs every output item with its input', async () => {
		const ids = await someTopicIds(3);
		const output = await hub.run(topicParameters, { items: ids.map((topicId) => ({ json: { topicId } })) });
		expect(output.map((item) => item.json.id)).toEqual(ids);
		expect(output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
	});

	it('pairs every item of a Get Many with the input item that asked for it', async () => {
		const ids = await someTopicIds(2);
		const output = await hub.run(
			{ resource: 'post', operation: 'getAll', topicId: '={{ $json.topicId }}', limit: 2 },
			{ items: ids.map((topicId) => ({ json: { topicId } })) },
		);
		expect(output.length).toBeGreaterThanOrEqual(2);
		for (const item of output) {
			const input = ids.indexOf(String(item.json.topicId));
			expect(input).toBeGreaterThanOrEqual(0);
			expect(item.pairedItem).toEqual({ item: input });
		}
	});

	it('with Continue On Fail, a failing item becomes { error } and the others go on', async () => {
		const [first, last] = await someTopicIds(2);
		const output = await hub.run(topicParameters, {
			continueOnFail: true,
			items: [{ json: { topicId: first } }, { json: { topicId: 'no-such-topic' } }, { json: { topicId: last } }],
		});
		expect(output).toHaveLength(3);
		expect(output[0].json.id).toBe(first);
		expect(Object.keys(output[1].json)).toEqual(['error']);
		expect(output[1].json.error).toMatch(/^The topic was not found/);
		expect(output[1].pairedItem).toEqual({ item: 1 });
		expect(output[2]).toMatchObject({ json: { id: last }, pairedItem: { item: 2 } });
	});

	it('with Continue On Fail, a validation error is reported per item too', async () => {
		const output = await hub.run(
			{ resource: 'reaction', operation: 'add', topicId: rl('any'), emoji: '={{ $json.emoji }}' },
			{ continueOnFail: true, items: [{ json: { emoji: '' } }, { json: { emoji: '' } }] },
		);
		expect(output).toEqual([
			{ json: { error: '"Emoji" must not be empty [item 0]' }, pairedItem: { item: 0 } },
			{ json: { error: '"Emoji" must not be empty [item 1]' }, pairedItem: { item: 1 } },
		]);
	});

	it('without Continue On Fail, the first failure stops the run and names its item', async () => {
		const [id] = await someTopicIds(1);
		const before = await hub.requests('GET /api/discussion/topics/:id');
		const error = await hub.runError(
			{ resource: 'topic', operation: 'create', communityId: rl(seededCommunity(hub.harness.hub).id), title: '={{ $json.title }}', body: 'b' },
			{ items: [{ json: { title: '' } }, { json: { title: 'never sent' } }] },
		);
		expect(error.message).toBe('"Title" must not be empty [item 0]');
		expect((error.context as { itemIndex?: number }).itemIndex).toBe(0);
		const second = await hub.runError(topicParameters, {
			items: [{ json: { topicId: id } }, { json: { topicId: 'missing' } }],
		});
		expect((second.context as { itemIndex?: number }).itemIndex).toBe(1);
		expect(await hub.requests('GET /api/discussion/topics/:id')).toBe(before + 2);
	});
});
