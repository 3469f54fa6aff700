import { startHub, type Hub } from '../hub';
import { node, seededCommunity } from './support';
import { callAsTool } from './toolWorkflow';

describe('Tool mode (usableAsTool, run the way an AI Agent runs it)', () => {
	let hub: Hub;
	beforeAll(async () => {
		hub = await startHub();
	});
	afterAll(async () => hub?.close());

	it('is declared usable as a tool', () => {
		expect(node.description.usableAsTool).toBe(true);
	});

	it('creates a topic with arguments the model fills in through $fromAI', async () => {
		const community = seededCommunity(hub);
		const call = await callAsTool(
			hub,
			{
				resource: 'topic',
				operation: 'create',
				communityId: { __rl: true, mode: 'slug', value: community.slug },
				title: "={{ $fromAI('title', 'The topic title, at most 500 characters', 'string') }}",
				body: "={{ $fromAI('body', 'The opening post in Markdown', 'string') }}",
				additionalFields: {},
			},
			{ title: 'Asked by an agent', body: 'The agent wrote this.' },
		);
		expect(call.tools).toHaveLength(1);
		expect(call.tools[0].schemaKeys).toEqual(['body', 'title']);
		expect(call.tools[0].description).toMatch(/create a topic/i);
		const [created] = JSON.parse(call.result);
		expect(created).toMatchObject({ title: 'Asked by an agent', communityId: community.id });
		const stored = Object.values(hub.state.data.topics).find((topic) => topic.title === 'Asked by an agent');
		expect(stored?.communityId).toBe(community.id);
	});

	it('returns a validation error to the agent as a failed tool call, sending nothing', async () => {
		const before = JSON.stringify(hub.counters.requests);
		await expect(
			callAsTool(
				hub,
				{
					resource: 'reaction',
					operation: 'add',
					targetKind: 'discussion.topics',
					topicId: "={{ $fromAI('topicId', 'ID of the topic', 'string') }}",
					emoji: "={{ $fromAI('emoji', 'One emoji', 'string') }}",
				},
				{ topicId: 'some-topic', emoji: ' ' },
			),
		).rejects.toThrow('"Emoji" must not be empty [item 0]');
		expect(JSON.stringify(hub.counters.requests)).toBe(before);
	});
});
