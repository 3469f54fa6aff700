import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

/** One POST the Hub does not dedupe, as this process last saw it. */
export interface SentPost {
	/** The body as sent: a Retry On Fail sends the same one; another request under the key does not. */
	fingerprint: string;
	/** What the Hub made: its answer, or what a read-back found. */
	result?: unknown;
	/** n8n's clock when the first attempt began, while the outcome is unknown. */
	unresolvedSince?: number;
}

/** What a node remembers of its POSTs during one execution (its runs, items and n8n's retries). */
export interface ExecutionMemory {
	/** By the POST's stable key (execution, node, run, item, request). */
	posts: Map<string, SentPost>;
	/** Every record the node's POSTs made, so that a read-back never takes one for another item's. */
	created: IDataObject[];
	/** The credential's user id once known; null when the Hub would not tell. */
	caller: { id?: string | null };
	/** Skip If Already Done: what a read-back listed, once per scope and execution (skipIfDone.ts). */
	earlier: Map<string, Promise<{ records: IDataObject[]; since: number }>>;
	/** Skip If Already Done: records taken (as an earlier write, or written) per run of the node, as `run\0id`. */
	claimed: Set<string>;
}

/** Executions remembered at once; the oldest is forgotten first (an execution runs in one process). */
const MAX_EXECUTIONS = 64;
const memories = new Map<string, ExecutionMemory>();

/** This execution's memory for this node; undefined outside a node's execution (e.g. a list search). */
export function executionMemory(context: object): ExecutionMemory | undefined {
	const execution = context as Partial<IExecuteFunctions>;
	if (typeof execution.getExecutionId !== 'function' || typeof execution.getNode !== 'function') return undefined;
	const node = execution.getNode();
	const key = `${execution.getExecutionId()}\u0000${node.id || node.name}`;
	let memory = memories.get(key);
	if (memory) {
		memories.delete(key);
	} else {
		memory = { posts: new Map(), created: [], caller: {}, earlier: new Map(), claimed: new Set() };
		if (memories.size >= MAX_EXECUTIONS) memories.delete(memories.keys().next().value!);
	}
	memories.set(key, memory);
	return memory;
}
