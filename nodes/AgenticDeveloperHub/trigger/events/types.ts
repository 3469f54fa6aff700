import type { IDataObject, INodeProperties, IPollFunctions } from 'n8n-workflow';

/** One of the trigger's events: its parameters and how it polls. */
export interface TriggerEvent {
	/** The option in the node's Event parameter. */
	option: { name: string; value: string; description: string };
	/** Parameters shown for this event only. */
	properties: INodeProperties[];
	/** Names what is watched, from the parameters alone (no request): a state kept for another key is dropped. */
	watchKey(this: IPollFunctions): string;
	/** First activation: where the watched list stands now. Emits nothing. */
	start(this: IPollFunctions): Promise<IDataObject>;
	/** Everything new since `state`, oldest first, and the state to keep once the poll has succeeded. */
	poll(this: IPollFunctions, state: IDataObject): Promise<{ items: IDataObject[]; state: IDataObject }>;
	/** The most recent item, for "Fetch Test Event". */
	sample(this: IPollFunctions): Promise<IDataObject | undefined>;
}

/** Shows a parameter for the given event only. */
export function forEvent(value: string): INodeProperties['displayOptions'] {
	return { show: { event: [value] } };
}
