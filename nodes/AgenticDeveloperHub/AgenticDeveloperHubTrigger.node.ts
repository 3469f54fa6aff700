import {
	NodeConnectionTypes,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
	type IPollFunctions,
} from 'n8n-workflow';
import { authenticationProperty } from './descriptions/authentication';
import { agenticDeveloperHubApiTest } from './methods/credentialTest';
import { eventParameters, eventSubtitle } from './descriptions/triggerEvents';
import { searchTopics } from './methods/listSearch';
import { triggerEvents } from './trigger/events';
import { chosenEvent, readSinceMark } from './trigger/mark';
import { pollSharingWindowMs } from './trigger/pollWindow';

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
		subtitle: eventSubtitle(triggerEvents),
		description: 'Starts the workflow on new Agentic Developer Hub notifications, topics, replies and direct messages',
		defaults: { name: 'Agentic Developer Hub Trigger' },
		// Written out for n8n's lint, which reads `testedBy` here; equal to credentialDescriptions (a test checks).
		credentials: [
			{ name: 'agenticDeveloperHubOAuth2Api', required: true, displayOptions: { show: { authentication: ['oAuth2'] } } },
			{ name: 'agenticDeveloperHubApi', required: true, testedBy: 'agenticDeveloperHubApiTest', displayOptions: { show: { authentication: ['apiToken'] } } },
		],
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		properties: [
			authenticationProperty,
			...eventParameters(triggerEvents),
		],
	};

	methods = { listSearch: { searchTopics }, credentialTest: { agenticDeveloperHubApiTest } };

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const event = chosenEvent(this, triggerEvents);
		if (this.getMode() === 'manual') {
			// "Fetch Test Event": a recent item to map fields from; the active trigger's state stays as it is.
			const sample = await event.sample.call(this);
			return sample ? [this.helpers.returnJsonArray(sample)] : null;
		}
		// The first poll only remembers the position; a failed poll leaves the state for the next one.
		// Workflows of one account polled within a minute share one read (docs/triggers-at-scale.md).
		const reader = `${this.getWorkflow().id ?? ''} ${this.getNode().name}`;
		const recent = { withinMs: pollSharingWindowMs(this), reader };
		const items = await readSinceMark(this, event, this.getWorkflowStaticData('node'), recent);
		return items.length > 0 ? [this.helpers.returnJsonArray(items)] : null;
	}
}
