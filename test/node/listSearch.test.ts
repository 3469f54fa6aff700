import type { INodeParameters } from 'n8n-workflow';
import { node, rl, seededCommunity, useNodeHarness } from './support';

describe('List search (the "From List" pickers)', () => {
	const hub = useNodeHarness();
	const search = (method: string, run: { parameters?: INodeParameters; filter?: string; paginationToken?: string } = {}) =>
		hub.harness.listSearch(node, method, { ...run, parameters: { authentication: 'apiToken', ...run.parameters } });

	let threadTopicId: string;
	beforeAll(async () => {
		const community = seededCommunity(hub.harness.hub);
		await hub.control('POST', '/__sandbox/activity/topics', {
			user: 'ada@example.com',
			communityId: community.id,
			title: 'Picker topic',
			body: 'filler',
			count: 150,
		});
		const [topic] = await hub.runJson({
			resource: 'topic',
			operation: 'create',
			communityId: rl(community.id),
			title: 'Thread to pick from',
			body: 'The opening post',
		});
		threadTopicId = String(topic.id);
		await hub.control('POST', '/__sandbox/activity/posts', { user: 'grace@example.com', topicId: threadTopicId, body: 'A reply about llamas' });
		await hub.control('POST', '/__sandbox/activity/notifications', {
			user: 'ada@example.com',
			category: 'admin_announcement',
			title: 'Picker notification',
			count: 120,
		});
	});

	it('searchTopics names topics by title and paginates', async () => {
		const first = await search('searchTopics');
		expect(first.results).toHaveLength(100);
		expect(first.paginationToken).toBe('2');
		expect(first.results[0]).toEqual({ name: 'Thread to pick from', value: threadTopicId });
		const second = await search('searchTopics', { paginationToken: first.paginationToken });
		expect(second.results.length).toBeGreaterThan(50);
		const firstIds = new Set(first.results.map((result) => result.value));
		expect(second.results.some((result) => firstIds.has(result.value))).toBe(false);
		expect(second.results.every((result) => typeof result.name === 'string' && result.name.length > 0)).toBe(true);
	});

	it('searchTopics uses the node\'s community (by slug) and the typed filter', async () => {
		const community = seededCommunity(hub.harness.hub);
		const found = await search('searchTopics', {
			parameters: { resource: 'topic', operation: 'getAll', communityId: rl(community.slug, 'slug') },
			filter: 'Picker topic #14',
		});
		// Within a community the picker filters the community's topics itself (search results carry no community).
		expect(found.results.map((result) => result.name).sort()).toEqual(['Picker topic #14', 'Picker topic #140', 'Picker topic #141', 'Picker topic #142', 'Picker topic #143', 'Picker topic #144', 'Picker topic #145', 'Picker topic #146', 'Picker topic #147', 'Picker topic #148', 'Picker topic #149'].sort());
		expect(found.results.every((result) => hub.harness.hub.state.data.topics[String(result.value)].communityId === community.id)).toBe(true);
		expect(found.paginationToken).toBeUndefined();
		const other = Object.values(hub.harness.hub.state.data.communities).find((candidate) => candidate.id !== community.id)!;
		const elsewhere = await search('searchTopics', {
			parameters: { resource: 'topic', operation: 'getAll', communityId: rl(other.id) },
			filter: 'Picker',
		});
		expect(elsewhere.results).toEqual([]);
	});

	it('searchPosts lists the node\'s topic\'s posts by number and text', async () => {
		const found = await search('searchPosts', { parameters: { resource: 'post', operation: 'reply', topicId: rl(threadTopicId) } });
		expect(found.results.map((result) => result.name)).toEqual(['#1: The opening post', '#2: A reply about llamas']);
		const filtered = await search('searchPosts', { parameters: { resource: 'post', operation: 'reply', topicId: rl(threadTopicId) }, filter: 'LLAMA' });
		expect(filtered.results.map((result) => result.name)).toEqual(['#2: A reply about llamas']);
		// Post search results carry no content: named by their topic's title.
		const withoutTopic = await search('searchPosts', { parameters: { resource: 'post', operation: 'delete' }, filter: 'llamas' });
		expect(withoutTopic.results.map((result) => result.name)).toEqual(['#2 in "Thread to pick from"']);
	});

	it('searchChats names chats by the other person and the last message', async () => {
		await hub.control('POST', '/__sandbox/activity/messages', { user: 'alan@example.com', recipient: 'ada@example.com', body: 'Lunch at noon?' });
		const found = await search('searchChats');
		const alanId = hub.users().alan.id;
		expect(found.results[0].name).toBe(`Chat with user ${alanId}: "Lunch at noon?" (1 unread)`);
		expect((await search('searchChats', { filter: 'lunch' })).results).toHaveLength(1);
	});

	it('searchNotifications names notifications by title, category and state, and paginates', async () => {
		const first = await search('searchNotifications');
		expect(first.results).toHaveLength(100);
		expect(first.results[0].name).toMatch(/^Picker notification #\d+ \(admin_announcement, unread\)$/);
		expect(first.paginationToken).toBe('2');
		const second = await search('searchNotifications', { paginationToken: '2' });
		expect(second.results.length).toBeGreaterThan(20);
	});

	it('searchEcosystems and searchConnections name what they list', async () => {
		const ecosystems = await search('searchEcosystems');
		expect(ecosystems.results.map((result) => result.name)).toEqual(['Personal (default)', 'Agentic Builders team']);
		const connections = await search('searchConnections');
		expect(connections.results.map((result) => result.name)).toEqual(['Mailgun (mg.ada.example.com) (mailgun, active)']);
		const team = ecosystems.results[1].value as string;
		expect((await search('searchConnections', { parameters: { resource: 'integration', operation: 'getAllConnections', ecosystemId: rl(team) } })).results).toEqual([]);
	});

	it('fails with the Hub\'s message when the credential cannot read', async () => {
		hub.harness.useApiToken('adh_pat_revoked-or-wrong');
		try {
			await expect(search('searchTopics')).rejects.toThrow(/token|credential|reconnect/i);
		} finally {
			hub.harness.useApiToken();
		}
	});
});
