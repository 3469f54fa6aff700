import { NodeOperationError, type IDataObject } from 'n8n-workflow';
import type { RecentShare } from '../transport/sharedReads';
import { beginRead } from './api';
import type { EventContext, TriggerEvent } from './events/types';

/** Bumped when the kept state changes shape: a state of another version is started afresh. */
const STATE_VERSION = 1;

/**
 * Where a trigger keeps its high-water mark: the node's static data when active (n8n saves it at
 * each emit and after activation), a plain object while listening for a test event.
 */
export interface MarkStore {
	watchKey?: unknown;
	state?: unknown;
}

/** The event the node's Event parameter names. */
export function chosenEvent(context: EventContext, events: TriggerEvent[]): TriggerEvent {
	const chosen = context.getNodeParameter('event') as string;
	const event = events.find((candidate) => candidate.option.value === chosen);
	if (!event) throw new NodeOperationError(context.getNode(), `Unknown event "${chosen}"`);
	return event;
}

function watchKeyOf(context: EventContext, event: TriggerEvent): string {
	return `v${STATE_VERSION}:${event.watchKey.call(context)}`;
}

/** Whether the store holds a mark for what the parameters watch now. */
function hasMark(context: EventContext, event: TriggerEvent, store: MarkStore): boolean {
	return store.watchKey === watchKeyOf(context, event) && Boolean(store.state);
}

/**
 * Makes sure a mark exists for what the parameters watch. On first activation (or when they
 * watch something else now) it remembers where the list stands and returns true: nothing before
 * it counts as new.
 */
export async function ensureMark(context: EventContext, event: TriggerEvent, store: MarkStore): Promise<boolean> {
	if (hasMark(context, event, store)) return false;
	const watchKey = watchKeyOf(context, event);
	const state = await event.start.call(context);
	store.watchKey = watchKey;
	store.state = state;
	return true;
}

/**
 * What is new since the mark, oldest first, with the mark moved past it. Both triggers read this
 * way: the polling trigger on each poll, the realtime trigger on each wake-up. The mark moves (a
 * top-level assignment, which n8n notices) before the items are handed out, so the emit that
 * saves the static data saves the mark that covers them. A failed read leaves the mark as it was.
 * Workflows of one account reading at the same moment share identical requests (trigger/api.ts);
 * a poll may also take one up to `recent.withinMs` old. Each filters the answer by its own mark.
 */
export async function readSinceMark(context: EventContext, event: TriggerEvent, store: MarkStore, recent?: RecentShare): Promise<IDataObject[]> {
	// Taking the mark reads the list as it is now: never an earlier answer.
	beginRead(context, recent && !hasMark(context, event, store) ? { ...recent, withinMs: 0 } : recent);
	if (await ensureMark(context, event, store)) return [];
	const { items, state } = await event.poll.call(context, store.state as IDataObject);
	store.state = state;
	return items;
}
