import { setRetryPolicy } from '../../nodes/AgenticDeveloperHub/transport/retryPolicy';
import { controlRequest } from '../hub/testing';
import type { Harness } from '../harness';
import { adasCommunityId, counters, expectNoSecrets, recordRetryWaits, resetHarnessBeforeEach, responses, runProbe } from './support';

const ME = 'GET /api/auth/me';
const CREATE_TOPIC = 'POST /api/discussion/topics';
const me = { authentication: 'oAuth2', method: 'GET', endpoint: '/api/auth/me' };

describe('transport retries', () => {
	let harness: Harness;
	let recorded: ReturnType<typeof recordRetryWaits>;

	resetHarnessBeforeEach((created) => (harness = created));
	beforeEach(() => {
		recorded = recordRetryWaits();
	});
	afterEach(() => recorded.restore());

	const fault = async (spec: Record<string, unknown>) => controlRequest(harness.hub, 'POST', '/__sandbox/faults', spec);

	it('429: waits the Retry-After seconds, then succeeds', async () => {
		await fault({ path: '/api/auth/me', status: 429, body: { code: 'rate_limited', message: 'Slow down' }, headers: { 'Retry-After': '7' } });

		const { output, error } = await runProbe(harness, me);

		expect(error).toBeUndefined();
		expect(output![0][0].json.email).toBe('ada@example.com');
		expect(recorded.waits).toEqual([7000]);
		expect(responses(await counters(harness.hub), ME)).toEqual({ '200': 1, '429': 1 });
	});

	it('429 without Retry-After: backs off longer on each retry, then succeeds', async () => {
		await fault({ path: '/api/auth/me', count: 3, status: 429, body: { code: 'rate_limited', message: 'Slow down' } });

		const { output, error } = await runProbe(harness, me);

		expect(error).toBeUndefined();
		expect(output![0][0].json.email).toBe('ada@example.com');
		// Exponential backoff with jitter: 250-500, 500-1000, 1000-2000 ms.
		expect(recorded.waits).toHaveLength(3);
		recorded.waits.forEach((wait, retry) => {
			expect(wait).toBeGreaterThanOrEqual(250 * 2 ** retry);
			expect(wait).toBeLessThanOrEqual(500 * 2 ** retry);
		});
		expect(responses(await counters(harness.hub), ME)).toEqual({ '200': 1, '429': 3 });
	});

	it('429 with the sandbox rate limit itself: waits and succeeds', async () => {
		await controlRequest(harness.hub, 'POST', '/__sandbox/settings', { rateLimit: 2 });
		// Retry-After runs to the end of the current minute (up to 60 s): allow that long a wait,
		// and let the wait pass on the sandbox clock instead of sleeping.
		setRetryPolicy({
			maxRetryAfterMs: 60_000,
			totalBudgetMs: 10 * 60_000,
			sleep: async (ms) => {
				recorded.waits.push(ms);
				harness.hub.clock.advance(ms);
			},
		});

		const { output, error } = await runProbe(harness, me, { items: [{ json: {} }, { json: {} }, { json: {} }] });

		expect(error).toBeUndefined();
		expect(output![0]).toHaveLength(3);
		expect(recorded.waits.length).toBeGreaterThanOrEqual(1);
		expect(recorded.waits.every((ms) => ms >= 1000 && ms % 1000 === 0)).toBe(true);
		expect(responses(await counters(harness.hub), ME)['429']).toBe(recorded.waits.length);
	});

	it('429 asking for longer than the cap: no wait, a clear error with the wait time', async () => {
		await fault({ path: '/api/auth/me', status: 429, body: { code: 'rate_limited', message: 'Slow down' }, headers: { 'Retry-After': '3600' } });

		const outcome = await runProbe(harness, me);

		expect(recorded.waits).toEqual([]);
		expect(outcome.error.message).toMatch(/rate limiting/);
		expect(outcome.error.description).toMatch(/Wait 3600 seconds/);
		expectNoSecrets(harness, outcome);
	});

	it('500 on a POST the Hub makes idempotent (notification state): retried, as a GET is', async () => {
		await fault({ method: 'POST', path: '/api/notifications/read-all', status: 500, body: { code: 'internal_error', message: 'Boom' } });

		const { output, error } = await runProbe(harness, { authentication: 'oAuth2', method: 'POST', endpoint: '/api/notifications/read-all', idempotent: true });

		expect(error).toBeUndefined();
		expect(output![0][0].json).toEqual({ success: true });
		expect(responses(await counters(harness.hub), 'POST /api/notifications/read-all')).toEqual({ '200': 1, '500': 1 });
		expect(recorded.waits).toHaveLength(1);
	});

	it('500 on a POST the Hub does not dedupe, with no read-back: never sent again, the outcome is reported unknown', async () => {
		await fault({ method: 'POST', path: '/api/discussion/topics', status: 500, body: { code: 'internal_error', message: 'Boom' } });
		const body = { communityId: adasCommunityId(harness.hub), title: 'Maybe created', body: 'Hello' };

		const outcome = await runProbe(harness, { authentication: 'oAuth2', method: 'POST', endpoint: '/api/discussion/topics', body: JSON.stringify(body) });

		expect(outcome.error.message).toMatch(
			/^The Hub may or may not have carried out POST \/api\/discussion\/topics: check the Hub before running again \[item 0\] \[Request ID: req_/,
		);
		expect(outcome.error.description).toMatch(/The Hub answered HTTP 500, and this request has no read-back to tell/);
		expect(outcome.error.context.itemIndex).toBe(0);
		expect(responses(await counters(harness.hub), CREATE_TOPIC)).toEqual({ '500': 1 });
		expect(recorded.waits).toEqual([]);
		expectNoSecrets(harness, outcome);
	});

	it('an explicit Idempotency-Key is sent as given: a Hub that honours it on every POST replays the same key', async () => {
		await controlRequest(harness.hub, 'POST', '/__sandbox/settings', { idempotency: 'every-post' });
		const request = {
			authentication: 'oAuth2',
			method: 'POST',
			endpoint: '/api/discussion/topics',
			idempotencyKey: 'item-7-key',
			body: JSON.stringify({ communityId: adasCommunityId(harness.hub), title: 'Only once', body: 'Hello' }),
		};
		const first = await runProbe(harness, request);
		const second = await runProbe(harness, request);

		expect(second.output![0][0].json.id).toBe(first.output![0][0].json.id);
		const seen = await counters(harness.hub);
		expect(seen.executions[CREATE_TOPIC]).toBe(1);
		expect(seen.idempotentReplays).toBe(1);
	});

	it('a connection reset on a GET is retried', async () => {
		await fault({ method: 'GET', path: '/api/auth/me', reset: true });

		const { output, error } = await runProbe(harness, me);

		expect(error).toBeUndefined();
		expect(output![0][0].json.email).toBe('ada@example.com');
		expect(recorded.waits).toHaveLength(1);
		expect(responses(await counters(harness.hub), ME)).toEqual({ '200': 1, reset: 1 });
	});

	it('5xx that does not go away: bounded attempts with growing backoff, then a clear error', async () => {
		await fault({ method: 'GET', path: '/api/auth/me', count: 50, status: 503, body: { code: 'internal_error', message: 'Down' } });

		const outcome = await runProbe(harness, me);

		expect(outcome.error.message).toMatch(/The Hub failed to process the request \(HTTP 503\) after 5 attempts \[Request ID: req_/);
		expect(responses(await counters(harness.hub), ME)).toEqual({ '503': 5 });
		expect(recorded.waits).toHaveLength(4);
		// Each backoff is within [50 %, 100 %] of 500, 1000, 2000, 4000 ms.
		recorded.waits.forEach((ms, index) => {
			const step = 500 * 2 ** index;
			expect(ms).toBeGreaterThanOrEqual(step / 2);
			expect(ms).toBeLessThanOrEqual(step);
		});
		expectNoSecrets(harness, outcome);
	});

	it('stops when the total time budget would be exceeded', async () => {
		// The first backoff (20-40 s) fits in 50 s, the second (40-80 s) does not; wall-clock time is
		// negligible next to these, so the outcome does not depend on how fast the test runs.
		setRetryPolicy({ baseDelayMs: 40_000, maxDelayMs: 80_000, totalBudgetMs: 50_000 });
		await fault({ method: 'GET', path: '/api/auth/me', count: 50, status: 502, body: { code: 'internal_error', message: 'Down' } });

		const outcome = await runProbe(harness, me);

		expect(outcome.error.message).toMatch(/HTTP 502\) after 2 attempts/);
		expect(responses(await counters(harness.hub), ME)).toEqual({ '502': 2 });
	});

	it('a 400 is not retried', async () => {
		await fault({ method: 'GET', path: '/api/auth/me', status: 400, body: { code: 'validation_error', message: 'No', field: 'x' } });

		const outcome = await runProbe(harness, me);

		expect(outcome.error.httpCode).toBe('400');
		expect(recorded.waits).toEqual([]);
		expect(responses(await counters(harness.hub), ME)).toEqual({ '400': 1 });
	});
});
