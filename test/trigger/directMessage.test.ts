import type { IDataObject } from 'n8n-workflow';
import type { Harness } from '../harness';
import { controlRequest } from '../hub/testing';
import { describeEventBehaviour } from './support/behaviour';
import { counters, freshNodeName, pollItems, requestsBetween } from './support/harness';
import { ADA, ALAN, GRACE, directMessageScenario } from './support/scenarios';

describe('Trigger: New Direct Message', () => {
	const context: { harness?: Harness } = {};
	describeEventBehaviour(directMessageScenario, context);

	const send = async (user: string, recipient: string, count: number): Promise<IDataObject[]> => {
		const body = { user, recipient, body: `From ${user}`, count };
		return (await controlRequest(context.harness!.hub, 'POST', '/__sandbox/activity/messages', body)).items;
	};
	const ids = (items: IDataObject[]) => items.map((item) => item.id);

	it('never emits the messages Ada sends herself', async () => {
		const harness = context.harness!;
		const { parameters } = directMessageScenario(harness);
		const nodeName = freshNodeName();
		expect(await pollItems(harness, nodeName, parameters)).toEqual([]);
		await send(ADA, GRACE, 3);
		await send(ADA, ALAN, 1);
		const before = await counters(harness.hub);
		expect(await pollItems(harness, nodeName, parameters)).toEqual([]);
		// The chat list, then each chat whose last message moved.
		expect(requestsBetween(before, await counters(harness.hub))).toBe(3);
		expect(await pollItems(harness, nodeName, parameters)).toEqual([]);
	});

	it('a chat quiet for several polls: only its new messages are emitted', async () => {
		const harness = context.harness!;
		const { parameters } = directMessageScenario(harness);
		const nodeName = freshNodeName();
		expect(await pollItems(harness, nodeName, parameters)).toEqual([]);
		const early = await send(ALAN, ADA, 2);
		expect(ids(await pollItems(harness, nodeName, parameters))).toEqual(ids(early));
		for (let poll = 0; poll < 3; poll++) {
			await send(GRACE, ADA, 1).then(async (message) =>
				expect(ids(await pollItems(harness, nodeName, parameters))).toEqual(ids(message)),
			);
		}
		const late = await send(ALAN, ADA, 3);
		expect(ids(await pollItems(harness, nodeName, parameters))).toEqual(ids(late));
	});
});
