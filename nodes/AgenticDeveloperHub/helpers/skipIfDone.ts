import { NodeApiError, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';
import { hubApiResponse, type ReadBackLookup } from '../transport';
import { executionMemory } from '../transport/executionMemory';
import { headerValue } from '../transport/hubError';
import { uuidShapedHash } from '../transport/idempotencyKey';
import { callerId } from './readBack';
import { invalidInput, requireBoolean, requireText } from './validation';

/*
 * "Skip If Already Done" (issue 16): an operation run again over the same item (n8n's Retry of a
 * failed execution, a re-run, a loop, an AI agent calling the tool twice) recognises its own
 * earlier effect instead of writing again. Each write operation declares one strategy:
 * - 'callerKey': the Hub dedupes by a key the caller sends (a DM's clientMessageId, an action's
 *   Idempotency-Key): the key is derived from the Item Key (or the content), not the execution.
 * - 'readBack': the Hub does not dedupe: the caller's own write of the same content within Look
 *   Back is read back first (once per scope and execution, shared by the items) and returned.
 * - 'state': an update: the record is read first, and left alone when it holds every value sent.
 * - 'gone': a delete: a record that no longer exists counts as deleted.
 * Reactions, chat creation, DM Mark Read, notification state, Trash and preferences are idempotent at
 * the Hub: no option.
 */
export type SkipStrategy = 'callerKey' | 'readBack' | 'state' | 'gone';

export interface SkipSettings {
	on: boolean;
	/** 'callerKey': what identifies the item across executions; empty: the content. */
	itemKey: string;
	/** 'readBack': how far back an earlier write counts (minutes). */
	lookBackMinutes: number;
}

const SKIP = { displayName: 'Skip If Already Done', name: 'skipIfAlreadyDone' };
const ITEM_KEY = { displayName: 'Item Key', name: 'itemKey' };
const LOOK_BACK = { displayName: 'Look Back (Minutes)', name: 'lookBackMinutes' };
const DEFAULT_LOOK_BACK_MINUTES = 60;
/** 30 days: beyond that a read-back would page through too much of a busy community. */
const MAX_LOOK_BACK_MINUTES = 43200;

const SKIP_DESCRIPTIONS: Record<SkipStrategy, string> = {
	callerKey:
		'Whether running again over the same item (n8n\'s Retry, a re-run, a loop) is recognised by the Hub instead of done twice: the key sent is derived from Item Key, not from the execution. Repeats come back with "skipped": true.',
	readBack:
		'Whether to look for your own earlier write of the same content within Look Back (Minutes) before writing, and return it with "skipped": true instead of writing again (safe for n8n\'s Retry and re-runs). Costs one read per item at most, shared by items on the same page.',
	state: 'Whether to read the record first and leave it alone ("skipped": true) when it already holds every value sent',
	gone: 'Whether a record that is already gone counts as done ("skipped": true) instead of failing, so running again after a partly failed run is safe',
};

/** The entries a write operation adds to its Options collection, sorted with `others` by name. */
export function skipIfDoneOptions(strategy: SkipStrategy, others: INodeProperties[] = []): INodeProperties {
	const entries: INodeProperties[] = [...others, { ...SKIP, type: 'boolean', default: false, description: SKIP_DESCRIPTIONS[strategy] }];
	if (strategy === 'callerKey') {
		entries.push({
			...ITEM_KEY,
			type: 'string',
			default: '',
			placeholder: 'e.g. {{ $json.id }}',
			description:
				'With Skip If Already Done: what identifies this item in every run, e.g. an expression with the source item\'s ID. Leave empty to treat the same content as the same item.',
		});
	}
	if (strategy === 'readBack') {
		entries.push({
			...LOOK_BACK,
			type: 'number',
			typeOptions: { minValue: 1, maxValue: MAX_LOOK_BACK_MINUTES },
			default: DEFAULT_LOOK_BACK_MINUTES,
			description: 'With Skip If Already Done: how many minutes back your earlier write of the same content counts as this item\'s',
		});
	}
	entries.sort((a, b) => a.displayName.localeCompare(b.displayName));
	return { displayName: 'Options', name: 'options', type: 'collection', placeholder: 'Add Option', default: {}, options: entries };
}

/** The item's settings, checked before any request (a clear error naming the field and the item). */
export function skipSettings(context: IExecuteFunctions, itemIndex: number): SkipSettings {
	const options = context.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const on = options[SKIP.name] !== undefined && requireBoolean(context, options[SKIP.name], SKIP.displayName, itemIndex);
	const rawKey = options[ITEM_KEY.name];
	const itemKey = rawKey === undefined || rawKey === '' ? '' : requireText(context, String(rawKey), ITEM_KEY.displayName, itemIndex, 1000);
	const minutes = Number(options[LOOK_BACK.name] ?? DEFAULT_LOOK_BACK_MINUTES);
	if (!Number.isFinite(minutes) || minutes <= 0 || minutes > MAX_LOOK_BACK_MINUTES) {
		throw invalidInput(context, LOOK_BACK.displayName, `must be a number of minutes from 1 to ${MAX_LOOK_BACK_MINUTES}`, itemIndex);
	}
	return { on, itemKey, lookBackMinutes: minutes };
}

/**
 * 'callerKey': the same for this node and item in every execution of the workflow (UUID-shaped:
 * the Hub caps client message IDs at 36 characters), from the Item Key, else from the content.
 */
export function keyAcrossRuns(context: IExecuteFunctions, settings: SkipSettings, purpose: string, content: unknown): string {
	const node = context.getNode();
	const identity = settings.itemKey ? `key:${settings.itemKey}` : `content:${JSON.stringify(content)}`;
	return uuidShapedHash([context.getWorkflow().id ?? '', node.id || node.name, purpose, identity]);
}

/** How a 'readBack' operation finds its own earlier write. */
export interface EarlierWrite {
	/** Records listed once per execution and shared by its items (e.g. `posts:<topicId>`); none: read per item. */
	scope?: string;
	/** The records that could be this item's earlier write (`lookup.since()`: the window's start). */
	list(lookup: ReadBackLookup): Promise<IDataObject[]>;
	/** Whether a listed record is this item's write (the same content, within the window starting at `since`). */
	matches(record: IDataObject, since: number): boolean;
	/** The records carry their author (`customerId`), who must be the caller. */
	byCaller?: boolean;
	/** The record stands for a state, not a write (a sync, an update): several items may take it. */
	shared?: boolean;
}

/** 'readBack': the earlier write when there is one (marked skipped), else the write's answer. */
export async function skipIfDone(
	context: IExecuteFunctions,
	itemIndex: number,
	settings: SkipSettings,
	earlier: EarlierWrite,
	write: () => Promise<IDataObject>,
): Promise<IDataObject> {
	if (!settings.on) return await write();
	const memory = executionMemory(context)!;
	const lookup = readBackLookup(context, itemIndex, settings, memory);
	// Per run of the node: its next run in this execution (a loop, an agent's next tool call) reads
	// again and finds what this run wrote, like a new execution would.
	const run = context.getWorkflowDataProxy(itemIndex).$thisRunIndex;
	const scope = earlier.scope === undefined ? undefined : `${earlier.scope}\u0000${settings.lookBackMinutes}\u0000${run}`;
	let listing = scope === undefined ? undefined : memory.earlier.get(scope);
	if (!listing) {
		listing = earlier.list(lookup).then((records) => ({ records, since: lookup.since() }));
		// A listing that failed is not kept: the next item reads again.
		if (scope !== undefined) memory.earlier.set(scope, listing.catch(() => (memory.earlier.delete(scope), { records: [], since: 0 })));
	}
	const { records, since } = await listing;
	let caller: string | undefined;
	if (earlier.byCaller) {
		const known = await callerId(lookup);
		if ('why' in known) {
			throw invalidInput(context, SKIP.displayName, 'cannot tell your own earlier writes from others\'', itemIndex, `${known.why}. Or turn Skip If Already Done off.`);
		}
		caller = known.id;
	}
	// Taken in this run: another item's earlier write, or what this run wrote.
	const claim = (record: IDataObject) => `${run}\u0000${String(record.id)}`;
	const found = records.find(
		(record) =>
			(earlier.shared || !memory.claimed.has(claim(record))) &&
			(caller === undefined || record.customerId === caller) &&
			earlier.matches(record, since),
	);
	if (found) {
		if (!earlier.shared) memory.claimed.add(claim(found));
		return { ...found, skipped: true };
	}
	const written = await write();
	if (written.id !== undefined) memory.claimed.add(claim(written));
	return { ...written, skipped: false };
}

/** 'gone': a delete whose record is already gone (404) is done. */
export async function deleteUnlessGone(settings: SkipSettings, remove: () => Promise<unknown>): Promise<{ skipped?: boolean }> {
	const gone = await remove().then(
		() => false,
		(error: unknown) => {
			if (settings.on && error instanceof NodeApiError && String(error.httpCode) === '404') return true;
			throw error;
		},
	);
	return settings.on ? { skipped: gone } : {};
}

/** GETs through the transport that place the look-back window on the Hub's clock (its `Date`). */
function readBackLookup(
	context: IExecuteFunctions,
	itemIndex: number,
	settings: SkipSettings,
	memory: NonNullable<ReturnType<typeof executionMemory>>,
): ReadBackLookup {
	let since: number | undefined;
	return {
		get: async <T>(endpoint: string, qs?: IDataObject) => {
			const { body, headers } = await hubApiResponse(context, 'GET', endpoint, { qs, itemIndex });
			const hubNow = Date.parse(headerValue(headers, 'date') ?? '');
			since ??= (Number.isNaN(hubNow) ? Date.now() : hubNow) - settings.lookBackMinutes * 60_000;
			return (body ?? {}) as T;
		},
		since: () => since ?? Date.now() - settings.lookBackMinutes * 60_000,
		created: memory.created,
		caller: memory.caller,
	};
}
