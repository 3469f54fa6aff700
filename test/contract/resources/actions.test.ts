import { randomUUID } from 'crypto';
import { useResourceHub, type ApiResponse } from './helpers';

const DAY_MS = 24 * 3600 * 1000;

describe('integration actions', () => {
	const suite = useResourceHub();
	let mailgunId: string;
	let blueskyId: string;
	let twilioId: string;

	beforeAll(async () => {
		mailgunId = (await suite.ada.call('GET', '/api/integrations')).body.connections[0].id;
		const ecosystemId = (await suite.ada.call('GET', '/api/ecosystem/ecosystems')).body[1].id;
		const connect = async (body: Record<string, unknown>) =>
			(await suite.ada.call('POST', '/api/integrations/connect', { body: { ecosystemId, ...body } })).body.id;
		blueskyId = await connect({ type: 'app_password', providerId: 'bluesky', serviceType: 'social', identifier: 'ada.bsky.social', password: 'p' });
		twilioId = await connect({
			type: 'api_key',
			providerId: 'twilio',
			serviceType: 'sms',
			fields: { accountSid: 'AC1', authToken: 't', fromNumber: '+14155550100' },
		});
	});

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

	test.each([
		['send', () => mailgunId, { to: 'grace@example.com', subject: 'Hello', message: 'Hi Grace' }, 'sent'],
		['post', () => blueskyId, { message: 'Shipping the n8n node today' }, 'posted'],
		['sms', () => twilioId, { to: '+4915112345678', message: 'Build is green' }, 'sent'],
	])('%s answers {ok, status, actionLogId, externalId, deduped: false}', async (type, connection, body, status) => {
		const response = await act(connection(), type, body);
		expect(response.status).toBe(200);
		expect(response.body).toEqual({ ok: true, status, actionLogId: expect.any(String), externalId: expect.any(String), deduped: false });
	});

	test('only the action types the provider supports', async () => {
		expectProblem(await act(blueskyId, 'send', { to: 'a@example.com', message: 'x' }), 400, 'validation_error', 'actionType');
		expectProblem(await act(mailgunId, 'sms', { to: '+14155550100', message: 'x' }), 400, 'validation_error', 'actionType');
		expectProblem(await act(mailgunId, 'teleport', {}), 400, 'validation_error', 'actionType');
	});

	test('a missing Idempotency-Key is 400 naming the header', async () => {
		expectProblem(await act(mailgunId, 'send', { to: 'a@example.com', message: 'x' }, null), 400, 'validation_error', 'Idempotency-Key');
	});

	test.each([
		['to', 'send', { to: 'not-an-email', message: 'x' }],
		['message', 'send', { to: 'a@example.com', message: '' }],
		['to', 'sms', { to: '0151 1234', message: 'x' }],
		['message', 'post', {}],
	])('a bad %s for %s is a 400 problem', async (field, type, body) => {
		const connection = type === 'send' ? mailgunId : type === 'sms' ? twilioId : blueskyId;
		expectProblem(await act(connection, type, body), 400, 'validation_error', field);
	});

	test('an unknown or foreign connection is 404', async () => {
		expectProblem(await act('nope', 'send', { to: 'a@example.com', message: 'x' }), 404, 'not_found');
		const foreign = await suite.grace.call('POST', `/api/integrations/${mailgunId}/actions/send`, {
			body: { to: 'a@example.com', message: 'x' },
			headers: { 'Idempotency-Key': randomUUID() },
		});
		expectProblem(foreign, 404, 'not_found');
	});

	test('the same key on the same connection is deduped to the original action, even after the replay window', async () => {
		const key = randomUUID();
		const first = await act(mailgunId, 'send', { to: 'grace@example.com', message: 'Once' }, key);
		const replay = await act(mailgunId, 'send', { to: 'grace@example.com', message: 'Once' }, key);
		expect(replay.body).toEqual(first.body);
		suite.hub.clock.advance(DAY_MS + 60_000);
		const late = await act(mailgunId, 'send', { to: 'grace@example.com', message: 'Once' }, key);
		expect(late.status).toBe(200);
		expect(late.body).toEqual({ ...first.body, deduped: true });
		const fresh = await act(mailgunId, 'send', { to: 'grace@example.com', message: 'Once' });
		expect(fresh.body.deduped).toBe(false);
		expect(fresh.body.actionLogId).not.toBe(first.body.actionLogId);
	});
});
