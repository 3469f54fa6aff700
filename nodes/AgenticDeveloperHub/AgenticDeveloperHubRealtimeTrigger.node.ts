import {
	NodeConnectionTypes,
	NodeOperationError,
	type INodeType,
	type INodeTypeDescription,
	type ITriggerFunctions,
	type ITriggerResponse,
} from 'n8n-workflow';
import { authenticationProperty } from './descriptions/authentication';
import { agenticDeveloperHubApiTest } from './methods/credentialTest';
import { eventParameters, eventSubtitle } from './descriptions/triggerEvents';
import { isCredentialRefusal } from './realtime/failures';
import { rememberRefusal, throwIfRefusedBefore } from './realtime/refusals';
import { RealtimeSession } from './realtime/session';
import { realtimeEvents } from './trigger/events';
import type { TriggerEvent } from './trigger/events/types';
import { chosenEvent, ensureMark, readSinceMark, type MarkStore } from './trigger/mark';

const FALLBACK_INTERVAL = 'fallbackPollInterval';
const FALLBACK_INTERVAL_NAME = 'Fallback Poll Interval (Seconds)';
const MIN_FALLBACK_SECONDS = 10;

function fallbackIntervalMs(context: ITriggerFunctions): number {
	const seconds = context.getNodeParameter(FALLBACK_INTERVAL, 60);
	if (typeof seconds !== 'number' || !Number.isFinite(seconds) || seconds < MIN_FALLBACK_SECONDS) {
		throw new NodeOperationError(context.getNode(), `"${FALLBACK_INTERVAL_NAME}" must be a number of at least ${MIN_FALLBACK_SECONDS}`, {
			description: `It was ${JSON.stringify(seconds)}. Set it to ${MIN_FALLBACK_SECONDS} or more.`,
		});
	}
	return seconds * 1000;
}

/** A session whose reads hand what is new to `deliver`. */
function sessionFor(
	context: ITriggerFunctions,
	event: TriggerEvent,
	store: MarkStore,
	fallbackMs: number,
	deliver: (items: Awaited<ReturnType<typeof readSinceMark>>) => void,
	fail: (error: Error) => void,
): RealtimeSession {
	const session = new RealtimeSession({
		context,
		fallbackIntervalMs: fallbackMs,
		read: async () => {
			const items = await readSinceMark(context, event, store);
			// After the close function ran, n8n no longer expects emits; the unsaved mark is then
			// dropped, and the next activation reads these items again.
			if (items.length > 0 && session.active) deliver(items);
		},
		fail,
	});
	return session;
}

/**
 * "Listen for test event": waits for the next event and emits what it brought, from a mark kept
 * in memory (the active workflow's mark stays where it is). It listens on the account's shared
 * stream like an active workflow, so testing one adds no connection.
 */
function listenForTestEvent(context: ITriggerFunctions, event: TriggerEvent, fallbackMs: number): ITriggerResponse {
	let session: RealtimeSession | undefined;
	const store: MarkStore = {};
	return {
		manualTriggerFunction: async () => {
			await ensureMark(context, event, store);
			session = sessionFor(
				context,
				event,
				store,
				fallbackMs,
				(items) => {
					session?.stop();
					context.emit([context.helpers.returnJsonArray(items)]);
				},
				(error) => context.emitError(error),
			);
			session.start();
		},
		closeFunction: async () => session?.stop(),
	};
}

/**
 * Starts workflows within seconds: listens on the Hub's notification stream (a wake-up) and then
 * reads what is new exactly as the polling trigger does, from the mark in the workflow's static
 * data. One stream per account in the n8n process, shared by all its active workflows and kept
 * open across the Hub's closes; their reads at one wake-up share identical requests
 * (docs/triggers-at-scale.md).
 */
export class AgenticDeveloperHubRealtimeTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Agentic Developer Hub Realtime Trigger',
		name: 'agenticDeveloperHubRealtimeTrigger',
		icon: { light: 'file:agenticDeveloperHub.svg', dark: 'file:agenticDeveloperHub.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: eventSubtitle(realtimeEvents),
		description: 'Starts the workflow within seconds of a new Agentic Developer Hub notification or direct message',
		defaults: { name: 'Agentic Developer Hub Realtime Trigger' },
		// Written out for n8n's lint, which reads `testedBy` here; equal to credentialDescriptions (a test checks).
		credentials: [
			{ name: 'agenticDeveloperHubOAuth2Api', required: true, displayOptions: { show: { authentication: ['oAuth2'] } } },
			{ name: 'agenticDeveloperHubApi', required: true, testedBy: 'agenticDeveloperHubApiTest', displayOptions: { show: { authentication: ['apiToken'] } } },
		],
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		properties: [
			authenticationProperty,
			{
				displayName:
					'Starts within seconds through the Hub\'s event stream (one open connection per account, shared by all its active workflows). If the Hub has no realtime events, this trigger polls every Fallback Poll Interval instead.',
				name: 'notice',
				type: 'notice',
				default: '',
			},
			...eventParameters(realtimeEvents),
			{
				displayName: FALLBACK_INTERVAL_NAME,
				name: FALLBACK_INTERVAL,
				type: 'number',
				default: 60,
				typeOptions: { minValue: MIN_FALLBACK_SECONDS },
				description: 'Only used when the Hub has no realtime events: how often to look for new ones instead',
			},
		],
	};

	methods = { credentialTest: { agenticDeveloperHubApiTest } };

	async trigger(this: ITriggerFunctions): Promise<ITriggerResponse> {
		const event = chosenEvent(this, realtimeEvents);
		// The parameters are checked before any request.
		event.watchKey.call(this);
		const fallbackMs = fallbackIntervalMs(this);
		if (this.getMode() === 'manual') return listenForTestEvent(this, event, fallbackMs);

		// n8n reactivates a trigger that reported an error: a refused credential fails again at once.
		await throwIfRefusedBefore(this);
		// First activation: the mark is taken now, so that n8n saves it with the activation.
		const store = this.getWorkflowStaticData('node');
		await ensureMark(this, event, store);
		const session = sessionFor(
			this,
			event,
			store,
			fallbackMs,
			(items) => this.emit([this.helpers.returnJsonArray(items)]),
			(error) => {
				const reported = isCredentialRefusal(error) ? rememberRefusal(this, error) : Promise.resolve();
				void reported.finally(() => this.emitError(error));
			},
		);
		session.start();
		return { closeFunction: async () => session.stop() };
	}
}
