import { hubApiValidator, describeViolations } from '../../openapi/validator';
import { openEventStream, type OpenedStream } from '../../hub/streamClient';
import { controlRequest, obtainTokens } from '../../hub/testing';
import { useResourceHub } from './helpers';

/** hub-api.md section 3 "Realtime": the two Server-Sent Events routes and their control switches. */
describe('event streams', () => {
	const suite = useResourceHub();
	const opened: OpenedStream[] = [];
	const open = async (path: string, auth: { header?: string; query?: string } = { header: suite.ada.apiToken }) => {
		const stream = await openEventStream(suite.hub.url, path, auth);
		opened.push(stream);
		return stream;
	};
	const streamCounters = async () => (await controlRequest(suite.hub, 'GET', '/__sandbox/counters')).streams;
	const notify = async (user: string, count = 1) =>
		await controlRequest(suite.hub, 'POST', '/__sandbox/activity/notifications', { user, category: 'community_reply', title: 'Hi', count });
	const sendMessage = async (user: string, recipient: string, count = 1) =>
		(await controlRequest(suite.hub, 'POST', '/__sandbox/activity/messages', { user, recipient, body: 'Hello', count })).items;
	const idle = async (ms: number) => await new Promise((resolve) => setTimeout(resolve, ms));

	afterEach(async () => {
		for (const stream of opened.splice(0)) stream.close();
		await controlRequest(suite.hub, 'POST', '/__sandbox/streams/settings', { maxLifeSeconds: 300, readyOnly: false });
	});

	describe('GET /api/notifications/stream', () => {
		it('wakes the caller once per notification and per direct message that arrives for them, with data {}', async () => {
			const stream = await open('/api/notifications/stream');
			expect(stream.status).toBe(200);
			expect(stream.headers['content-type']).toMatch(/^text\/event-stream/);
			expect(stream.headers['x-request-id']).toMatch(/^req_/);
			await notify('ada@example.com', 3);
			await sendMessage('grace@example.com', 'ada@example.com');
			const events = await stream.waitForEvents(4);
			expect(events.map(({ event, data }) => ({ event, data }))).toEqual(Array(4).fill({ event: 'notification', data: {} }));
			for (const { data } of events) {
				expect(describeViolations(hubApiValidator().validateStreamEvent({ path: '/api/notifications/stream', data }))).toBe('');
			}
			expect((await streamCounters()).open.notifications).toBe(1);
		});

		it('does not wake the caller for someone else\'s notification, nor for a message the caller sent', async () => {
			const stream = await open('/api/notifications/stream');
			await notify('grace@example.com');
			await sendMessage('ada@example.com', 'grace@example.com');
			await notify('ada@example.com');
			await stream.waitForEvents(1);
			await idle(200);
			expect(stream.events).toHaveLength(1);
		});

		it('answers 401 and 403 as ordinary JSON answers before any stream opens', async () => {
			const none = await open('/api/notifications/stream', {});
			expect(none.status).toBe(401);
			expect(none.headers['www-authenticate']).toContain('error_description="unauthorized"');
			const narrow = await obtainTokens(suite.hub, { scopes: ['profile:read'] });
			const scopeless = await open('/api/notifications/stream', { header: narrow.access_token });
			expect(scopeless.status).toBe(403);
			expect(JSON.stringify(scopeless.body)).toContain('insufficient_scope');
			await controlRequest(suite.hub, 'POST', '/__sandbox/expire-access-tokens', {});
			const expired = await open('/api/notifications/stream', { header: narrow.access_token });
			expect(expired.status).toBe(401);
			expect(JSON.stringify(expired.body)).toContain('token_expired');
			expect((await streamCounters()).open.notifications).toBe(0);
		});

		it('takes the token from the access_token query parameter too, and counts such connects', async () => {
			const before = (await streamCounters()).queryTokenConnects;
			const stream = await open('/api/notifications/stream', { query: suite.ada.apiToken });
			expect(stream.status).toBe(200);
			await notify('ada@example.com');
			await stream.waitForEvents(1);
			expect((await streamCounters()).queryTokenConnects).toBe(before + 1);
		});

		it('counts the most streams open at once (peak) until the peak is started again from the streams open now', async () => {
			await controlRequest(suite.hub, 'POST', '/__sandbox/streams/close', {});
			expect((await controlRequest(suite.hub, 'POST', '/__sandbox/streams/peak')).peak.notifications).toBe(0);
			const first = await open('/api/notifications/stream');
			const second = await open('/api/notifications/stream');
			expect((await streamCounters()).peak.notifications).toBe(2);
			second.close();
			for (let tries = 0; (await streamCounters()).open.notifications > 1; tries++) {
				if (tries > 100) throw new Error('the closed stream stayed open at the sandbox');
				await idle(20);
			}
			expect((await streamCounters()).peak.notifications).toBe(2);
			expect((await controlRequest(suite.hub, 'POST', '/__sandbox/streams/peak')).peak.notifications).toBe(1);
			first.close();
		});

		it('sends no keep-alives and closes by itself at its maximum life', async () => {
			await controlRequest(suite.hub, 'POST', '/__sandbox/streams/settings', { maxLifeSeconds: 0.6 });
			// Timed from before the request: the Hub's 0.6 s starts after it arrives, however slow the machine.
			const openedAt = Date.now();
			const stream = await open('/api/notifications/stream');
			expect(await stream.ended).toBe('clean');
			expect(Date.now() - openedAt).toBeGreaterThanOrEqual(500);
			expect(stream.raw()).toBe('');
			expect((await streamCounters()).open.notifications).toBe(0);
		});

		it('in ready-only mode (no notification service) sends one `ready` event and closes at once', async () => {
			expect(await controlRequest(suite.hub, 'POST', '/__sandbox/streams/settings', { readyOnly: true })).toEqual({ maxLifeSeconds: 300, readyOnly: true });
			const stream = await open('/api/notifications/stream');
			expect(await stream.ended).toBe('clean');
			expect(stream.events.map(({ event }) => event)).toEqual(['ready']);
			expect((await open('/api/notifications/stream', {})).status).toBe(401);
		});
	});

	describe('GET /api/chat/dms/{chatId}/stream', () => {
		const chatOfAdaAndGrace = async () => {
			const { body } = await suite.ada.call('GET', '/api/chat/dms');
			return body.chats.find((chat: { otherUserId: string }) => chat.otherUserId === suite.grace.id);
		};

		it('sends the backlog after `after`, then live messages, each once, as the message list shows them', async () => {
			const chat = await chatOfAdaAndGrace();
			const last = chat.lastMessage.seq;
			const stream = await open(`/api/chat/dms/${chat.chatId}/stream?after=${last - 2}`);
			const backlog = await stream.waitForEvents(2);
			expect(backlog.map(({ event, data }) => [event, (data as { seq: number }).seq])).toEqual([
				['message', last - 1],
				['message', last],
			]);
			const sent = [...(await sendMessage('grace@example.com', 'ada@example.com')), ...(await sendMessage('ada@example.com', 'grace@example.com'))];
			const all = await stream.waitForEvents(4);
			expect(all.slice(2).map(({ data }) => data)).toEqual(sent);
			const { body } = await suite.ada.call('GET', `/api/chat/dms/${chat.chatId}/messages?pageSize=4`);
			expect(all.map(({ data }) => data)).toEqual(body.items);
			await idle(200);
			expect(stream.events).toHaveLength(4);
		});

		it('answers 404 for a chat the caller is not in, 400 for a bad `after`, 401 without a token', async () => {
			const chat = await chatOfAdaAndGrace();
			const alans = await open(`/api/chat/dms/${chat.chatId}/stream`, { header: suite.alan.apiToken });
			expect(alans.status).toBe(404);
			for (const after of ['-1', 'x']) {
				const refused = await open(`/api/chat/dms/${chat.chatId}/stream?after=${after}`);
				expect(refused.status).toBe(400);
				expect(JSON.stringify(refused.body)).toContain('after');
			}
			// Sent on purpose: the published types refuse them too.
			expect(suite.hub.takeViolations().map((violation) => violation.location)).toEqual(['query/after', 'query/after']);
			expect((await open(`/api/chat/dms/${chat.chatId}/stream`, {})).status).toBe(401);
			expect((await streamCounters()).open.chat).toBe(0);
		});
	});

	it('closes every open stream on request, and counts what is open', async () => {
		const chat = (await suite.ada.call('GET', '/api/chat/dms')).body.chats[0];
		const streams = [
			await open('/api/notifications/stream'),
			await open('/api/notifications/stream', { header: suite.grace.apiToken }),
			await open(`/api/chat/dms/${chat.chatId}/stream?after=100000`),
		];
		expect((await streamCounters()).open).toEqual({ notifications: 2, chat: 1 });
		expect(await controlRequest(suite.hub, 'POST', '/__sandbox/streams/close', { user: 'grace@example.com' })).toEqual({ closed: 1 });
		expect(await streams[1].ended).toBe('clean');
		expect(await controlRequest(suite.hub, 'POST', '/__sandbox/streams/close', {})).toEqual({ closed: 2 });
		expect(await Promise.all(streams.map(async (stream) => await stream.ended))).toEqual(['clean', 'clean', 'clean']);
		expect((await streamCounters()).open).toEqual({ notifications: 0, chat: 0 });
	});

	it('forgets a stream whose client went away', async () => {
		const stream = await open('/api/notifications/stream');
		expect((await streamCounters()).open.notifications).toBe(1);
		stream.close();
		for (let tries = 0; tries < 50 && (await streamCounters()).open.notifications > 0; tries++) await idle(20);
		expect((await streamCounters()).open.notifications).toBe(0);
	});

	it('refuses a maximum life past the contract\'s 5 minutes', async () => {
		await expect(controlRequest(suite.hub, 'POST', '/__sandbox/streams/settings', { maxLifeSeconds: 301 })).rejects.toThrow(/400/);
	});
});
