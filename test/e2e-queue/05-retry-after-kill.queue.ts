import fs from 'fs';
import { startWorker } from '../../scripts/lib/queueMode';
import { ENVIRONMENT_VARIABLE, phase } from '../e2e/support/environment';
import { useSession } from '../e2e/support/session';
import { retriedReplies } from '../e2e/support/retriedReplies';
import { activateWebhookWorkflow, e2eWorkflow, readExecution } from '../e2e/support/workflows';
import { loadQueueEnvironment, PROCESS_NAME_VARIABLE, type QueueWorkerInfo } from './support/environment';
import { finishedExecutions } from './support/executions';
import { copiesByText, hubReader } from '../e2e/support/hubReplies';

/*
 * Issue 16: a worker is killed (SIGKILL) during a 40-item Post Reply run with Skip If Already Done
 * on; n8n fails the execution after its stall check (05-worker-killed shows that it never re-runs
 * it). The editor's Retry is n8n 2.41's `POST /rest/executions/:id/retry` (ExecutionsController.retry):
 * for an execution failed this way it runs nothing (see below). Running the workflow again over the
 * same input does: the replies posted before the kill are found by the read-back and returned as
 * skipped, and the topic holds each reply exactly once.
 * The killed worker is started again at the end: 05-worker-killed needs two (the survivor's stall
 * check is what fails a killed execution).
 * Where n8n keeps the items (an execution that failed on a Hub refusal), its Retry runs Post Reply
 * again on a worker, and the option makes that safe too.
 */

const REPLIES = 40;
const KILL_AFTER = 5;


describe('Skip If Already Done: n8n\'s Retry and a re-run after a worker was killed mid-run', () => {
	const session = useSession();

	const { newTopic, repliesIn, repliesArrived } = hubReader(session);

	/** Starts the killed worker again, and records its new process for the next files and the teardown. */
	async function restart(killed: QueueWorkerInfo): Promise<void> {
		const environment = loadQueueEnvironment();
		const worker = await startWorker(environment.runtime, {
			name: killed.name,
			userFolder: killed.userFolder,
			logFile: killed.log,
			env: { ...environment.workerEnv, [PROCESS_NAME_VARIABLE]: killed.name },
		});
		const workers = environment.workers.map((one) => (one.name === killed.name ? { ...one, pid: worker.process.child.pid as number, restarted: true } : one));
		fs.writeFileSync(process.env[ENVIRONMENT_VARIABLE]!, JSON.stringify({ ...environment, workers }, null, 2));
	}

	it('n8n\'s Retry of a run the Hub refused part-way runs on a worker and skips the replies already posted', async () => {
		const credential = await session.connectedCredential('Queue retry refused', { permissions: ['profile:read', 'discussions:read', 'discussions:write'] });
		const run = await retriedReplies(session, credential, { skip: true, replies: REPLIES, acceptedFirst: KILL_AFTER, label: 'queue: retry with Skip If Already Done' });
		expect(run.retryStatus).toBe('success');
		// A worker ran it ("Worker started execution N (job M)" in its log), not the main.
		const started = new RegExp(`Worker started execution ${run.retriedId} \\(`);
		expect(loadQueueEnvironment().workers.filter((worker) => started.test(fs.readFileSync(worker.log, 'utf8')))).toHaveLength(1);
		expect(run.skipped).toBe(KILL_AFTER);
		expect(run.posted).toBe(REPLIES - KILL_AFTER);
		expect(run.replies).toHaveLength(REPLIES);
		expect(run.mostCopies).toBe(1);
	});

	it('n8n\'s Retry runs nothing; the re-run skips the replies already posted: each of the 40 is at the Hub exactly once', async () => {
		const environment = loadQueueEnvironment();
		const credential = await session.connectedCredential('Queue retry', { permissions: ['profile:read', 'discussions:read', 'discussions:write'] });
		const topic = await newTopic('Retried after a kill');
		const workflow = await activateWebhookWorkflow(session.n8n, e2eWorkflow('replies-skip-if-done', credential));
		// Each reply waits at the Hub's door, so that the kill lands in the middle of the run.
		await session.hub.control('POST', '/__sandbox/faults', { method: 'POST', path: `/api/discussion/topics/${topic.id}/posts`, delayMs: 300, count: REPLIES });
		const texts = Array.from({ length: REPLIES }, (_, index) => `Reply ${index + 1} of ${REPLIES}`);
		let victim: QueueWorkerInfo | undefined;

		try {
			expect((await workflow.call({ topicId: topic.id, replies: texts })).status).toBe(200);
			const sentBefore = await phase(`wait for ${KILL_AFTER} replies`, async () => await repliesArrived(topic.id, KILL_AFTER));
			// The worker that runs it, from its own log ("Worker started execution N (job M)").
			const [running] = await session.n8n.executions(workflow.id);
			const started = new RegExp(`Worker started execution ${String(running.id)} \\(`);
			victim = environment.workers.find((worker) => started.test(fs.readFileSync(worker.log, 'utf8')));
			expect(victim).toBeDefined();
			process.kill(-victim!.pid, 'SIGKILL');

			const [failed] = await phase('n8n fails the killed execution', async () => await finishedExecutions(session.n8n, workflow.id, 1, 300000));
			expect(failed.status).toBe('error');
			const postedBeforeRetry = (await repliesIn(topic.id)).length;

			// What the editor's Retry button sends ("Retry with original workflow"). Measured (second
			// run of this suite): n8n 2.41 saves an execution its stall check failed without its items
			// (workflow-runner.js processError: `resultData: { error, runData: {} }`, an empty stack),
			// so the retry runs no node at all and ends as an error: nothing is posted again.
			const retry = await phase('n8n retries the failed execution', async () => await session.n8n.call('POST', `/rest/executions/${failed.id}/retry`, { loadWorkflow: false }));
			expect(retry.status).toBe(200);
			const [retried] = (await finishedExecutions(session.n8n, workflow.id, 2, 300000)).filter((execution) => execution.id !== failed.id);
			expect((await readExecution(session.environment, session.n8n, retried.id)).outputs['Post Reply']).toBeUndefined();
			expect((await repliesIn(topic.id)).length).toBe(postedBeforeRetry);

			// So the way out is running the workflow again over the same input (here: the webhook
			// called again with the same body); with Skip If Already Done the node finds its replies.
			expect((await workflow.call({ topicId: topic.id, replies: texts })).status).toBe(200);
			const executions = await finishedExecutions(session.n8n, workflow.id, 3, 300000);
			const rerun = executions.filter((execution) => ![failed.id, retried.id].includes(execution.id))[0];
			const { outputs, status } = await readExecution(session.environment, session.n8n, rerun.id);
			const output = outputs['Post Reply'] ?? [];
			const replies = await repliesIn(topic.id);
			const times = copiesByText(replies);
			process.stdout.write(
				`[figures] re-run after a kill: killed ${victim!.name} after ${sentBefore.length} replies; ${postedBeforeRetry} posted before; n8n's Retry ran no node; ` +
					`the re-run (${status}) skipped ${output.filter((item) => item.skipped === true).length} and posted ${output.filter((item) => item.skipped === false).length}; ` +
					`replies at the Hub: ${replies.length} (${times.size} distinct, most copies of one: ${Math.max(...times.values())})\n`,
			);

			expect(status).toBe('success');
			expect(replies).toHaveLength(REPLIES);
			expect([...times.keys()].sort()).toEqual([...texts].sort());
			expect(Math.max(...times.values())).toBe(1);
			expect(output).toHaveLength(REPLIES);
			expect(output.filter((item) => item.skipped === true)).toHaveLength(postedBeforeRetry);
			expect(output.map((item) => item.content)).toEqual(texts);
		} finally {
			await session.hub.control('DELETE', '/__sandbox/faults');
			if (victim) await phase(`start ${victim.name} again`, async () => await restart(victim!));
		}
	});
});
