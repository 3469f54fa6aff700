import { randomUUID } from 'crypto';
import { controlRequest, takeViolations } from '../../hub/testing';
import { useResourceHub, type ApiResponse } from './helpers';

const DAY_MS = 24 * 3600 * 1000;

/** One body per action type of the published IntegrationActionRequest, each with its own fields. */
const BODIES: Record<string, Record<string, unknown>> = {
	send: { to: ['grace@example.com'], cc: ['alan@example.com'], subject: 'Hello', bodyText: 'Hi Grace' },
	post: { text: 'Shipping the n8n node today', media: [{ url: 'https://example.com/a.png', altText: 'A' }] },
	sms: { to: '+4915112345678', body: 'Build is green' },
	submit: { subreddit: 'n8n', title: 'A node for the Hub', url: 'https://example.com' },
	comment: { text: 'Agreed', replyTo: 't1_abc' },
	subscribe: { audienceId: 'aud1', email: 'grace@example.com', firstName: 'Grace', tags: ['beta'] },
	unsubscribe: { audienceId: 'aud1', email: 'grace@example.com' },
	broadcast: { audienceId: 'aud1', subject: 'News', bodyHtml: '<p>News</p>', replyTo: 'ada@example.com' },
	broadcast_send: { broadcastId: 'b1' },
};

describe('integration actions', () => {
	const suite = useResourceHub();
	const connections: Record<string, string> = {};

	beforeAll(async () => {
		const ecosystems = (await suite.ada.call('GET', '/api/ecosystem/ecosystems')).body;
		const defaultId = ecosystems.find((ecosystem: { isDefault: boolean }) => ecosystem.isDefault).id;
		connections.mailgun = (await suite.ada.call('GET', `/api/integrations?ecosystemId=${defaultId}`)).body.connections[0].id;
		const ecosystemId = ecosystems.find((ecosystem: { isDefault: boolean }) => !ecosystem.isDefault).id;
		const connect = async (body: Record<string, unknown>) =>
			(await suite.ada.call('POST', '/api/integrations/connect', { body: { ecosystemId, ...body } })).body.id;
		connections.bluesky = await connect({ type: 'app_password', providerId: 'bluesky', serviceType: 'social', identifier: 'ada.bsky.social', password: 'p' });
		connections.reddit = await connect({ type: 'app_password', providerId: 'reddit', serviceType: 'social', identifier: 'ada', password: 'p' });
		connections.twilio = await connect({
			type: 'api_key',
			providerId: 'twilio',
			serviceType: 'sms',
			fields: { accountSid: 'AC1', authToken: 't', fromNumber: '+14155550100' },
		});
		connections.mailchimp = await connect({ type: 'api_key', providerId: 'mailchimp', serviceType: 'newsletter', fields: { account: 'ada', apiKey: 'k' } });
	});

	const CONNECTION_OF: Record<string, string> = {
		send: 'mailgun',
		post: 'bluesky',
		comment: 'reddit',
		submit: 'reddit',
		sms: 'twilio',
		subscribe: 'mailchimp',
		unsubscribe: 'mailchimp',
		broadcast: 'mailchimp',
		broadcast_send: 'mailchimp',
	};

	const act = (connectionId: string, actionType: string, body: unknown, key: string | null = randomUUID()) =>
		suite.ada.call('POST', `/api/integrations/${connectionId}/actions/${actionType}`, {
			body,
			headers: key === null ? {} : { 'Idempotency-Key': key },
		});

	const expectProblem = (response: ApiResponse, status: number, code: string, field?: string) => {
		expect(response.status).toBe(status);
		expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
		expect(response.body).toMatchObject({ status, code, ...(field ? { field } : {}) });
	};

	test.each(Object.keys(BODIES))('%s takes its published body and answers {ok: true, status: "ok", ...}', async (type) => {
		const response = await act(connections[CONNECTION_OF[type]], type, BODIES[type]);
		expect(response.status).toBe(200);
		expect(response.body).toEqual({ ok: true, status: 'ok', actionLogId: expect.any(String), externalId: expect.any(String), deduped: false });
	});

	test('a refused action is 200 {ok: false, status: "error", error}, and stays so for its key', async () => {
		await controlRequest(suite.hub, 'POST', '/__sandbox/action-failures', { connectionId: connections.twilio, error: 'The number is not reachable' });
		const key = randomUUID();
		const failed = await act(connections.twilio, 'sms', BODIES.sms, key);
		expect(failed.status).toBe(200);
		expect(failed.body).toEqual({ ok: false, status: 'error', actionLogId: expect.any(String), externalId: null, deduped: false, error: 'The number is not reachable' });
		// The same key again collapses onto the failed action: it is not taken a second time.
		suite.hub.clock.advance(DAY_MS + 60_000);
		expect((await act(connections.twilio, 'sms', BODIES.sms, key)).body).toEqual({ ...failed.body, deduped: true });
		// Armed for one action only: the next one goes through.
		expect((await act(connections.twilio, 'sms', BODIES.sms)).body.ok).toBe(true);
	});

	test('only the action types the provider supports', async () => {
		expectProblem(await act(connections.bluesky, 'send', BODIES.send), 400, 'validation_error', 'actionType');
		expectProblem(await act(connections.mailgun, 'sms', BODIES.sms), 400, 'validation_error', 'actionType');
		expectProblem(await act(connections.mailgun, 'teleport', {}), 400, 'validation_error', 'actionType');
		expect(takeViolations(suite.hub)).toEqual(['request path/actionType: "teleport" is not a published action type']);
	});

	test('without an Idempotency-Key each call acts; an over-long key is 400 naming the header', async () => {
		const first = await act(connections.mailgun, 'send', BODIES.send, null);
		const second = await act(connections.mailgun, 'send', BODIES.send, null);
		expect([first.body.deduped, second.body.deduped]).toEqual([false, false]);
		expect(second.body.actionLogId).not.toBe(first.body.actionLogId);
		expectProblem(await act(connections.mailgun, 'send', BODIES.send, 'k'.repeat(256)), 400, 'validation_error', 'Idempotency-Key');
	});

	test.each([
		['send', { to: 'a@example.com', subject: 'S', bodyText: 'x' }, 'to', ['request body/to: must be array']],
		['send', { to: ['a@example.com'], subject: 'S' }, 'body', ['request body: needs at least one of: bodyText, bodyHtml']],
		['send', { to: ['a@example.com'], bodyText: 'x' }, 'subject', ['request body: misses "subject"']],
		['sms', { to: '0151 1234', body: 'x' }, 'to', ['request body/to: must match pattern "^\\+[1-9][0-9]{1,14}$"']],
		['sms', { to: '+14155550100', message: 'x' }, 'body', ['request body: misses "body"', 'request body: has "message", which the published type does not define']],
		['post', {}, 'body', ['request body: needs at least one of: text, media']],
		['submit', { subreddit: 'a', title: 'T' }, 'subreddit', ['request body/subreddit: must match pattern "^[A-Za-z0-9_]{2,21}$"']],
		['subscribe', { audienceId: 'a', email: 'not-an-email' }, 'email', ['request body/email: must match format "email"']],
		['broadcast_send', {}, 'broadcastId', ['request body: misses "broadcastId"']],
	])('a %s body the published types refuse is a 400 problem naming the field', async (type, body, field, violations) => {
		expectProblem(await act(connections[CONNECTION_OF[type]], type, body), 400, 'validation_error', field);
		expect(takeViolations(suite.hub)).toEqual(violations);
	});

	test('an unknown or foreign connection is 404', async () => {
		expectProblem(await act('nope', 'send', BODIES.send), 404, 'not_found');
		const foreign = await suite.grace.call('POST', `/api/integrations/${connections.mailgun}/actions/send`, {
			body: BODIES.send,
			headers: { 'Idempotency-Key': randomUUID() },
		});
		expectProblem(foreign, 404, 'not_found');
	});

	test('the same key on the same connection is deduped to the original action (deduped: true), at once and a day later', async () => {
		const key = randomUUID();
		const first = await act(connections.mailgun, 'send', BODIES.send, key);
		const repeat = await act(connections.mailgun, 'send', BODIES.send, key);
		expect(repeat.body).toEqual({ ...first.body, deduped: true });
		suite.hub.clock.advance(DAY_MS + 60_000);
		const late = await act(connections.mailgun, 'send', BODIES.send, key);
		expect(late.status).toBe(200);
		expect(late.body).toEqual({ ...first.body, deduped: true });
		const fresh = await act(connections.mailgun, 'send', BODIES.send);
		expect(fresh.body.deduped).toBe(false);
		expect(fresh.body.actionLogId).not.toBe(first.body.actionLogId);
	});
});
