import type { IDataObject } from 'n8n-workflow';
import { watchRequests } from '../transport/support';
import { rl, seededCommunity, useNodeHarness } from './support';
import { items, offersSkip, SKIP, writeCounter } from './skipIfDoneSupport';

const REPLY = 'POST /api/discussion/topics/:id/posts';
const CREATE_TOPIC = 'POST /api/discussion/topics';
const UPDATE_TOPIC = 'PUT /api/discussion/topics/:id';
const DELETE_TOPIC = 'DELETE /api/discussion/topics/:id';
const DELETE_POST = 'DELETE /api/discussion/posts/:id';
const CONNECT = 'POST /api/integrations/connect';
const DISCONNECT = 'DELETE /api/integrations/:connectionId';
const SYNC = 'POST /api/integrations/:connectionId/sync';
const SEND = 'POST /api/chat/dms/:chatId/messages';
const ACTION = 'POST /api/integrations/:connectionId/actions/:actionType';

/**
 * Issue 16: every write operation run twice over the same items (two executions, as n8n's Retry of
 * a failed execution or a re-run does) writes once with Skip If Already Done, counted at the
 * sandbox (the times its route ran and succeeded); without it, as before.
 */
describe('Skip If Already Done', () => {
	const hub = useNodeHarness();
	const data = () => hub.harness.hub.state.data;
	const { writes, twice } = writeCounter(hub);

	async function newTopic(title: string): Promise<string> {
		const [topic] = await hub.runJson({ resource: 'topic', operation: 'create', communityId: rl(seededCommunity(hub.harness.hub).id), title, body: 'Opening' });
		return String(topic.id);
	}

	const personalEcosystem = () => data().ecosystems.find((candidate) => candidate.slug === 'personal')!.id;
	const connect = (accountSid: string, extra: IDataObject = {}) => ({
		resource: 'integration',
		operation: 'connect',
		connectionType: 'api_key',
		providerId: 'twilio',
		serviceType: 'sms',
		ecosystemId: rl(personalEcosystem()),
		fields: JSON.stringify({ accountSid, authToken: 'twilio-secret-token', fromNumber: '+14155550100' }),
		...extra,
	});

	describe('Post Reply (read back before writing)', () => {
		const replies = (topicId: string) => Object.values(data().posts).filter((post) => post.topicId === topicId && post.postNumber > 1);

		it('on: three items run twice post three replies; the second run returns them marked skipped', async () => {
			const topicId = await newTopic('Skip replies');
			const result = await twice(REPLY, { resource: 'post', operation: 'reply', topicId: rl(topicId), body: '={{ $json.text }}', ...SKIP }, items({ text: 'one' }, { text: 'two' }, { text: 'three' }));

			expect(result.writes).toBe(3);
			expect(replies(topicId).map((post) => post.content).sort()).toEqual(['one', 'three', 'two']);
			expect(result.first.map((post) => post.skipped)).toEqual([false, false, false]);
			expect(result.second.map((post) => post.skipped)).toEqual([true, true, true]);
			expect(result.second.map((post) => post.id)).toEqual(result.first.map((post) => post.id));
		});

		it('on: a topic without replies is read once (the topic), not its thread; with a reply, the thread too', async () => {
			const topicId = await newTopic('No replies yet');
			const threadReads = () => Object.values(hub.harness.hub.counters.requests['GET /api/discussion/topics/:id/posts'] ?? {}).reduce((sum, count) => sum + count, 0);
			const parameters = { resource: 'post', operation: 'reply', topicId: rl(topicId), body: 'First!', ...SKIP };
			const before = threadReads();
			const [first] = await hub.runJson(parameters);
			expect(first.skipped).toBe(false);
			expect(threadReads() - before).toBe(0);
			const [again] = await hub.runJson(parameters);
			expect(again).toMatchObject({ id: first.id, skipped: true });
			expect(threadReads() - before).toBe(1);
		});

		it('on: two items with the same text are two replies, each found once in the next run', async () => {
			const topicId = await newTopic('Same text twice');
			const result = await twice(REPLY, { resource: 'post', operation: 'reply', topicId: rl(topicId), body: '+1', ...SKIP }, items({}, {}));

			expect(result.writes).toBe(2);
			expect(new Set(result.second.map((post) => post.id))).toEqual(new Set(result.first.map((post) => post.id)));
			expect(result.second.every((post) => post.skipped === true)).toBe(true);
		});

		it('on: a reply older than Look Back (Minutes) is not taken as this one', async () => {
			const topicId = await newTopic('Old reply');
			const parameters = { resource: 'post', operation: 'reply', topicId: rl(topicId), body: 'Weekly reminder', options: { skipIfAlreadyDone: true, lookBackMinutes: 5 } };
			await hub.runJson(parameters);
			hub.harness.hub.clock.advance(10 * 60_000);
			try {
				const [again] = await hub.runJson(parameters);
				expect(again.skipped).toBe(false);
				expect(replies(topicId)).toHaveLength(2);
			} finally {
				hub.harness.hub.clock.reset();
			}
		});

		it('on: another user\'s reply with the same text is not taken as the caller\'s', async () => {
			const topicId = await newTopic('Other author');
			const [own] = await hub.runJson({ resource: 'post', operation: 'reply', topicId: rl(topicId), body: 'Same words' });
			// The Hub's own record of the reply, rewritten as Grace's.
			data().posts[String(own.id)].customerId = hub.users().grace.id;
			const [mine] = await hub.runJson({ resource: 'post', operation: 'reply', topicId: rl(topicId), body: 'Same words', ...SKIP });
			expect(mine.skipped).toBe(false);
			expect(mine.id).not.toBe(own.id);
		});

		it('on: what n8n\'s Retry does after the node failed half-way (a new execution, the same items): each reply once', async () => {
			const topicId = await newTopic('Failed half-way');
			const path = `/api/discussion/topics/${topicId}/posts`;
			// The Hub refuses the third reply (403: final, no read-back, no resend): the execution fails.
			const watching = watchRequests(hub.harness.hub, 'POST', path, (_response, seen) => {
				if (seen === 2) hub.harness.hub.faults.add({ method: 'POST', path, count: 1, status: 403 });
			});
			const parameters = { resource: 'post', operation: 'reply', topicId: rl(topicId), body: '={{ $json.text }}', ...SKIP };
			const input = items(...['a', 'b', 'c', 'd', 'e'].map((text) => ({ text })));
			try {
				await hub.runError(parameters, { items: input });
			} finally {
				watching.stop();
			}
			expect(replies(topicId).map((post) => post.content)).toEqual(['a', 'b']);

			const retried = await hub.runJson(parameters, { items: input });
			expect(retried.map((post) => [post.content, post.skipped])).toEqual([['a', true], ['b', true], ['c', false], ['d', false], ['e', false]]);
			expect(replies(topicId).map((post) => post.content).sort()).toEqual(['a', 'b', 'c', 'd', 'e']);
		});

		it('on: the node\'s next run in the same execution (a loop, an agent\'s next tool call) finds what the first wrote', async () => {
			const topicId = await newTopic('Loop');
			const parameters = { resource: 'post', operation: 'reply', topicId: rl(topicId), body: 'In a loop', ...SKIP };
			const before = writes(REPLY);
			const [first] = await hub.runJson(parameters, { executionId: 'skip-loop', runIndex: 0 });
			const [second] = await hub.runJson(parameters, { executionId: 'skip-loop', runIndex: 1 });
			expect(writes(REPLY) - before).toBe(1);
			expect(second).toMatchObject({ id: first.id, skipped: true });
		});

		it('off: today\'s behaviour, every run posts, and no "skipped" field', async () => {
			const topicId = await newTopic('Skip off');
			const result = await twice(REPLY, { resource: 'post', operation: 'reply', topicId: rl(topicId), body: 'again' }, items({}, {}));
			expect(result.writes).toBe(4);
			expect([...result.first, ...result.second].some((post) => 'skipped' in post)).toBe(false);
		});

		it('a bad Look Back is refused before any request, naming the field and the item', async () => {
			const topicId = await newTopic('Bad look back');
			const before = await hub.requests();
			const error = await hub.runError({ resource: 'post', operation: 'reply', topicId: rl(topicId), body: 'x', options: { skipIfAlreadyDone: true, lookBackMinutes: -3 } });
			expect(error.message).toMatch(/Look Back \(Minutes\)/);
			expect(error.message).toMatch(/item 0|\[item 0\]/);
			expect(await hub.requests()).toBe(before);
		});
	});

	describe('Topic Create, Update, Delete', () => {
		it('Create on: one topic for two runs', async () => {
			const parameters = { resource: 'topic', operation: 'create', communityId: rl(seededCommunity(hub.harness.hub).id), title: 'Created once', body: 'Body', ...SKIP };
			const result = await twice(CREATE_TOPIC, parameters);
			expect(result.writes).toBe(1);
			expect(result.second[0]).toMatchObject({ id: result.first[0].id, skipped: true });
			expect(Object.values(data().topics).filter((topic) => topic.title === 'Created once')).toHaveLength(1);
		});

		it('Create off: two topics', async () => {
			const parameters = { resource: 'topic', operation: 'create', communityId: rl(seededCommunity(hub.harness.hub).id), title: 'Created twice', body: 'Body' };
			expect((await twice(CREATE_TOPIC, parameters)).writes).toBe(2);
		});

		it('Update on: the second run finds the topic already updated', async () => {
			const topicId = await newTopic('To rename');
			const result = await twice(UPDATE_TOPIC, { resource: 'topic', operation: 'update', topicId: rl(topicId), updateFields: { title: 'Renamed', isPinned: true }, ...SKIP });
			expect(result.writes).toBe(1);
			expect(result.second[0]).toMatchObject({ title: 'Renamed', isPinned: true, skipped: true });
		});

		it('Update off: two updates', async () => {
			const topicId = await newTopic('To rename twice');
			expect((await twice(UPDATE_TOPIC, { resource: 'topic', operation: 'update', topicId: rl(topicId), updateFields: { title: 'Again' } })).writes).toBe(2);
		});

		it('Delete on: the second run finds it gone; off: it fails', async () => {
			const topicId = await newTopic('To delete');
			const result = await twice(DELETE_TOPIC, { resource: 'topic', operation: 'delete', topicId: rl(topicId), ...SKIP });
			expect(result.writes).toBe(1);
			expect(result.second).toEqual([{ deleted: true, id: topicId, skipped: true }]);
			const error = await hub.runError({ resource: 'topic', operation: 'delete', topicId: rl(topicId) });
			expect(error.message).toMatch(/not found/i);
		});
	});

	it('Post Delete on: the second run finds it gone', async () => {
		const topicId = await newTopic('Post to delete');
		const [post] = await hub.runJson({ resource: 'post', operation: 'reply', topicId: rl(topicId), body: 'bye' });
		const result = await twice(DELETE_POST, { resource: 'post', operation: 'delete', postId: rl(String(post.id)), ...SKIP });
		expect(result.writes).toBe(1);
		expect(result.second).toEqual([{ deleted: true, id: post.id, skipped: true }]);
	});

	describe('Integration', () => {
		it('Connect on: one connection for two runs, the second returns it; off: the Hub refuses the repeat', async () => {
			const on = await twice(CONNECT, connect('AC-skip-on', SKIP));
			expect(on.writes).toBe(1);
			expect(on.second[0]).toMatchObject({ id: on.first[0].id, skipped: true });
			await hub.runJson(connect('AC-skip-off'));
			const error = await hub.runError(connect('AC-skip-off'));
			expect(error.message).toMatch(/already connected/);
		});

		it('Sync Now on: the second run finds the sync within Look Back; off: two syncs', async () => {
			const [connection] = await hub.runJson(connect('AC-sync-skip'));
			const parameters = { resource: 'integration', operation: 'sync', ecosystemId: rl(personalEcosystem()), connectionId: rl(String(connection.id)) };
			const on = await twice(SYNC, { ...parameters, ...SKIP });
			expect(on.writes).toBe(1);
			expect(on.second).toEqual([{ ok: true, id: connection.id, skipped: true }]);
			expect((await twice(SYNC, parameters)).writes).toBe(2);
		});

		it('Disconnect on: the second run does not fail', async () => {
			const [connection] = await hub.runJson(connect('AC-disconnect-skip'));
			const result = await twice(DISCONNECT, { resource: 'integration', operation: 'disconnect', connectionId: rl(String(connection.id)), ...SKIP });
			expect(result.first).toEqual([{ deleted: true, id: connection.id, skipped: false }]);
			expect(result.second[0]).toMatchObject({ deleted: true, id: connection.id });
			expect(data().connections[String(connection.id)].status).toBe('revoked');
		});

		it('Perform Action on: the Item Key makes the Hub perform each action once across runs; off: twice', async () => {
			const [connection] = await hub.runJson(connect('AC-action-skip'));
			const parameters = { resource: 'integration', operation: 'performAction', connectionId: rl(String(connection.id)), actionType: 'sms', toPhone: '+14155550123', message: '={{ $json.text }}' };
			const input = items({ id: 'a', text: 'Deployed' }, { id: 'b', text: 'Deployed' });
			const on = await twice(ACTION, { ...parameters, options: { skipIfAlreadyDone: true, itemKey: '={{ $json.id }}' } }, input);
			const logs = () => Object.values(data().actionLogs).filter((log) => log.connectionId === connection.id);
			expect(logs()).toHaveLength(2);
			expect(on.first.map((result) => result.skipped)).toEqual([false, false]);
			expect(on.second.map((result) => result.skipped)).toEqual([true, true]);
			expect(on.second.map((result) => result.actionLogId)).toEqual(on.first.map((result) => result.actionLogId));
			await twice(ACTION, parameters, input);
			expect(logs()).toHaveLength(6);
		});
	});

	describe('Direct Message Send (caller key)', () => {
		let chatId: string;
		beforeAll(async () => {
			const [chat] = await hub.runJson({ resource: 'directMessage', operation: 'startChat', recipientId: hub.users().grace.id });
			chatId = String(chat.id);
		});
		const messages = () => data().messages[chatId] ?? [];

		it('on: each item sent once across runs, by Item Key; the repeat is marked skipped', async () => {
			const before = messages().length;
			const parameters = { resource: 'directMessage', operation: 'send', chatId: rl(chatId), body: 'Build green', options: { skipIfAlreadyDone: true, itemKey: '={{ $json.id }}' } };
			const result = await twice(SEND, parameters, items({ id: 'run-1' }, { id: 'run-2' }));
			expect(messages().length - before).toBe(2);
			expect(result.second.map((message) => message.skipped)).toEqual([true, true]);
			expect(result.second.map((message) => message.id)).toEqual(result.first.map((message) => message.id));
		});

		it('on without an Item Key: the same text to the same chat is the same message', async () => {
			const before = messages().length;
			await twice(SEND, { resource: 'directMessage', operation: 'send', chatId: rl(chatId), body: 'Content key', ...SKIP });
			expect(messages().length - before).toBe(1);
		});

		it('off: a new execution sends again (per-execution keys, as before)', async () => {
			const before = messages().length;
			const result = await twice(SEND, { resource: 'directMessage', operation: 'send', chatId: rl(chatId), body: 'Per execution' });
			expect(messages().length - before).toBe(2);
			expect('skipped' in result.second[0]).toBe(false);
		});
	});

	it('reactions, chats and notification state offer no option: the Hub makes them idempotent', () => {
		expect(['add', 'remove'].map((operation) => offersSkip('reaction', operation))).toEqual([false, false]);
		expect(offersSkip('directMessage', 'startChat') || offersSkip('directMessage', 'markRead')).toBe(false);
		expect(['markRead', 'markUnread', 'archive', 'markAllRead'].some((operation) => offersSkip('notification', operation))).toBe(false);
		expect(offersSkip('post', 'reply') && offersSkip('topic', 'create') && offersSkip('directMessage', 'send') && offersSkip('integration', 'performAction')).toBe(true);
	});
});
