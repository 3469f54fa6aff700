import path from 'path';
import type { N8nClient } from '../../../scripts/lib/n8nClient';
import { phase } from '../../e2e/support/environment';
import type { E2eSession } from '../../e2e/support/session';
import { activateWebhookWorkflow, readExecution, readWorkflow, withCredential, type CredentialRef, type WorkflowJson } from '../../e2e/support/workflows';

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

/**
 * The `count` executions of a realtime workflow, each a success run by a worker, and the IDs of the
 * notifications its New Notification node emitted across them.
 */
export async function realtimeRunsOnWorkers(session: E2eSession, workflowId: string, count: number): Promise<{ executions: ExecutionRecord[]; emitted: string[] }> {
	const executions = await finishedExecutions(session.n8n, workflowId, count);
	expect(executions).toHaveLength(count);
	const emitted: string[] = [];
	for (const execution of executions) {
		expect(execution.status).toBe('success');
		expect(['worker-1', 'worker-2']).toContain(execution.process);
		const { outputs } = await readExecution(session.environment, session.n8n, execution.id);
		emitted.push(...outputs['New Notification'].map((item) => String(item.id)));
	}
	return { executions, emitted };
}

/** How many executions each process ran, e.g. `{ 'worker-1': 26, 'worker-2': 24 }`. */
export function executionsPerProcess(executions: ExecutionRecord[]): Record<string, number> {
	const counts: Record<string, number> = {};
	for (const { process: name } of executions) counts[name ?? 'unknown'] = (counts[name ?? 'unknown'] ?? 0) + 1;
	return counts;
}

/** What one burst of concurrent executions cost and where it ran. */
export interface BurstFigures {
	refreshes: number;
	reuseDetections: number;
	familiesRevoked: number;
	failedWebhookCalls: number;
	failedExecutions: number;
	/** The Hub's answers to the executions' requests (Get Me), by status. */
	hubAnswers: { ok: number; unauthorized: number };
	executionsPerProcess: Record<string, number>;
}

const GET_ME = 'GET /api/auth/me';

/**
 * Activates a fresh copy of the Get Me workflow with `credential`, runs `beforeFiring`, calls the
 * webhook `count` times at once, waits for every execution's record and counts at the sandbox Hub
 * what it cost.
 */
export async function concurrentExecutions(session: E2eSession, credential: CredentialRef, count: number, label: string, beforeFiring?: () => Promise<void>) {
	const workflow = await activateWebhookWorkflow(session.n8n, queueWorkflow('get-me', credential));
	await beforeFiring?.();
	const before = await session.counters();
	const responses = await phase(label, async () => await Promise.all(Array.from({ length: count }, async () => await workflow.call({}))));
	const executions = await finishedExecutions(session.n8n, workflow.id, count);
	const after = await session.counters();
	const delta = (status: string) => (after.requests[GET_ME]?.[status] ?? 0) - (before.requests[GET_ME]?.[status] ?? 0);
	const figures: BurstFigures = {
		refreshes: after.refreshes - before.refreshes,
		reuseDetections: after.reuseDetections - before.reuseDetections,
		familiesRevoked: after.familiesRevoked - before.familiesRevoked,
		failedWebhookCalls: responses.filter((response) => response.status !== 200).length,
		failedExecutions: executions.filter((execution) => execution.status !== 'success').length,
		hubAnswers: { ok: delta('200'), unauthorized: delta('401') },
		executionsPerProcess: executionsPerProcess(executions),
	};
	process.stdout.write(`[figures] ${label}: ${JSON.stringify(figures)}\n`);
	return { workflow, responses, executions, figures };
}
