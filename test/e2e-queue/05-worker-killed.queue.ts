import { phase } from '../e2e/support/environment';
import { useSession } from '../e2e/support/session';
import { activateWebhookWorkflow, readExecution } from '../e2e/support/workflows';
import { loadQueueEnvironment } from './support/environment';
import { finishedExecutions, queueWorkflow } from './support/executions';
import { copiesByText, hubReader } from '../e2e/support/hubReplies';

/*
 * A worker dies (SIGKILL: no shutdown, no goodbye to Redis) while it posts 100 replies. n8n 2.41
 * runs Bull with maxStalledCount 0: once the dead worker's job lock expires (60 s by default), the
 * surviving worker's stall check fails the job instead of handing it to another worker, and the
 * main then records the execution as failed. Nothing is re-run, so nothing is posted twice; the
 * replies sent before the kill stay, and the rest are never sent. This runs last in the suite.
 */

const REPLIES = 100;
const KILL_AFTER = 30;
const STALLED_MESSAGE = /failed to be processed too many times and will no longer retry/;


describe('a worker killed in the middle of a 100-item Post Reply run', () => {
	const session = useSession();

	const { newTopic, repliesIn, repliesArrived } = hubReader(session);

	it('the Hub sees every reply at most once; n8n fails the execution after its stall check and never runs it again', async () => {
		const environment = loadQueueEnvironment();
		const credential = await session.connectedCredential('Queue kill', { permissions: ['discussions:read', 'discussions:write'] });
		const topic = await newTopic('Killed worker');
		const workflow = await activateWebhookWorkflow(session.n8n, queueWorkflow('hundred-replies', credential));
		// Each reply waits 150 ms at the Hub's door, so that the kill lands in the middle of the run.
		await session.hub.control('POST', '/__sandbox/faults', { method: 'POST', path: `/api/discussion/topics/${topic.id}/posts`, delayMs: 150, count: REPLIES });
		const texts = Array.from({ length: REPLIES }, (_, index) => `Reply ${index + 1} of ${REPLIES}`);

		try {
			// The webhook answers as soon as the execution is enqueued.
			expect((await workflow.call({ topicId: topic.id, replies: texts })).status).toBe(200);
			const sentBefore = await phase(`wait for ${KILL_AFTER} replies`, async () => await repliesArrived(topic.id, KILL_AFTER));
			// Each reply names the process that sent it: that worker is the one to kill.
			const runningOn = /sent by (worker-\d)$/.exec(sentBefore[0].content)?.[1];
			const victim = environment.workers.find((worker) => worker.name === runningOn);
			expect(victim).toBeDefined();
			process.kill(-victim!.pid, 'SIGKILL');
			const killedAt = Date.now();

			const [execution] = await phase('n8n decides about the killed execution', async () => await finishedExecutions(session.n8n, workflow.id, 1, 300000));
			const decidedAfterSeconds = Math.round((Date.now() - killedAt) / 1000);
			const { error } = await readExecution(session.environment, session.n8n, execution.id);
			const replies = await repliesIn(topic.id);
			const timesSent = copiesByText(replies, (content) => content.replace(/ sent by .*$/, ''));
			process.stdout.write(
				`[figures] killed ${victim!.name} after ${sentBefore.length} replies; replies at the Hub: ${replies.length} (${timesSent.size} distinct, most copies of one: ${Math.max(...timesSent.values())}); ` +
					`n8n: execution ${execution.status} after ${decidedAfterSeconds}s: ${error?.message}\n`,
			);

			// At most once: no text twice, every reply from the killed worker, never the 100.
			expect(Math.max(...timesSent.values())).toBe(1);
			expect([...timesSent.keys()].every((text) => texts.includes(text))).toBe(true);
			expect(replies.every((reply) => reply.content.endsWith(`sent by ${victim!.name}`))).toBe(true);
			expect(replies.length).toBeGreaterThanOrEqual(sentBefore.length);
			expect(replies.length).toBeLessThan(REPLIES);
			// What n8n did: failed the execution as stalled; no retry, no second execution.
			expect(execution.status).toBe('error');
			expect(error?.message).toMatch(STALLED_MESSAGE);
			expect(await session.n8n.executions(workflow.id)).toHaveLength(1);
			expect((await repliesIn(topic.id)).length).toBe(replies.length);
		} finally {
			await session.hub.control('DELETE', '/__sandbox/faults');
		}
	});
});
