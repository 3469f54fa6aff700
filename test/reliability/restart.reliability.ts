import { mkdtempSync, readFileSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import path from 'path';
import type { HubInfo } from '../hub';
import type { HubState } from '../hub/state';
import { createHarness, type Harness } from '../harness';
import { freePort } from '../../scripts/lib/processes';
import { controlCall, startSandboxHub, type SandboxHub } from '../../scripts/lib/sandboxHub';
import { hubFacade, RestartableHub } from './restartableHub';
import { adasCommunityId, allSecrets, emptyItems, exposedText, leakedSecrets, recordRetryWaits, rl, runNode } from './support';

const TOPIC_ROUTE = 'POST /api/discussion/topics';

function readState(file: string): HubState {
	return JSON.parse(readFileSync(file, 'utf8')) as HubState;
}

/** How often each text occurs; a text created once per item must occur exactly once. */
function occurrences(texts: string[], prefix: string): Map<string, number> {
	const counts = new Map<string, number>();
	for (const text of texts.filter((candidate) => candidate.startsWith(prefix))) counts.set(text, (counts.get(text) ?? 0) + 1);
	return counts;
}

function expectEachOnce(counts: Map<string, number>, expected: string[]): void {
	expect([...counts.keys()].sort()).toEqual([...expected].sort());
	expect([...counts.values()].filter((count) => count !== 1)).toEqual([]);
}

const topicTitles = (prefix: string, count: number) => Array.from({ length: count }, (_unused, index) => `${prefix}${index}`);

describe('the sandbox restarted in the middle of a run (state file kept)', () => {
	let folder: string;

	beforeAll(() => {
		folder = mkdtempSync(path.join(tmpdir(), 'hub-restart-'));
	});
	afterAll(() => rmSync(folder, { recursive: true, force: true }));

	it('killed (SIGKILL) and restarted on the same port during 80 Topic Creates: the run completes and every topic exists once', async () => {
		const stateFile = path.join(folder, 'killed.json');
		const port = await freePort();
		const args = ['--state', stateFile];
		let sandbox: SandboxHub = await startSandboxHub({ port, extraArgs: args });
		let info: HubInfo = sandbox.info;
		const harness: Harness = await createHarness({ hub: hubFacade(() => ({ url: info.url, info: () => info })) });
		try {
			await harness.connectOAuth2();
			const adaId = info.users[0].id;
			const adminCommunity = Object.values(readState(stateFile).data.communities).find((community) => community.adminUserIds.includes(adaId))!.id;
			const run = runNode(
				harness,
				{ authentication: 'oAuth2', resource: 'topic', operation: 'create', communityId: rl(adminCommunity), title: '=Killed {{ $json.index }}', body: 'Survives a crash' },
				{ items: emptyItems(80) },
			);
			// Kill once a quarter of the topics exist, wherever the node is at that moment.
			for (;;) {
				const counters = await controlCall(info.url, 'GET', '/__sandbox/counters');
				if ((counters.executions[TOPIC_ROUTE] ?? 0) >= 20) break;
				await new Promise((resolve) => setTimeout(resolve, 10));
			}
			process.kill(-sandbox.process.child.pid!, 'SIGKILL');
			await new Promise((resolve) => sandbox.process.child.once('exit', resolve));
			sandbox = await startSandboxHub({ port, extraArgs: args });
			info = sandbox.info;

			const { output, error } = await run;
			await sandbox.stop();

			expect(error).toBeUndefined();
			expect(output).toHaveLength(80);
			expectEachOnce(occurrences(Object.values(readState(stateFile).data.topics).map((topic) => topic.title), 'Killed '), topicTitles('Killed ', 80));
		} finally {
			await sandbox.stop();
			await harness.close();
		}
	});

	describe('crashing right after a POST took effect, before its answer was written', () => {
		let restartable: RestartableHub;
		let harness: Harness;

		beforeEach(async () => {
			restartable = await RestartableHub.start(path.join(folder, `crash-${Date.now()}.json`));
			harness = await createHarness({ hub: hubFacade(() => restartable.hub) });
			await harness.connectOAuth2();
		});
		afterEach(async () => {
			await harness.close();
			await restartable.crash();
		});

		it('Topic Create: after the restart the node reads back, finds the topic and does not send it again', async () => {
			const crashed = restartable.crashOnAnswer((method, route) => method === 'POST' && route === '/api/discussion/topics', 10, async () => {
				await restartable.restart();
			});
			const { output, error } = await runNode(
				harness,
				{ authentication: 'oAuth2', resource: 'topic', operation: 'create', communityId: rl(adasCommunityId(restartable.hub)), title: '=Crash {{ $json.index }}', body: 'Once' },
				{ items: emptyItems(30) },
			);
			await crashed;

			expect(error).toBeUndefined();
			expect(output).toHaveLength(30);
			expectEachOnce(occurrences(Object.values(restartable.hub.state.data.topics).map((topic) => topic.title), 'Crash '), topicTitles('Crash ', 30));
			// Item 9's read-back reached the restarted Hub (which honours Idempotency-Key only where the
			// Hub's types declare it) and found the topic: no replay, no second run.
			expect(restartable.hub.settings.idempotency).toBe('declared');
			expect(restartable.hub.counters.idempotentReplays).toBe(0);
			expect(restartable.hub.counters.requests['GET /api/discussion/topics']?.['200']).toBeGreaterThanOrEqual(1);
			expect(restartable.hub.counters.executions[TOPIC_ROUTE]).toBe(20);
			expect(output![9].json.title).toBe('Crash 9');
		});

		it('Direct Message Send: one message per item (clientMessageId and Idempotency-Key kept across the restart)', async () => {
			const [, grace] = harness.hub.info().users;
			const chat = await runNode(harness, { authentication: 'oAuth2', resource: 'directMessage', operation: 'startChat', recipientId: grace.id });
			const chatId = String(chat.output![0].json.id);
			const crashed = restartable.crashOnAnswer((method, route) => method === 'POST' && route.endsWith('/messages'), 5, async () => {
				await restartable.restart();
			});
			const { output, error } = await runNode(
				harness,
				{ authentication: 'oAuth2', resource: 'directMessage', operation: 'send', chatId: rl(chatId), body: '=Crash message {{ $json.index }}' },
				{ items: emptyItems(12) },
			);
			await crashed;

			expect(error).toBeUndefined();
			expect(output).toHaveLength(12);
			const bodies = (restartable.hub.state.data.messages[chatId] ?? []).map((message) => message.body);
			expectEachOnce(occurrences(bodies, 'Crash message '), topicTitles('Crash message ', 12));
		});

		it('a Hub that stays down: the run fails at that item saying the outcome is unknown and what to check, no secret in it, nothing duplicated', async () => {
			const retryWaits = recordRetryWaits();
			try {
				const crashed = restartable.crashOnAnswer((method, route) => method === 'POST' && route === '/api/discussion/topics', 4, async () => {});
				const outcome = await runNode(
					harness,
					{ authentication: 'oAuth2', resource: 'topic', operation: 'create', communityId: rl(adasCommunityId(restartable.hub)), title: '=Down {{ $json.index }}', body: 'Once' },
					{ items: emptyItems(10) },
				);
				await crashed;

				expect(outcome.output).toBeUndefined();
				// Item 3 ran, then the Hub went down before answering: whether it made the topic cannot be read back.
				expect(outcome.error.message).toBe('The Hub may or may not have created the topic "Down 3": check the community before running again [item 3]');
				expect(outcome.error.description).toMatch(/connection (was reset|was closed).*reading back failed: Could not reach the Hub .*connection was refused/);
				expect(outcome.error.context.itemIndex).toBe(3);
				expect(leakedSecrets(exposedText(harness, outcome), allSecrets(harness))).toEqual([]);
				// The POST was not sent again. It was read back five times (the first and the policy's four
				// retries), each read-back's GET five times: 4 waits between read-backs, 4 within each.
				expect(retryWaits.waits).toHaveLength(4 + 5 * 4);

				await restartable.restart();
				expectEachOnce(occurrences(Object.values(restartable.hub.state.data.topics).map((topic) => topic.title), 'Down '), topicTitles('Down ', 4));
			} finally {
				retryWaits.restore();
			}
		});
	});
});
