import type { IDataObject } from 'n8n-workflow';
import type { Harness } from '../harness';
import { controlRequest, hubRequest } from '../hub/testing';
import { describeEventBehaviour } from './support/behaviour';
import { counters, freshNodeName, pollItems, requestsBetween, trigger } from './support/harness';
import { ADA, GRACE, notificationScenario } from './support/scenarios';
import { seededUser } from './support/users';

describe('Trigger: New Notification', () => {
	const context: { harness?: Harness } = {};
	describeEventBehaviour(notificationScenario, context);

	const notify = async (category: string, count = 1): Promise<IDataObject[]> => {
		const body = { user: ADA, category, title: `A ${category}`, actor: GRACE, count };
		return (await controlRequest(context.harness!.hub, 'POST', '/__sandbox/activity/notifications', body)).items;
	};
	const ids = (items: IDataObject[]) => items.map((item) => item.id);
	const parametersFor = (categories: string[]) => ({ authentication: 'apiToken', event: 'newNotification', categories });

	it('refuses a category the Hub does not have before sending any request', async () => {
		const harness = context.harness!;
		const before = await counters(harness.hub);
		await expect(harness.poll(trigger, { parameters: parametersFor(['billing']), nodeName: freshNodeName() })).rejects.toThrow(
			/^"Categories" must be one of "account", .*\(got "billing"\)/,
		);
		expect(requestsBetween(before, await counters(harness.hub))).toBe(0);
	});

	it('with a category filter, emits only notifications of those categories', async () => {
		const nodeName = freshNodeName();
		const parameters = parametersFor(['community_mention', 'direct_message']);
		expect(await pollItems(context.harness!, nodeName, parameters)).toEqual([]);
		const mention = await notify('community_mention');
		await notify('community_reply', 2);
		const message = await notify('direct_message');
		expect(ids(await pollItems(context.harness!, nodeName, parameters))).toEqual(ids([...mention, ...message]));
	});

	it('a changed filter starts afresh: the new filter\'s backlog is not emitted', async () => {
		const nodeName = freshNodeName();
		expect(await pollItems(context.harness!, nodeName, parametersFor(['account']))).toEqual([]);
		await notify('community_mention', 2);
		expect(await pollItems(context.harness!, nodeName, parametersFor(['community_mention']))).toEqual([]);
		const later = await notify('community_mention');
		expect(ids(await pollItems(context.harness!, nodeName, parametersFor(['community_mention'])))).toEqual(ids(later));
	});

	it('a feed that was empty at activation emits everything that arrives later', async () => {
		const harness = context.harness!;
		// Archive Ada's "account" notifications: her inbox then has none.
		const { apiToken: token } = seededUser(harness, ADA);
		const inbox = await hubRequest(harness.hub, 'GET', '/api/notifications?category=account&pageSize=100', { token });
		for (const { id } of inbox.body.items) {
			expect((await hubRequest(harness.hub, 'POST', `/api/notifications/${id}/archive`, { token })).status).toBe(200);
		}
		const parameters = parametersFor(['account']);
		const nodeName = freshNodeName();
		expect(await harness.poll(trigger, { parameters, nodeName, mode: 'manual' })).toBeNull();
		expect(await pollItems(harness, nodeName, parameters)).toEqual([]);
		expect(harness.staticData(nodeName).state).toMatchObject({ horizon: null, seen: {} });
		const first = await notify('account', 2);
		expect(ids(await pollItems(harness, nodeName, parameters))).toEqual(ids(first));
		expect(await pollItems(harness, nodeName, parameters)).toEqual([]);
	});
});
