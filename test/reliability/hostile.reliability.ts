import type { IDataObject } from 'n8n-workflow';
import { setRealtimePolicy } from '../../nodes/AgenticDeveloperHub/realtime/policy';
import { HUB_BOUNDS, overrideHubBounds } from '../../nodes/AgenticDeveloperHub/transport/bounds';
import { API_TOKEN_CREDENTIAL, createHarness, OAUTH2_CREDENTIAL, type Harness } from '../harness';
import { controlRequest } from '../hub/testing';
import type { HostileBehaviour } from '../hub/hostile';
import { realtimeTrigger } from '../realtime/support';
import { trigger } from '../trigger/support/harness';
import { replyScenario } from '../trigger/support/scenarios';
import { Collector } from './collector';
import { figureTable, measured, UNCLEAR_ERROR, type HostileFigures, type RunBounds } from './hostileSupport';
import { recordRetryWaits, rl, runNode } from './support';

const NOTIFICATIONS = { authentication: 'apiToken', event: 'newNotification' };
/** How long the realtime trigger is left running against each behaviour (a ceiling, not a measurement). */
const REALTIME_WINDOW_MS = 3_000;

/** Stream opens the realtime trigger may make in the window: a backoff from 200 ms, doubling (about 4). */
const MAX_STREAM_OPENS = 8;

/**
 * Return All's absolute cap, lowered for this suite: an endless list that makes progress proves the
 * cap ends it without reading the million records of the real bound (10,000 pages).
 */
const TEST_PAGES_PER_LIST = 200;

const BOUNDS: Record<string, RunBounds> = {
	'polling trigger': { requests: HUB_BOUNDS.pagesPerScan + 6, peakHeapGrowthMb: 150, secondsCeiling: 60 },
	'realtime trigger': { requests: 4 * MAX_STREAM_OPENS + HUB_BOUNDS.pagesPerScan, peakHeapGrowthMb: 150, secondsCeiling: 60 },
	// Up to answerBytes (32 MiB) of one answer is held before the bound stops it.
	'Get Me': { requests: 5, peakHeapGrowthMb: 80, secondsCeiling: 60 },
	'reply trigger activation': { requests: HUB_BOUNDS.pagesPerWalkBack + 2, peakHeapGrowthMb: 50, secondsCeiling: 60 },
	'OAuth2 connect, then Get Me': { requests: 12, peakHeapGrowthMb: 100, secondsCeiling: 60 },
	'Get Many Topics (Return All, author names)': { requests: TEST_PAGES_PER_LIST + 10, peakHeapGrowthMb: 200, secondsCeiling: 60 },
	'Search Users': { requests: 5, peakHeapGrowthMb: 100, secondsCeiling: 60 },
};

/** What each subject must end with against `wrongJsonTypes` (the route it names, what it expected). */
const WRONG_TYPE_ERRORS: Record<string, RegExp> = {
	'polling trigger': /^The Hub answered a string where an object was expected for GET \/api\/notifications$/,
	'realtime trigger': /^The Hub answered a string where an object was expected for GET \/api\/notifications$/,
	'Get Me': /^The Hub answered a string where an object was expected for GET \/api\/auth\/me$/,
	'Get Many Topics (Return All, author names)': /^The Hub answered a string where an object was expected for GET \/api\/discussion\/topics$/,
	'Search Users': /^The Hub answered an object where an array was expected for GET \/api\/users\/search$/,
};

/** What a 100 MB answer must end with: the bound on one answer, named. */
const HUGE_ANSWER_ERROR = /exceeded 32 MiB \(bound answerBytes\)/;

/** What a redirect to another host must end with: refused, saying why. */
const REDIRECT_ERROR = /redirect \(HTTP 302\), which is refused so that the credentials never reach another address/;

/** The error a subject must end with against these behaviours, where one is required. */
function requiredError(behaviours: HostileBehaviour[], subject: string): RegExp | undefined {
	if (behaviours.includes('wrongJsonTypes')) return WRONG_TYPE_ERRORS[subject];
	if (behaviours.includes('hugeAnswer')) return HUGE_ANSWER_ERROR;
	// The realtime trigger meets the redirect on its stream, answered without an event stream's type.
	if (behaviours.includes('redirectElsewhere') && subject !== 'realtime trigger') return REDIRECT_ERROR;
	return undefined;
}

const SCENARIOS: Array<{ title: string; behaviours: HostileBehaviour[] }> = [
	{ title: 'endless pages', behaviours: ['endlessPages'] },
	{ title: 'NaN sort keys on endless pages', behaviours: ['endlessPages', 'nanSortKeys'] },
	{ title: 'a repeating cursor', behaviours: ['repeatingPages'] },
	{ title: 'counts that lie', behaviours: ['lyingCounts'] },
	{ title: '__proto__ and constructor keys', behaviours: ['protoKeys'] },
	{ title: 'answers of the wrong JSON type', behaviours: ['wrongJsonTypes'] },
	{ title: 'a 100 MB answer', behaviours: ['hugeAnswer'] },
	{ title: 'invalid UTF-8', behaviours: ['invalidUtf8'] },
	{ title: 'redirects to another host', behaviours: ['redirectElsewhere'] },
	{ title: 'Retry-After: 999999999', behaviours: ['retryAfterForever'] },
	{ title: 'a stream line without an end', behaviours: ['streamEndlessLine'] },
	{ title: 'a 10 MB event', behaviours: ['streamHugeEvent'] },
	{ title: 'a stream that closes after every event', behaviours: ['streamClosesAfterEvent'] },
];

describe('a hostile Hub: every run ends bounded, clear, at home, with the mark unchanged', () => {
	let harness: Harness;
	let collector: Collector;
	let communityId: string;
	const figures: Array<HostileFigures & { bounds: RunBounds }> = [];
	let restore: Array<() => void> = [];
	const control = async (method: string, path: string, body?: unknown) => await controlRequest(harness.hub, method, path, body);
	const hostile = async (behaviours: HostileBehaviour[]) => await control('POST', '/__sandbox/hostile', { behaviours, redirectTo: collector.url('localhost') });
	const notifyAda = async (title: string): Promise<IDataObject[]> =>
		(await control('POST', '/__sandbox/activity/notifications', { user: 'ada@example.com', category: 'community_reply', title, actor: 'grace@example.com', count: 1 })).items;

	beforeAll(async () => {
		harness = await createHarness();
		collector = await Collector.start();
		restore = [
			setRealtimePolicy({ reconnectBaseMs: 200, reconnectMaxMs: 2_000, idleTimeoutMs: 20_000 }),
			// Backoffs between retries are recorded, not slept: the bounds count requests, not seconds.
			recordRetryWaits().restore,
			overrideHubBounds({ pagesPerList: TEST_PAGES_PER_LIST }),
		];
	});
	afterAll(async () => {
		restore.forEach((undo) => undo());
		process.stdout.write(figureTable(figures));
		await harness?.close();
		await collector?.close();
	});
	beforeEach(async () => {
		await control('POST', '/__sandbox/reset');
		harness.setCredentialData(API_TOKEN_CREDENTIAL, { baseUrl: harness.hub.url, apiToken: harness.hub.info().users[0].apiToken });
		communityId = Object.values(harness.hub.state.data.communities)[0].id;
		collector.forget();
	});

	function check(scenario: string, subject: string, run: Awaited<ReturnType<typeof measured>>, outcome: string): void {
		const bounds = BOUNDS[subject];
		figures.push({ scenario, subject, requests: run.requests, otherHostRequests: collector.seen.length, peakHeapGrowthMb: run.peakHeapGrowthMb, seconds: run.seconds, outcome, bounds });
		expect(collector.seen).toEqual([]);
		expect(run.requests).toBeLessThanOrEqual(bounds.requests);
		expect(run.peakHeapGrowthMb).toBeLessThanOrEqual(bounds.peakHeapGrowthMb);
		expect(run.seconds).toBeLessThanOrEqual(bounds.secondsCeiling);
		expect(outcome).not.toMatch(UNCLEAR_ERROR);
	}

	it('counts that lie: the reply trigger, placed by a topic\'s reply count of 1,000,000,000, walks back a bounded number of pages', async () => {
		const title = 'counts that lie';
		const { parameters } = replyScenario(harness);
		const nodeName = 'Replies under a lying count';
		await hostile(['lyingCounts']);
		const run = await measured(harness.hub, async () => await harness.poll(trigger, { parameters, nodeName }).then(() => undefined, (error: Error) => error));
		await control('DELETE', '/__sandbox/hostile');
		const error = run.result;
		check(title, 'reply trigger activation', run, error ? `error: ${error.message}` : 'activated');
		expect(error?.message).toMatch(/bound pagesPerWalkBack/);
		// No mark was taken: the next activation starts afresh, from the true count.
		expect(harness.staticData(nodeName)).toEqual({});
		await harness.poll(trigger, { parameters, nodeName });
		expect(harness.staticData(nodeName)).toMatchObject({ state: { last: expect.any(Number) } });
	});

	it('a 1 MB token: issued by the token endpoint, read in linear time, refused by the Hub with a clear error', async () => {
		await hostile(['hugeToken']);
		const run = await measured(harness.hub, async () => {
			await harness.connectOAuth2();
			return await runNode(harness, { authentication: 'oAuth2', resource: 'user', operation: 'getMe' });
		});
		await control('DELETE', '/__sandbox/hostile');
		const stored = String((harness.storedCredential(OAUTH2_CREDENTIAL).oauthTokenData as IDataObject).access_token);
		expect(stored.length).toBeGreaterThan(1024 * 1024);
		const { error } = run.result;
		check('a 1 MB token', 'OAuth2 connect, then Get Me', run, error ? `error: ${error.message}` : 'answered');
		expect(error?.message).toMatch(/HTTP 431|reconnected/);
		expect(String(error?.message)).not.toContain(stored.slice(0, 64));
	});

	describe.each(SCENARIOS)('$title', ({ title, behaviours }) => {
		it('the polling trigger: a bounded poll, a clear error or nothing new, the mark unchanged; afterwards nothing lost or repeated', async () => {
			const nodeName = `Poll ${title}`;
			await harness.poll(trigger, { parameters: NOTIFICATIONS, nodeName });
			const markBefore = JSON.stringify(harness.staticData(nodeName));
			await hostile(behaviours);
			const run = await measured(harness.hub, async () => {
				try {
					return { items: (await harness.poll(trigger, { parameters: NOTIFICATIONS, nodeName }))?.[0] ?? [] };
				} catch (error) {
					return { error: error as Error };
				}
			});
			const { items, error } = run.result as { items?: unknown[]; error?: Error };
			await control('DELETE', '/__sandbox/hostile');
			check(title, 'polling trigger', run, error ? `error: ${error.message}` : `${items?.length} items`);
			const required = requiredError(behaviours, 'polling trigger');
			if (required) expect(error?.message).toMatch(required);
			if (error) expect(JSON.stringify(harness.staticData(nodeName))).toBe(markBefore);
			else expect(items).toEqual([]);
			const [fresh] = await notifyAda(`after ${title}`);
			const after = (await harness.poll(trigger, { parameters: NOTIFICATIONS, nodeName }))?.[0] ?? [];
			expect(after.map((item) => item.json.id)).toEqual([fresh.id]);
		});

		it('the realtime trigger: bounded reconnects and reads, the mark unchanged on failure', async () => {
			const nodeName = `Realtime ${title}`;
			const active = await harness.trigger(realtimeTrigger, { parameters: NOTIFICATIONS, nodeName });
			try {
				const markBefore = JSON.stringify(harness.staticData(nodeName));
				await hostile(behaviours);
				const run = await measured(harness.hub, async () => {
					// Where an error is required, a new notification makes the trigger read the hostile answers.
					if (requiredError(behaviours, 'realtime trigger')) await notifyAda(`during ${title}`);
					await new Promise((resolve) => setTimeout(resolve, REALTIME_WINDOW_MS));
				});
				const { streamsOpened } = harness.hub.hostile.met;
				const outcome = active.errors.length > 0 ? `error: ${active.errors[0].message}` : `${active.items().length} items, ${streamsOpened} hostile streams opened`;
				check(title, 'realtime trigger', run, outcome);
				expect(streamsOpened).toBeLessThanOrEqual(MAX_STREAM_OPENS);
				expect(active.items()).toEqual([]);
				const required = requiredError(behaviours, 'realtime trigger');
				if (required) expect(active.errors.map((error) => error.message)).toContainEqual(expect.stringMatching(required));
				if (active.errors.length > 0) expect(JSON.stringify(harness.staticData(nodeName))).toBe(markBefore);
			} finally {
				await active.close();
				await control('DELETE', '/__sandbox/hostile');
			}
		});

		it.each([
			['Get Me', { resource: 'user', operation: 'getMe' }],
			['Get Many Topics (Return All, author names)', { resource: 'topic', operation: 'getAll', returnAll: true, includeAuthorNames: true, simplify: false }],
			['Search Users', { resource: 'user', operation: 'search', query: 'a', returnAll: true }],
		])('%s: bounded, and a clear error or the right result', async (subject, parameters) => {
			await hostile(behaviours);
			const run = await measured(harness.hub, async () => await runNode(harness, { authentication: 'apiToken', ...parameters, communityId: rl(communityId) }));
			await control('DELETE', '/__sandbox/hostile');
			const { output, error } = run.result;
			check(title, subject, run, error ? `error: ${error.message}` : `${output?.length} items`);
			const required = requiredError(behaviours, subject);
			if (required) expect(error?.message).toMatch(required);
			if (behaviours.includes('protoKeys') && output) {
				// Every key of the Hub's answer is kept as an own field, and nothing leaks into prototypes.
				expect(output.every((item) => Object.hasOwn(item.json, '__proto__') && Object.hasOwn(item.json, 'constructor'))).toBe(true);
				if (subject.startsWith('Get Many Topics')) expect(output.every((item) => 'authorName' in item.json)).toBe(true);
				expect(({} as IDataObject).polluted).toBeUndefined();
			}
		});
	});
});
