import type { E2eSession } from './session';
import { besideOutputs, type SideBySideRun } from './beside';
import { readExecution } from './workflows';

/*
 * Runs from the editor, as n8n's editor asks for them (`POST /rest/workflows/:id/run`): the whole
 * workflow from its trigger ("Execute workflow"), or one node with the run data the editor already
 * holds ("Execute step": a partial execution to a destination node). Both lines take the same
 * `triggerToStartFrom` / `runData` + `destinationNode {nodeName, mode}`; n8n 1.123 also needs the
 * workflow itself in the body (2.41 reads the saved one, and drops the field).
 */

export type ManualRun = SideBySideRun & { runData: Record<string, unknown> };

export type ManualStart = { triggerToStartFrom: { name: string } } | { destinationNode: { nodeName: string; mode: 'inclusive' }; runData: Record<string, unknown> };

export async function runManually(session: E2eSession, workflowId: string, start: ManualStart): Promise<ManualRun> {
	const workflowData = await session.n8n.data<Record<string, unknown>>('GET', `/rest/workflows/${workflowId}`);
	const answer = await session.n8n.data<{ executionId?: string; waitingForWebhook?: boolean }>('POST', `/rest/workflows/${workflowId}/run`, { workflowData, ...start });
	if (!answer?.executionId) throw new Error(`n8n did not start a manual run: ${JSON.stringify(answer)}`);
	const deadline = Date.now() + 120_000;
	for (;;) {
		const execution = await readExecution(session.environment, session.n8n, answer.executionId).catch(() => undefined);
		const runData = ((execution?.raw as any)?.data?.resultData?.runData ?? {}) as Record<string, unknown>;
		// n8n 1.123 may mark a run finished a moment before it has saved its data ("Found successful
		// execution where data is empty stringified array" in its log): read again until the data is there.
		if (execution && !['running', 'new', 'waiting'].includes(execution.status) && Object.keys(runData).length > 0) {
			return { ...besideOutputs(execution.raw), runData, executionId: execution.id, workflowId, status: execution.status, error: execution.error };
		}
		if (Date.now() > deadline) throw new Error(`The manual run ${answer.executionId} did not finish within 120 s`);
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
}
