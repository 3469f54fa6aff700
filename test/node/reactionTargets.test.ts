import { rl, seededCommunity, useNodeHarness } from './support';

describe('Reaction: Get Many for Several Targets', () => {
	const hub = useNodeHarness();
	const topicIds: string[] = [];

	beforeAll(async () => {
		for (const title of ['First', 'Second', 'Third']) {
			const [topic] = await hub.runJson({ resource: 'topic', operation: 'create', communityId: rl(seededCommunity(hub.harness.hub).id), title, body: 'opening' });
			topicIds.push(String(topic.id));
		}
		await hub.runJson({ resource: 'reaction', operation: 'add', topicId: rl(topicIds[0]), emoji: '🎉' });
		await hub.runJson({ resource: 'reaction', operation: 'add', topicId: rl(topicIds[2]), emoji: '👍' });
	});

	it('lists the reactions of several topics in one request', async () => {
		const before = await hub.requests('GET /api/content/reactions');
		const reactions = await hub.runJson({ resource: 'reaction', operation: 'getAllForTargets', targetIds: topicIds.join(', ') });
		expect(reactions.map((reaction) => [reaction.targetId, reaction.emoji]).sort()).toEqual(
			[
				[topicIds[0], '🎉'],
				[topicIds[2], '👍'],
			].sort(),
		);
		expect(await hub.requests('GET /api/content/reactions')).toBe(before + 1);
	});

	it('a target that does not exist is the Hub\'s clear 404; with Continue On Fail the item says so', async () => {
		const output = await hub.run(
			{ resource: 'reaction', operation: 'getAllForTargets', targetIds: `${topicIds[0]}, 00000000-0000-4000-8000-000000000000` },
			{ continueOnFail: true },
		);
		expect(output).toEqual([{ json: { error: expect.stringMatching(/not found/) }, pairedItem: { item: 0 } }]);
	});

	it('no IDs is refused before any request', async () => {
		const before = await hub.requests();
		const error = await hub.runError({ resource: 'reaction', operation: 'getAllForTargets', targetIds: ' , ' });
		expect(error.message).toBe('"Target IDs" must have at least one ID [item 0]');
		expect(await hub.requests()).toBe(before);
	});
});
