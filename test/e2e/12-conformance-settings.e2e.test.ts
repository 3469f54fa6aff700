import { lineUnderTest, figure } from './support/environment';
import { answeredSince, headerAuthCredential, hubNode, httpNode, pairedIndexes, runBeside } from './support/beside';
import { useSession } from './support/session';
import type { CredentialRef } from './support/workflows';

/*
 * Conformance rows in a real n8n (each line): this node beside n8n's HTTP Request node, same
 * workflow, same sandbox, same run, same n8n setting; the row holds when both show the same
 * observable outcome. docs/compatibility.md lists the rows and the deliberate differences.
 */

const ME = 'GET /api/auth/me';

describe('conformance: this node beside n8n\'s HTTP Request node', () => {
	const session = useSession();
	let adaToken: CredentialRef;
	let adaHeader: CredentialRef;

	beforeAll(async () => {
		const ada = session.user('ada@example.com');
		const { id } = await session.n8n.createCredential('Conformance Ada', 'agenticDeveloperHubApi', { baseUrl: session.hub.url, apiToken: ada.apiToken });
		adaToken = { type: 'agenticDeveloperHubApi', id, name: 'Conformance Ada' };
		adaHeader = await headerAuthCredential(session, 'Conformance Ada header', `Bearer ${ada.apiToken}`);
	});
	afterEach(async () => await session.hub.control('DELETE', '/__sandbox/faults'));

	it('credential expressions per item: each item acts as its own user (ada, grace, alan)', async () => {
		const users = ['ada@example.com', 'grace@example.com', 'alan@example.com'].map((email) => session.user(email));
		const { id } = await session.n8n.createCredential('Per-item token', 'agenticDeveloperHubApi', { baseUrl: session.hub.url, apiToken: '={{ $json.hubToken }}' });
		const perItem: CredentialRef = { type: 'agenticDeveloperHubApi', id, name: 'Per-item token' };
		const perItemHeader = await headerAuthCredential(session, 'Per-item header', '={{ "Bearer " + $json.hubToken }}');

		const run = await runBeside(
			session,
			'Conformance: per-item credentials',
			[hubNode(perItem, { resource: 'user', operation: 'getMe' }), httpNode(perItemHeader, `${session.hub.url}/api/auth/me`)],
			users.map((user) => ({ hubToken: user.apiToken })),
		);

		expect(run.status).toBe('success');
		const emails = (node: string) => run.outputs[node][0].map((item) => item.json.email);
		expect(emails('HTTP')).toEqual(users.map((user) => user.email));
		expect(emails('Hub')).toEqual(emails('HTTP'));
		// The items carry the users' tokens as their own data (the workflow's input, as a user would
		// send them): n8n stores them with the execution. The node's output holds none of them; the
		// execution goes, so that the secret scan (99-secrets) keeps meaning "nothing this package wrote".
		const hubOutput = JSON.stringify(run.outputs.Hub);
		expect(users.filter((user) => hubOutput.includes(user.apiToken))).toEqual([]);
		const deleted = await session.n8n.call('POST', '/rest/executions/delete', { ids: [run.executionId] });
		expect(deleted.status).toBe(200);
	});

	it('Retry On Fail on an always-503 Hub: Max. Tries attempts in all, as the HTTP Request node', async () => {
		const retry = { retryOnFail: true, maxTries: 3, waitBetweenTries: 0 };
		await session.hub.control('POST', '/__sandbox/faults', { method: 'GET', path: '/api/auth/me', status: 503, count: 1000 });
		const attempts: Record<string, number> = {};
		for (const [name, node] of [
			['Hub', hubNode(adaToken, { resource: 'user', operation: 'getMe' }, retry)],
			['HTTP', httpNode(adaHeader, `${session.hub.url}/api/auth/me`, retry)],
		] as const) {
			const before = await session.counters();
			const run = await runBeside(session, `Conformance: Retry On Fail (${name})`, [node], [{}]);
			attempts[name] = answeredSince(before, await session.counters(), ME, 503);
			expect(run.status).toBe('error');
		}
		figure(`Retry On Fail, Max. Tries 3, always 503 (${lineUnderTest().name})`, attempts);
		expect(attempts.HTTP).toBe(3);
		expect(attempts.Hub).toBe(attempts.HTTP);
	});

	it('without Retry On Fail the node retries a 503 itself (1 + 4 attempts), where the HTTP Request node sends once', async () => {
		await session.hub.control('POST', '/__sandbox/faults', { method: 'GET', path: '/api/auth/me', status: 503, count: 1000 });
		const before = await session.counters();
		const run = await runBeside(session, 'Conformance: own retries', [hubNode(adaToken, { resource: 'user', operation: 'getMe' })], [{}]);
		const attempts = answeredSince(before, await session.counters(), ME, 503);
		figure(`own retries, always 503 (${lineUnderTest().name})`, attempts);
		expect(run.status).toBe('error');
		expect(attempts).toBe(5);
	});

	describe('On Error', () => {
		let topicId: string;

		beforeAll(async () => {
			const ada = session.user('ada@example.com');
			const community = await fetch(`${session.hub.url}/api/communities/agentic-builders`, { headers: { Authorization: `Bearer ${ada.apiToken}` } });
			const { id: communityId } = (await community.json()) as { id: string };
			const created = await session.hub.control('POST', '/__sandbox/activity/topics', { user: ada.email, communityId, title: 'On Error conformance', body: 'A topic both nodes read.' });
			topicId = created.items[0].id;
		});

		const items = () => [{ topicId }, { topicId: '00000000-0000-4000-8000-000000000000' }, { topicId }];
		const nodes = (onError: string) => [
			hubNode(adaToken, { resource: 'topic', operation: 'get', topicId: { __rl: true, mode: 'id', value: '={{ $json.topicId }}' } }, { onError }),
			httpNode(adaHeader, `=${session.hub.url}/api/discussion/topics/{{ $json.topicId }}`, { onError }),
		];

		it('Continue (using error output): the failed item on the error output, the others on the main, pairedItem right', async () => {
			const run = await runBeside(session, 'Conformance: error output', nodes('continueErrorOutput'), items());
			expect(run.status).toBe('success');
			for (const node of ['HTTP', 'Hub']) {
				const [main, failed] = run.outputs[node];
				expect({ node, main: pairedIndexes(main), failed: pairedIndexes(failed ?? []) }).toEqual({ node, main: [0, 2], failed: [1] });
				expect(main.map((item) => item.json.id)).toEqual([topicId, topicId]);
				expect(failed[0].json.error).toBeDefined();
			}
		});

		it('Continue (regular output): an { error } item in place, pairedItem right, the rest unaffected', async () => {
			const run = await runBeside(session, 'Conformance: regular output', nodes('continueRegularOutput'), items());
			expect(run.status).toBe('success');
			for (const node of ['HTTP', 'Hub']) {
				const [main] = run.outputs[node];
				expect({ node, paired: pairedIndexes(main) }).toEqual({ node, paired: [0, 1, 2] });
				expect(main[0].json.id).toBe(topicId);
				expect(main[1].json.error).toBeDefined();
				expect(main[2].json.id).toBe(topicId);
			}
		});
	});
});
