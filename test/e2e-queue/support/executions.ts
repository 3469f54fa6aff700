import path from 'path';
import type { N8nClient } from '../../../scripts/lib/n8nClient';
import { readWorkflow, withCredential, type CredentialRef, type WorkflowJson } from '../../e2e/support/workflows';

/* The queue suite's workflows, and which n8n process ran each execution, read from n8n's own records. */

export function queueWorkflow(name: string, credential: CredentialRef): WorkflowJson {
	return withCredential(readWorkflow(path.join(__dirname, '..', 'workflows', `${name}.json`)), credential);
}

export interface ExecutionRecord {
	id: string;
	status: string;
	/**
	 * The process that ran it: what the workflow's Execution Data node ("Which Process") saved
	 * from `$env.ADH_N8N_PROCESS`, as n8n stores it with the execution (its custom data, the
	 * `execution_metadata` table). n8n 2.41's execution records have no worker or host field.
	 */
	process?: string;
}

/** Waits until `count` executions of the workflow have finished, then reads each one's record. */
export async function finishedExecutions(n8n: N8nClient, workflowId: string, count: number, timeoutMs = 120000): Promise<ExecutionRecord[]> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const listed = await n8n.executions(workflowId);
		const finished = listed.filter((execution) => !['running', 'new', 'waiting'].includes(execution.status));
		if (finished.length >= count) {
			return await Promise.all(
				finished.map(async (execution) => {
					const full = await n8n.execution(String(execution.id));
					return { id: String(execution.id), status: String(full.status), process: full.customData?.process };
				}),
			);
		}
		if (Date.now() > deadline) throw new Error(`${finished.length} of ${count} executions of workflow ${workflowId} finished within ${timeoutMs} ms`);
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
}

/** How many executions each process ran, e.g. `{ 'worker-1': 26, 'worker-2': 24 }`. */
export function executionsPerProcess(executions: ExecutionRecord[]): Record<string, number> {
	const counts: Record<string, number> = {};
	for (const { process: name } of executions) counts[name ?? 'unknown'] = (counts[name ?? 'unknown'] ?? 0) + 1;
	return counts;
}
