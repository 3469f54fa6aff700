import { phase } from './environment';
import { copiesByText, hubReader, type HubPost } from './hubReplies';
import type { E2eSession } from './session';
import { activateWebhookWorkflow, e2eWorkflow, readExecution, type CredentialRef } from './workflows';

/*
 * n8n's own Retry of a failed execution, as the editor's Retry button sends it: a Post Reply run
 * (one item per reply) that the Hub refuses part-way fails; `POST /rest/executions/:id/retry`
 * runs Post Reply again over all of its items. Used by the e2e suite (both n8n lines, regular
 * mode) and the queue suite (the retry runs on a worker).
 */

export interface RetriedReplies {
	/** Replies the Hub held when the first execution failed. */
	postedBefore: number;
	/** Why the first execution failed (n8n's error message). */
	failure: string;
	/** What the retry's Post Reply returned: items skipped as already done, and items posted. */
	skipped: number;
	posted: number;
	/** The execution n8n's Retry started. */
	retriedId: string;
	retryStatus: string;
	/** Post Reply's output in the retry, in item order. */
	output: Array<Record<string, unknown>>;
	replies: HubPost[];
	/** The most copies of one reply text at the Hub. */
	mostCopies: number;
	texts: string[];
}

/** The executions of a workflow once `count` have finished, newest first. */
async function finished(session: E2eSession, workflowId: string, count: number): Promise<Array<{ id: string; status: string }>> {
	const deadline = Date.now() + 120_000;
	for (;;) {
		const done = (await session.n8n.executions(workflowId)).filter((execution) => !['running', 'new', 'waiting'].includes(execution.status));
		if (done.length >= count) return done.map((execution) => ({ id: String(execution.id), status: execution.status })).sort((a, b) => Number(b.id) - Number(a.id));
		if (Date.now() > deadline) throw new Error(`${done.length} of ${count} executions of workflow ${workflowId} finished within 2 minutes`);
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
}

/**
 * Posts `replies` replies in a new topic with Skip If Already Done on or off; the Hub accepts the
 * first `acceptedFirst` and refuses the next one (409, not retried), so the execution fails; then
 * n8n retries it, and the Hub's replies are counted.
 */
export async function retriedReplies(
	session: E2eSession,
	credential: CredentialRef,
	options: { skip: boolean; replies: number; acceptedFirst: number; label: string },
): Promise<RetriedReplies> {
	const { newTopic, repliesIn } = hubReader(session);
	const topic = await newTopic(`Retried: ${options.label}`);
	const workflow = await activateWebhookWorkflow(session.n8n, e2eWorkflow('replies-skip-if-done', credential));
	const path = `/api/discussion/topics/${topic.id}/posts`;
	// Faults are taken oldest first: the first `acceptedFirst` replies pass (a 1 ms delay), the next is refused.
	await session.hub.control('POST', '/__sandbox/faults', { method: 'POST', path, delayMs: 1, count: options.acceptedFirst });
	await session.hub.control('POST', '/__sandbox/faults', { method: 'POST', path, status: 409, count: 1 });
	const texts = Array.from({ length: options.replies }, (_, index) => `${options.label}: reply ${index + 1} of ${options.replies}`);

	try {
		expect((await workflow.call({ topicId: topic.id, replies: texts, skip: options.skip })).status).toBe(200);
		const [failed] = await phase(`${options.label}: the Hub refuses a reply, the execution fails`, async () => await finished(session, workflow.id, 1));
		expect(failed.status).toBe('error');
		const postedBefore = (await repliesIn(topic.id)).length;
		const failure = String((await readExecution(session.environment, session.n8n, failed.id)).error?.message ?? '');

		// What the editor's Retry button sends ("Retry with original workflow").
		const retry = await phase(`${options.label}: n8n retries the failed execution`, async () => await session.n8n.call('POST', `/rest/executions/${failed.id}/retry`, { loadWorkflow: false }));
		expect(retry.status).toBe(200);
		const [retried] = await finished(session, workflow.id, 2);
		const { status, outputs } = await readExecution(session.environment, session.n8n, retried.id);
		const output = outputs['Post Reply'] ?? [];
		const replies = await repliesIn(topic.id);
		const copies = copiesByText(replies);
		const figures: RetriedReplies = {
			postedBefore,
			failure,
			skipped: output.filter((item) => item.skipped === true).length,
			posted: output.filter((item) => item.skipped !== true).length,
			retriedId: retried.id,
			retryStatus: status,
			output,
			replies,
			mostCopies: Math.max(0, ...copies.values()),
			texts,
		};
		process.stdout.write(
			`[figures] ${options.label}: ${postedBefore} replies posted before the failure (${failure}); n8n's Retry (${status}) skipped ${figures.skipped} and posted ${figures.posted}; ` +
				`replies at the Hub: ${replies.length} (${copies.size} distinct, most copies of one: ${figures.mostCopies})\n`,
		);
		return figures;
	} finally {
		await session.hub.control('DELETE', '/__sandbox/faults');
		await session.n8n.deactivateWorkflow(workflow.id);
	}
}
