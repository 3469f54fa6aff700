import { figure, phase } from './support/environment';
import { useSession } from './support/session';
import { activateWebhookWorkflow, e2eWorkflow, latestExecution, type ActiveWebhookWorkflow } from './support/workflows';
import { CONCURRENT_READS } from '../../nodes/AgenticDeveloperHub/actions/router';

const GET_TOPIC = 'GET /api/discussion/topics/:id';

describe("the token lifecycle with the Hub in a real n8n", () => {
	const session = useSession();
	let workflow: ActiveWebhookWorkflow;
	let clientId: string;
	let topicIds: string[];

	beforeAll(async () => {
		const credential = await session.connectedCredential('Token lifecycle');
		clientId = credential.client.clientId;
		workflow = await activateWebhookWorkflow(session.n8n, e2eWorkflow('hundred-items', credential));
		const community = await session.hub.control('GET', '/__sandbox/info');
		expect(community.url).toBe(session.hub.url);
		const created = await session.hub.control('POST', '/__sandbox/activity/topics', {
			user: 'ada@example.com',
			communityId: await communityId(),
			title: 'Lifecycle topic',
			body: 'One of a hundred.',
			count: 100,
		});
		topicIds = created.items.map((topic: { id: string }) => topic.id);
	});

	async function communityId(): Promise<string> {
		const ada = session.user('ada@example.com');
		const response = await fetch(`${session.hub.url}/api/communities/agentic-builders`, { headers: { Authorization: `Bearer ${ada.apiToken}` } });
		return ((await response.json()) as { id: string }).id;
	}

	async function executionsOfGetTopic(): Promise<number> {
		return (await session.counters()).executions[GET_TOPIC] ?? 0;
	}

	it('survives an access-token expiry after item 40 of 100 with exactly one refresh', async () => {
		const before = await session.counters();
		const startCount = before.executions[GET_TOPIC] ?? 0;
		// Item 41's request waits 5 s at the Hub's door; meanwhile every access token expires.
		await session.hub.control('POST', '/__sandbox/faults', { method: 'GET', path: `/api/discussion/topics/${topicIds[40]}`, delayMs: 5000 });

		const result = await phase('workflow: 100 items, expiry after item 40', async () => {
			const running = workflow.call({ topicIds });
			const deadline = Date.now() + 60000;
			while ((await executionsOfGetTopic()) - startCount < 40) {
				if (Date.now() > deadline) throw new Error('n8n did not reach item 40');
				await new Promise((resolve) => setTimeout(resolve, 50));
			}
			expect(await session.hub.control('POST', '/__sandbox/expire-access-tokens', {})).toMatchObject({ expired: expect.any(Number) });
			return await running;
		});

		const after = await session.counters();
		figure('100 items, expiry after item 40', {
			refreshes: after.refreshes - before.refreshes,
			'401s': (after.requests[GET_TOPIC]['401'] ?? 0) - (before.requests[GET_TOPIC]?.['401'] ?? 0),
			reuseDetections: after.reuseDetections - before.reuseDetections,
			itemsSucceeded: Array.isArray(result.body) ? result.body.length : 0,
		});
		expect(result.status).toBe(200);
		expect(result.body).toHaveLength(100);
		expect(result.body.map((topic: { id: string }) => topic.id)).toEqual(topicIds);
		expect(after.refreshes - before.refreshes).toBe(1);
		expect(after.reuseDetections - before.reuseDetections).toBe(0);
		expect(after.executions[GET_TOPIC] - startCount).toBe(100);
		// Only requests already on their way met the expired token (item 41's, held at the door, and
		// the other reads in flight with it: a read runs up to CONCURRENT_READS items at once), each
		// answered 401 and retried after the one refresh; none sent after it.
		const unauthorized = (after.requests[GET_TOPIC]['401'] ?? 0) - (before.requests[GET_TOPIC]?.['401'] ?? 0);
		expect(unauthorized).toBeGreaterThanOrEqual(1);
		expect(unauthorized).toBeLessThanOrEqual(CONCURRENT_READS);
		expect((await latestExecution(session.environment, session.n8n, workflow.id)).status).toBe('success');
	});

	it('refreshes again after a second expiry with the rotated refresh token n8n stored', async () => {
		const before = await session.counters();
		await session.hub.control('POST', '/__sandbox/expire-access-tokens', {});
		const result = await phase('workflow: 10 items after a second expiry', async () => await workflow.call({ topicIds: topicIds.slice(0, 10) }));
		const after = await session.counters();
		figure('second expiry, 10 items', {
			refreshes: after.refreshes - before.refreshes,
			reuseDetections: after.reuseDetections - before.reuseDetections,
			familiesRevoked: after.familiesRevoked - before.familiesRevoked,
			itemsSucceeded: Array.isArray(result.body) ? result.body.length : 0,
		});
		expect(result.status).toBe(200);
		expect(result.body).toHaveLength(10);
		// An old refresh token would have been caught by reuse detection and the family revoked.
		expect(after.refreshes - before.refreshes).toBe(1);
		expect(after.reuseDetections - before.reuseDetections).toBe(0);
		expect(after.familiesRevoked - before.familiesRevoked).toBe(0);
	});

	it('runs 20 executions at once across one expiry with at most one refresh and no failure', async () => {
		const before = await session.counters();
		await session.hub.control('POST', '/__sandbox/expire-access-tokens', {});

		const results = await phase('workflow: 20 executions at once across an expiry', async () =>
			Promise.all(Array.from({ length: 20 }, (_unused, index) => workflow.call({ topicIds: topicIds.slice(index * 5, index * 5 + 3) }))),
		);

		const after = await session.counters();
		figure('20 executions at once across one expiry', {
			refreshes: after.refreshes - before.refreshes,
			reuseDetections: after.reuseDetections - before.reuseDetections,
			failedExecutions: results.filter((result) => result.status !== 200).length,
		});
		expect(results.map((result) => result.status)).toEqual(Array(20).fill(200));
		results.forEach((result, index) => expect(result.body.map((topic: { id: string }) => topic.id)).toEqual(topicIds.slice(index * 5, index * 5 + 3)));
		expect(after.refreshes - before.refreshes).toBeLessThanOrEqual(1);
		expect(after.reuseDetections - before.reuseDetections).toBe(0);
		expect(after.familiesRevoked - before.familiesRevoked).toBe(0);
		expect(after.executions[GET_TOPIC] - before.executions[GET_TOPIC]).toBe(60);
	});

	it('fails with the reconnect message when the grant was revoked, without a refresh loop', async () => {
		const previous = await latestExecution(session.environment, session.n8n, workflow.id);
		await session.hub.control('POST', '/__sandbox/revoke-grants', { clientId });
		const before = await session.counters();
		const result = await phase('workflow: revoked grant', async () => await workflow.call({ topicIds: topicIds.slice(0, 5) }));
		expect(result.status).toBeGreaterThanOrEqual(500);

		const execution = await latestExecution(session.environment, session.n8n, workflow.id, { afterId: previous.id });
		expect(execution.status).toBe('error');
		expect(execution.error?.message).toMatch(/reconnect/i);
		const after = await session.counters();
		expect(after.executions[GET_TOPIC] - before.executions[GET_TOPIC]).toBe(0);
		// At most one refresh attempt (refused with invalid_grant), then the error.
		const refreshAttempts = (label: string) => Object.values((after.requests[label] ?? {}) as Record<string, number>).reduce((a, b) => a + b, 0) -
			Object.values((before.requests[label] ?? {}) as Record<string, number>).reduce((a, b) => a + b, 0);
		figure('revoked grant', { refreshAttempts: refreshAttempts('POST /api/oauth/signin/exchange'), message: execution.error?.message });
		expect(refreshAttempts('POST /api/oauth/signin/exchange')).toBeLessThanOrEqual(1);
	});
});
