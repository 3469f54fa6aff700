import { randomUUID } from 'crypto';
import { readFileSync } from 'fs';
import type { N8nClient } from '../../scripts/lib/n8nClient';
import type { Credential } from './realN8n';

/* Many small workflows in one real n8n: building, activating in parallel batches, and reading their executions' starts. */

const PACKAGE = 'n8n-nodes-agentic-developer-hub';
/** Activations sent to n8n at once: n8n's REST API is the honest way in, and a few in parallel keep it busy without queueing up. */
const BATCH = 8;
/** n8n's execution list answers at most 100 a page. */
const PAGE = 100;

export const sleep = async (ms: number) => await new Promise((resolve) => setTimeout(resolve, ms));

function oneNodeWorkflow(name: string, node: Record<string, unknown>): Record<string, unknown> {
	return { name, nodes: [{ id: randomUUID(), name: 'Trigger', typeVersion: 1, position: [0, 0], ...node }], connections: {}, settings: { executionOrder: 'v1' } };
}

/** A workflow with only this package's trigger, `authentication` picked from the credential's type. */
export function hubTriggerWorkflow(name: string, type: string, parameters: Record<string, unknown>, credential: Credential): Record<string, unknown> {
	const authentication = credential.type === 'agenticDeveloperHubApi' ? 'apiToken' : 'oAuth2';
	return oneNodeWorkflow(name, {
		type: `${PACKAGE}.${type}`,
		parameters: { authentication, ...parameters },
		credentials: { [credential.type]: { id: credential.id, name: credential.name } },
	});
}

/** n8n's own floor: a lone Webhook node that answers at once (the execution runs after the answer). */
export function webhookWorkflow(name: string, path: string): Record<string, unknown> {
	return oneNodeWorkflow(name, {
		type: 'n8n-nodes-base.webhook',
		typeVersion: 2,
		webhookId: randomUUID(),
		parameters: { httpMethod: 'POST', path, responseMode: 'onReceived', options: {} },
	});
}

/**
 * A call to n8n's REST API, again while n8n answers "503 Database is not ready!" (its SQLite health
 * check fails for a moment on a loaded machine; the request was refused before anything was done).
 */
export async function whenReady<T>(call: () => Promise<T>): Promise<T> {
	const deadline = Date.now() + 60_000;
	for (;;) {
		try {
			return await call();
		} catch (error) {
			const busy = /answered 503: .*Database is not ready/.test((error as Error).message);
			if (!busy || Date.now() > deadline) throw error;
			await sleep(500);
		}
	}
}

/** Runs `task` over `items`, `BATCH` at a time. */
export async function inBatches<T, R>(items: T[], task: (item: T) => Promise<R>): Promise<R[]> {
	const results: R[] = [];
	for (let start = 0; start < items.length; start += BATCH) {
		results.push(...(await Promise.all(items.slice(start, start + BATCH).map(task))));
	}
	return results;
}

/** Saves and activates every workflow (parallel batches); returns their ids and the wall time it took. */
export async function activateAll(n8n: N8nClient, workflows: Array<Record<string, unknown>>): Promise<{ ids: string[]; ms: number }> {
	const started = Date.now();
	const ids = await inBatches(workflows, async (workflow) => {
		const { id, versionId } = await whenReady(async () => await n8n.createWorkflow(workflow));
		await whenReady(async () => await n8n.data('POST', `/rest/workflows/${id}/activate`, { versionId }));
		return id;
	});
	return { ids, ms: Date.now() - started };
}

export async function deactivateAll(n8n: N8nClient, ids: string[]): Promise<void> {
	await inBatches(ids, async (id) => await whenReady(async () => await n8n.deactivateWorkflow(id)));
}

export interface ExecutionSummary {
	id: number;
	workflowId: string;
	status: string;
	startedAt: number;
}

/**
 * Every status, named: without a status filter n8n's list puts at most one page of running
 * executions before the finished ones, and its cursor pages only the finished ones.
 */
const ANY_STATUS = encodeURIComponent(JSON.stringify({ status: ['new', 'running', 'waiting', 'success', 'error', 'canceled', 'crashed'] }));

/** Every execution newer than `afterId`, from n8n's execution list (latest started first, paged by n8n's cursor). */
export async function executionsAfter(n8n: N8nClient, afterId: number): Promise<ExecutionSummary[]> {
	const found: ExecutionSummary[] = [];
	let cursor: string | undefined;
	for (let page = 0; page < 100; page++) {
		const query = `filter=${ANY_STATUS}&limit=${PAGE}${cursor === undefined ? '' : `&cursor=${encodeURIComponent(cursor)}`}`;
		const { results, nextCursor } = await whenReady(async () => await n8n.data<{ results: any[]; nextCursor?: string | null }>('GET', `/rest/executions?${query}`));
		const newer = results.filter((execution) => Number(execution.id) > afterId);
		for (const execution of newer) {
			found.push({ id: Number(execution.id), workflowId: String(execution.workflowId), status: String(execution.status), startedAt: Date.parse(String(execution.startedAt ?? execution.createdAt)) });
		}
		if (!nextCursor || newer.length === 0) return found;
		cursor = nextCursor;
	}
	throw new Error('more than 10,000 new executions: the benchmark lost count');
}

export async function newestExecutionId(n8n: N8nClient): Promise<number> {
	const { results } = await whenReady(async () => await n8n.data<{ results: any[] }>('GET', `/rest/executions?filter=${ANY_STATUS}&limit=${PAGE}`));
	return Math.max(0, ...results.map((execution) => Number(execution.id)));
}

/**
 * Waits (bounded) until each of `workflowIds` has `perWorkflow` executions newer than `afterId`
 * that started (n8n lists a running one with its start), and returns them.
 */
export async function awaitStarts(n8n: N8nClient, afterId: number, workflowIds: string[], perWorkflow: number, timeoutMs: number): Promise<ExecutionSummary[]> {
	const wanted = new Set(workflowIds);
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		// n8n orders the list by start and pages it by id: a page can repeat a row of the one before.
		const byId = new Map((await executionsAfter(n8n, afterId)).map((execution) => [execution.id, execution]));
		const found = [...byId.values()].filter((execution) => wanted.has(execution.workflowId) && Number.isFinite(execution.startedAt));
		const perId = new Map<string, number>();
		for (const execution of found) perId.set(execution.workflowId, (perId.get(execution.workflowId) ?? 0) + 1);
		const short = workflowIds.filter((id) => (perId.get(id) ?? 0) < perWorkflow).length;
		if (short === 0) return found;
		if (Date.now() > deadline) throw new Error(`${short} of ${workflowIds.length} workflows had not started ${perWorkflow} execution(s) within ${timeoutMs} ms`);
		await sleep(250);
	}
}

/** Resident memory (bytes) of a process, from /proc (Linux). */
export function residentBytes(pid: number): number {
	const status = readFileSync(`/proc/${pid}/status`, 'utf8');
	const kilobytes = /VmRSS:\s+(\d+)\s+kB/.exec(status)?.[1];
	if (kilobytes === undefined) throw new Error(`no VmRSS for process ${pid}`);
	return Number(kilobytes) * 1024;
}

/** Hub requests answered, all routes (or one route label), from `/__sandbox/counters`. */
export function answered(counters: { requests: Record<string, Record<string, number>> }, label?: string): number {
	return Object.entries(counters.requests)
		.filter(([key]) => label === undefined || key === label)
		.reduce((sum, [, byStatus]) => sum + Object.values(byStatus).reduce((a, b) => a + b, 0), 0);
}

/** Waits (bounded) until `read()` gives the same value for `quietMs`: the activations' own reads are over. */
export async function settle(read: () => Promise<number>, quietMs: number, timeoutMs: number): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	let last = await read();
	let since = Date.now();
	while (Date.now() - since < quietMs) {
		if (Date.now() > deadline) throw new Error(`the Hub traffic did not settle within ${timeoutMs} ms`);
		await sleep(250);
		const now = await read();
		if (now !== last) {
			last = now;
			since = Date.now();
		}
	}
}

export function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}
