import type { IDataObject } from 'n8n-workflow';
import type { Harness } from '../harness';
import { hubRequest } from '../hub/testing';
import { describeEventBehaviour } from './support/behaviour';
import { counters, freshNodeName, pollItems, requestsBetween, trigger } from './support/harness';
import { ADA, longThreadTopicId, replyScenario } from './support/scenarios';
import { seededUser } from './support/users';

describe('Trigger: New Reply in Topic', () => {
	const context: { harness?: Harness } = {};
	describeEventBehaviour(replyScenario, context);

	const ids = (items: IDataObject[]) => items.map((item) => item.id);

	/** Ada, the community's admin, deletes posts through the Hub API. */
	async function deletePosts(harness: Harness, postIds: unknown[]): Promise<void> {
		const { apiToken } = seededUser(harness, ADA);
		for (const postId of postIds) {
			const deleted = await hubRequest(harness.hub, 'DELETE', `/api/discussion/posts/${postId}`, { token: apiToken });
			expect(deleted.status).toBe(204);
		}
	}

	it('posts deleted before the mark, or the mark itself, neither hide nor repeat replies', async () => {
		const harness = context.harness!;
		const scenario = replyScenario(harness);
		const nodeName = freshNodeName();
		expect(await pollItems(harness, nodeName, scenario.parameters)).toEqual([]);
		const handled = await scenario.create(3, 'handled');
		expect(ids(await pollItems(harness, nodeName, scenario.parameters))).toEqual(ids(handled));

		const { apiToken } = seededUser(harness, ADA);
		const thread = await hubRequest(harness.hub, 'GET', `/api/discussion/topics/${longThreadTopicId(harness)}/posts?page=2&pageSize=100`, { token: apiToken });
		await deletePosts(harness, thread.body.items.slice(0, 12).map((post: IDataObject) => post.id));
		const afterEarlierDeletes = await scenario.create(2, 'after earlier deletes');
		expect(ids(await pollItems(harness, nodeName, scenario.parameters))).toEqual(ids(afterEarlierDeletes));

		await deletePosts(harness, [afterEarlierDeletes[1].id]);
		const afterMarkDeleted = await scenario.create(2, 'after the mark was deleted');
		expect(ids(await pollItems(harness, nodeName, scenario.parameters))).toEqual(ids(afterMarkDeleted));
		expect(await pollItems(harness, nodeName, scenario.parameters)).toEqual([]);
	});

	it('starts reading where it stopped: a poll of a long thread does not page from the start', async () => {
		const harness = context.harness!;
		const scenario = replyScenario(harness);
		await scenario.create(400, 'a long thread gets longer');
		const nodeName = freshNodeName();
		expect(await pollItems(harness, nodeName, scenario.parameters)).toEqual([]);
		const created = await scenario.create(30, 'at the end of a long thread');
		const before = await counters(harness.hub);
		expect(ids(await pollItems(harness, nodeName, scenario.parameters))).toEqual(ids(created));
		// The page around the last handled post, then pages of 100 for the rest of the burst (two when
		// it crosses a page boundary), where reading from the start would take one request per 100 posts.
		const requests = requestsBetween(before, await counters(harness.hub));
		expect(requests).toBeLessThanOrEqual(3);
		const postsInThread = harness.hub.state.data.topics[longThreadTopicId(harness)].replyCount + 1;
		expect(Math.ceil(postsInThread / 100)).toBeGreaterThan(requests);
	});

	it('accepts the topic by its web URL', async () => {
		const harness = context.harness!;
		const scenario = replyScenario(harness);
		const url = `https://agenticdeveloperhub.com/c/agentic-builders/t/${longThreadTopicId(harness)}`;
		const parameters = { ...scenario.parameters, topicId: { __rl: true, mode: 'url', value: url } };
		const nodeName = freshNodeName();
		expect(await pollItems(harness, nodeName, parameters)).toEqual([]);
		const created = await scenario.create(1, 'by url');
		expect(ids(await pollItems(harness, nodeName, parameters))).toEqual(ids(created));
	});

	it.each([
		['a URL of another page', { mode: 'url', value: 'https://agenticdeveloperhub.com/c/agentic-builders' }, /"Topic" is not a valid Hub topic URL/],
		['an ID that could change the request path', { mode: 'id', value: '../notifications' }, /"Topic"/],
		['no topic', { mode: 'id', value: '' }, /Choose the topic/],
	])('refuses %s before sending any request', async (_case, topicId, message) => {
		const harness = context.harness!;
		const parameters = { ...replyScenario(harness).parameters, topicId: { __rl: true, ...topicId } };
		const before = await counters(harness.hub);
		await expect(harness.poll(trigger, { parameters, nodeName: freshNodeName() })).rejects.toThrow(message);
		expect(requestsBetween(before, await counters(harness.hub))).toBe(0);
	});

	it('an unknown topic fails the poll with a message that names it', async () => {
		const harness = context.harness!;
		const parameters = {
			authentication: 'apiToken',
			event: 'newReply',
			topicId: { __rl: true, mode: 'id', value: '00000000-0000-4000-8000-000000000000' },
		};
		await expect(harness.poll(trigger, { parameters, nodeName: freshNodeName() })).rejects.toThrow(/topic/i);
	});
});
