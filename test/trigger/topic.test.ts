import type { IDataObject } from 'n8n-workflow';
import type { Harness } from '../harness';
import { createPost } from '../hub/resources/activity';
import { controlRequest } from '../hub/testing';
import { describeEventBehaviour } from './support/behaviour';
import { freshNodeName, pollItems } from './support/harness';
import { GRACE, topicScenario } from './support/scenarios';
import { seededUser } from './support/users';

describe('Trigger: New Topic', () => {
	const context: { harness?: Harness } = {};
	describeEventBehaviour(topicScenario, context);

	const ids = (items: IDataObject[]) => items.map((item) => item.id);

	it('a reply that moves an old topic to the top is not a new topic', async () => {
		const harness = context.harness!;
		const scenario = topicScenario(harness);
		const nodeName = freshNodeName();
		expect(await pollItems(harness, nodeName, scenario.parameters)).toEqual([]);
		const [old] = await scenario.create(1, 'soon old');
		expect(ids(await pollItems(harness, nodeName, scenario.parameters))).toEqual([old.id]);
		await controlRequest(harness.hub, 'POST', '/__sandbox/activity/posts', { user: GRACE, topicId: old.id, body: 'bump' });
		expect(await pollItems(harness, nodeName, scenario.parameters)).toEqual([]);
		await controlRequest(harness.hub, 'POST', '/__sandbox/activity/posts', { user: GRACE, topicId: old.id, body: 'bump' });
		const fresh = await scenario.create(1, 'really new');
		expect(ids(await pollItems(harness, nodeName, scenario.parameters))).toEqual(ids(fresh));
	});

	it('a new topic that a reply moves to the top while a poll is paging is emitted by the next poll, once', async () => {
		const harness = context.harness!;
		const { hub } = harness;
		const scenario = topicScenario(harness);
		const nodeName = freshNodeName();
		expect(await pollItems(harness, nodeName, scenario.parameters)).toEqual([]);
		const [moved] = await scenario.create(1, 'moves up while the trigger pages');
		const burst = await scenario.create(150, 'burst');
		// The poll reads a small first page, then pages of 100: `moved` sits on the second page of
		// 100 until a reply lifts it to the top just before that page is read.
		let topicListRequests = 0;
		const take = hub.faults.take.bind(hub.faults);
		const hook = jest.spyOn(hub.faults, 'take').mockImplementation((method, path) => {
			if (path === '/api/discussion/topics' && ++topicListRequests === 3) {
				createPost(hub, { authorId: seededUser(harness, GRACE).id, topicId: String(moved.id), body: 'lifted' });
			}
			return take(method, path);
		});
		let first: IDataObject[];
		try {
			first = await pollItems(harness, nodeName, scenario.parameters);
		} finally {
			hook.mockRestore();
		}
		expect(topicListRequests).toBe(3);
		expect(ids(first)).toEqual(ids(burst));
		expect(ids(await pollItems(harness, nodeName, scenario.parameters))).toEqual([moved.id]);
		expect(await pollItems(harness, nodeName, scenario.parameters)).toEqual([]);
	});
});
