import { startHub, type Hub } from '../../hub';
import { controlRequest, hubRequest, obtainTokens } from '../../hub/testing';

/**
 * hub-api.md section 2, Retries and idempotency: `Idempotency-Key` on authenticated POSTs, in the
 * mode where the sandbox honours it on every POST (as a Hub might).
 */
describe('Idempotency-Key (every-post mode)', () => {
	let hub: Hub;
	let ada: string;
	let grace: string;
	let chatId: string;
	const SEND = 'POST /api/chat/dms/:chatId/messages';

	beforeAll(async () => {
		hub = await startHub({ idempotency: 'every-post' });
		const [adaUser, graceUser] = hub.info().users;
		ada = adaUser.apiToken;
		grace = graceUser.apiToken;
		const chat = await hubRequest(hub, 'POST', '/api/chat/dms', { token: ada, body: { recipientId: graceUser.id } });
		chatId = chat.body.id;
	});
	afterAll(() => hub.close());

	const send = (key: string | undefined, body: unknown, token = ada) =>
		hubRequest(hub, 'POST', `/api/chat/dms/${chatId}/messages`, {
			token,
			body,
			headers: key === undefined ? {} : { 'Idempotency-Key': key },
		});
	const executions = async () => (await controlRequest(hub, 'GET', '/__sandbox/counters')).executions[SEND] ?? 0;

	it('replays the first response for the same key and body, without running the route again', async () => {
		const first = await send('key-replay', { body: 'Hello once' });
		expect(first.status).toBe(201);
		expect(first.headers.get('idempotent-replayed')).toBeNull();
		const ran = await executions();
		const counters = await controlRequest(hub, 'GET', '/__sandbox/counters');

		const second = await send('key-replay', { body: 'Hello once' });
		expect(second.status).toBe(201);
		expect(second.headers.get('idempotent-replayed')).toBe('true');
		expect(second.body).toEqual(first.body);
		expect(second.headers.get('x-request-id')).not.toBe(first.headers.get('x-request-id'));
		expect(await executions()).toBe(ran);
		expect((await controlRequest(hub, 'GET', '/__sandbox/counters')).idempotentReplays).toBe(counters.idempotentReplays + 1);

		const messages = await hubRequest(hub, 'GET', `/api/chat/dms/${chatId}/messages?pageSize=200`, { token: ada });
		expect(messages.body.items.filter((message: { body: string }) => message.body === 'Hello once')).toHaveLength(1);
	});

	it('answers 409 idempotency_key_reused for the same key with a different body', async () => {
		await send('key-conflict', { body: 'First' });
		const result = await send('key-conflict', { body: 'Second' });
		expect(result.status).toBe(409);
		expect(result.body).toEqual({ error: { code: 'idempotency_key_reused', message: expect.any(String) } });
	});

	it('keeps keys per token owner: another user may use the same key', async () => {
		await send('key-shared', { body: 'From Ada' });
		const result = await send('key-shared', { body: 'From Grace' }, grace);
		expect(result.status).toBe(201);
		expect(result.headers.get('idempotent-replayed')).toBeNull();
	});

	it('keys per owner, not per token: a refreshed or new token of the same user replays', async () => {
		const tokens = await obtainTokens(hub, { scopes: ['discussions:write'] });
		const first = await send('key-owner', { body: 'Any token' });
		const second = await send('key-owner', { body: 'Any token' }, tokens.access_token);
		expect(second.headers.get('idempotent-replayed')).toBe('true');
		expect(second.body.id).toBe(first.body.id);
	});

	it('keeps a record 24 hours by the hub clock', async () => {
		const first = await send('key-day', { body: 'Daily' });
		hub.clock.advance(24 * 3600 * 1000 - 1000);
		expect((await send('key-day', { body: 'Daily' })).headers.get('idempotent-replayed')).toBe('true');
		hub.clock.advance(2000);
		const later = await send('key-day', { body: 'Daily' });
		expect(later.status).toBe(201);
		expect(later.headers.get('idempotent-replayed')).toBeNull();
		expect(later.body.id).not.toBe(first.body.id);
	});

	it('replays a stored 4xx too, but never stores a 401', async () => {
		// A body the published types allow and the route refuses (ids are at most 36 characters).
		const refused = { body: 'x', clientMessageId: 'c'.repeat(37) };
		const invalid = await send('key-invalid', refused);
		expect(invalid.status).toBe(400);
		const replayed = await send('key-invalid', refused);
		expect(replayed.status).toBe(400);
		expect(replayed.headers.get('idempotent-replayed')).toBe('true');

		const tokens = await obtainTokens(hub, { scopes: ['discussions:write'] });
		await controlRequest(hub, 'POST', '/__sandbox/expire-access-tokens', {});
		const expired = await send('key-after-401', { body: 'Retry me' }, tokens.access_token);
		expect(expired.status).toBe(401);
		const retried = await send('key-after-401', { body: 'Retry me' });
		expect(retried.status).toBe(201);
		expect(retried.headers.get('idempotent-replayed')).toBeNull();
	});

	it('without a key, every POST runs', async () => {
		const first = await send(undefined, { body: 'Twice' });
		const second = await send(undefined, { body: 'Twice' });
		expect(second.body.id).not.toBe(first.body.id);
	});

	it('refuses an over-long key with 400 validation_error', async () => {
		const result = await send('k'.repeat(256), { body: 'Long key' });
		expect(result.status).toBe(400);
		expect(result.body.error.field).toBe('Idempotency-Key');
	});

	it('works on routes with problem-details errors (integrations) too', async () => {
		const connect = (providerId: string) =>
			hubRequest(hub, 'POST', '/api/integrations/connect', {
				token: ada,
				body: { type: 'app_password', providerId, serviceType: 'social', ecosystemId: 'e', identifier: 'a', password: 'b' },
				headers: { 'Idempotency-Key': 'k-int' },
			});
		const first = await connect('myspace');
		const again = await connect('friendster');
		expect(first.status).toBe(400);
		expect(again.status).toBe(409);
		expect(again.headers.get('content-type')).toBe('application/problem+json');
		expect(again.body).toMatchObject({ status: 409, code: 'idempotency_key_reused' });
	});
});

/** The default mode: the key is honoured only where the published types declare it. */
describe('Idempotency-Key (declared mode, the default)', () => {
	let hub: Hub;
	let ada: string;

	beforeAll(async () => {
		hub = await startHub();
		ada = hub.info().users[0].apiToken;
	});
	afterAll(() => hub.close());

	it('is the default, and /__sandbox/settings switches it', async () => {
		expect(hub.settings.idempotency).toBe('declared');
		expect(await controlRequest(hub, 'POST', '/__sandbox/settings', { idempotency: 'every-post' })).toMatchObject({ idempotency: 'every-post' });
		expect(await controlRequest(hub, 'POST', '/__sandbox/settings', { idempotency: 'declared' })).toMatchObject({ idempotency: 'declared' });
		expect((await hubRequest(hub, 'POST', '/__sandbox/settings', { body: { idempotency: 'sometimes' } })).status).toBe(400);
	});

	it('ignores the key on a route that does not declare it: the route runs again', async () => {
		const grace = hub.info().users[1];
		const chat = await hubRequest(hub, 'POST', '/api/chat/dms', { token: ada, body: { recipientId: grace.id } });
		const send = () =>
			hubRequest(hub, 'POST', `/api/chat/dms/${chat.body.id}/messages`, { token: ada, body: { body: 'No help' }, headers: { 'Idempotency-Key': 'undeclared' } });
		const first = await send();
		const second = await send();
		expect([first.status, second.status]).toEqual([201, 201]);
		expect(second.headers.get('idempotent-replayed')).toBeNull();
		expect(second.body.id).not.toBe(first.body.id);
	});

	it('leaves it to the action route, the one the types declare it on: no replay by the pipeline (the route answers deduped: true, actions.test.ts)', async () => {
		const act = () =>
			hubRequest(hub, 'POST', '/api/integrations/no-such-connection/actions/sms', {
				token: ada,
				body: { to: '+14155550100', body: 'Declared' },
				headers: { 'Idempotency-Key': 'declared-key' },
			});
		const first = await act();
		const second = await act();
		expect([first.status, second.status]).toEqual([404, 404]);
		expect(second.headers.get('idempotent-replayed')).toBeNull();
		expect((await controlRequest(hub, 'GET', '/__sandbox/counters')).idempotentReplays).toBe(0);
	});
});
