import type { Harness } from '../harness';
import { controlRequest } from '../hub/testing';
import { setRetryPolicy } from '../../nodes/AgenticDeveloperHub/transport/retryPolicy';
import { adasCommunityId, counters, dropAnswer, expectNoSecrets, recordRetryWaits, resetHarnessBeforeEach, responses, runProbe, watchRequests } from './support';

const CREATE_TOPIC = 'POST /api/discussion/topics';

/**
 * The transport's resend rule for POSTs (hub-api.md section 2): a POST the Hub does not dedupe is
 * sent again only when the failure proves the Hub did nothing; one the Hub makes idempotent is
 * retried like a GET. The sandbox honours Idempotency-Key on the action route only (its default).
 */
describe('transport: which POSTs are sent again', () => {
	let harness: Harness;
	let recorded: ReturnType<typeof recordRetryWaits>;
	const topicRequest = (title: string) => ({
		authentication: 'oAuth2',
		method: 'POST',
		endpoint: '/api/discussion/topics',
		body: JSON.stringify({ communityId: adasCommunityId(harness.hub), title, body: 'Hello' }),
	});
	const topicsTitled = (title: string) => Object.values(harness.hub.state.data.topics).filter((topic) => topic.title === title);

	resetHarnessBeforeEach((created) => (harness = created));
	beforeEach(() => {
		recorded = recordRetryWaits();
	});
	afterEach(() => recorded.restore());

	it('a reset on a POST the Hub does not dedupe: never sent again blindly, the outcome is unknown', async () => {
		await controlRequest(harness.hub, 'POST', '/__sandbox/faults', { method: 'POST', path: '/api/discussion/topics', reset: true });

		const outcome = await runProbe(harness, topicRequest('After a reset'));

		expect(outcome.error.message).toMatch(/^The Hub may or may not have carried out POST \/api\/discussion\/topics: check the Hub before running again \[item 0\]$/);
		expect(outcome.error.description).toMatch(/The connection failed before the Hub's answer arrived \(the connection (was reset|was closed)\)/);
		expect(responses(await counters(harness.hub), CREATE_TOPIC)).toEqual({ reset: 1 });
		expectNoSecrets(harness, outcome);
	});

	it('a refused connection proves nothing was sent: the POST is sent again once the Hub is back', async () => {
		const hub = harness.hub;
		const port = Number(new URL(hub.url).port);
		(hub.options as { port: number }).port = port;
		await hub.close();
		setRetryPolicy({
			sleep: async (ms) => {
				recorded.waits.push(ms);
				if (recorded.waits.length === 1) await hub.listen();
			},
		});

		const { output, error } = await runProbe(harness, topicRequest('After a refusal'));

		expect(error).toBeUndefined();
		expect(recorded.waits).toHaveLength(1);
		expect(topicsTitled('After a refusal').map((topic) => topic.id)).toEqual([output![0][0].json.id]);
	});

	it('a POST the Hub makes idempotent (a DM with its clientMessageId) is sent again after a lost answer: one message', async () => {
		const [, grace] = harness.hub.info().users;
		const chat = await runProbe(harness, { authentication: 'oAuth2', method: 'POST', endpoint: '/api/chat/dms', idempotent: true, body: JSON.stringify({ recipientId: grace.id }) });
		const chatId = String(chat.output![0][0].json.id);
		const watching = watchRequests(harness.hub, 'POST', `/api/chat/dms/${chatId}/messages`, (response, nth) => nth === 1 && dropAnswer(response));
		try {
			const { output, error } = await runProbe(harness, {
				authentication: 'oAuth2',
				method: 'POST',
				endpoint: `/api/chat/dms/${chatId}/messages`,
				idempotent: true,
				body: JSON.stringify({ body: 'Exactly one', clientMessageId: 'b9c1d4e2-0000-4000-8000-000000000001' }),
			});

			// The first ran (its 201 was lost), the second got the original back.
			expect(error).toBeUndefined();
			const messages = harness.hub.state.data.messages[chatId].filter((message) => message.body === 'Exactly one');
			expect(messages.map((message) => message.id)).toEqual([output![0][0].json.id]);
			expect(responses(await counters(harness.hub), 'POST /api/chat/dms/:chatId/messages')).toEqual({ '201': 1, '200': 1 });
		} finally {
			watching.stop();
		}
	});
});
