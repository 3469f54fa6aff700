import type { INodeProperties } from 'n8n-workflow';
import type { TriggerEvent } from '../trigger/events/types';

/** The Event parameter over `events`, then each event's own parameters (shown for it only). */
export function eventParameters(events: TriggerEvent[]): INodeProperties[] {
	return [
		{
			displayName: 'Event',
			name: 'event',
			type: 'options',
			noDataExpression: true,
			required: true,
			default: 'newNotification',
			options: events.map((event) => event.option),
		},
		...events.flatMap((event) => event.properties),
	];
}

/** The canvas subtitle: the chosen event's name. */
export function eventSubtitle(events: TriggerEvent[]): string {
	const names = Object.fromEntries(events.map(({ option }) => [option.value, option.name]));
	return `={{ (${JSON.stringify(names)})[$parameter["event"]] }}`;
}
