import {
	NodeConnectionTypes,
	NodeOperationError,
	type IDataObject,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
	type IPollFunctions,
} from 'n8n-workflow';
import { authenticationProperty, credentialDescriptions } from '../AgenticDeveloperHub/descriptions/authentication';
import { searchTopics } from '../AgenticDeveloperHub/methods/listSearch';
import { triggerEvents } from './events';

/** Event values to their names, for the subtitle on the canvas. */
const eventNames = Object.fromEntries(triggerEvents.map(({ option }) => [option.value, option.name]));

/** Bumped when the kept state changes shape: a state of another version is started afresh. */
const STATE_VERSION = 1;

/**
 * Polls the Hub (it has no webhooks yet). Each poll reads only what is new since the state kept
 * in the workflow's static data, and writes the new state only once the whole poll succeeded,
 * so a failed poll is simply repeated by the next one.
 */
export class AgenticDeveloperHubTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Agentic Developer Hub Trigger',
		name: 'agenticDeveloperHubTrigger',
		icon: { light: 'file:agenticDeveloperHub.svg', dark: 'file:agenticDeveloperHub.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: `={{ (${JSON.stringify(eventNames)})[$parameter["event"]] }}`,
		description: 'Starts the workflow on new Agentic Developer Hub notifications, topics, replies and direct messages',
		defaults: { name: 'Agentic Developer Hub Trigger' },
		credentials: credentialDescriptions,
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		properties: [
			authenticationProperty,
			{
				displayName: 'Event',
				name: 'event',
				type: 'options',
				noDataExpression: true,
				required: true,
				default: 'newNotification',
				options: triggerEvents.map((event) => event.option),
			},
			...triggerEvents.flatMap((event) => event.properties),
		],
	};

	methods = { listSearch: { searchTopics } };

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const chosen = this.getNodeParameter('event') as string;
		const event = triggerEvents.find((candidate) => candidate.option.value === chosen);
		if (!event) throw new NodeOperationError(this.getNode(), `Unknown event "${chosen}"`);

		if (this.getMode() === 'manual') {
			// "Fetch Test Event": a recent item to map fields from; the active trigger's state stays as it is.
			const sample = await event.sample.call(this);
			return sample ? [this.helpers.returnJsonArray(sample)] : null;
		}

		const store = this.getWorkflowStaticData('node');
		const watchKey = `v${STATE_VERSION}:${event.watchKey.call(this)}`;
		if (store.watchKey !== watchKey || !store.state) {
			// First activation (or a different thing to watch): remember the position, emit nothing.
			const state = await event.start.call(this);
			store.watchKey = watchKey;
			store.state = state;
			return null;
		}
		const { items, state } = await event.poll.call(this, store.state as IDataObject);
		store.state = state;
		return items.length > 0 ? [this.helpers.returnJsonArray(items)] : null;
	}
}
