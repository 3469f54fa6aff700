import type { IDataObject, INodeProperties, IPollFunctions, ITriggerFunctions } from 'n8n-workflow';

/** Where an event reads the Hub from: the polling trigger's poll or the realtime trigger's long-lived trigger(). */
export type EventContext = IPollFunctions | ITriggerFunctions;

/** One of the trigger's events: its parameters and how it polls. */
export interface TriggerEvent {
	/** The option in the node's Event parameter. */
	option: { name: string; value: string; description: string };
	/** Parameters shown for this event only. */
	properties: INodeProperties[];
	/** Names what is watched, from the parameters alone (no request): a state kept for another key is dropped. */
	watchKey(this: EventContext): string;
	/** First activation: where the watched list stands now. Emits nothing. */
	start(this: EventContext): Promise<IDataObject>;
	/** Everything new since `state`, oldest first, and the state to keep once the poll has succeeded. */
	poll(this: EventContext, state: IDataObject): Promise<{ items: IDataObject[]; state: IDataObject }>;
	/** The most recent item, for "Fetch Test Event". */
	sample(this: EventContext): Promise<IDataObject | undefined>;
}

/** Shows a parameter for the given event only. */
export function forEvent(value: string): INodeProperties['displayOptions'] {
	return { show: { event: [value] } };
}
