import { controlRequest, takeViolations } from '../../hub/testing';
import { allPages, isIso, isSortedDescending, useResourceHub } from './helpers';

const TOPIC_KEYS = [
	'answeredPostId',
	'categoryId',
	'communityId',
	'createdAt',
	'customerId',
	'excerpt',
	'id',
	'isLocked',
	'isPinned',
	'isPublic',
	'lastActivityAt',
	'replyCount',
	'title',
	'updatedAt',
];

describe('topics', () => {
	const suite = useResourceHub();
	const newTopic = (overrides: Record<string, unknown> = {}) => ({
		title: 'Contract test topic',
		body: 'Opening post with **markdown**.',
		communityId: suite.communityId,
		...overrides,
	});

	test('the list is most recently active first, without total, in the Topic shape', async () => {
		const { status, body } = await suite.ada.call('GET', '/api/discussion/topics?pageSize=100');
		expect(status).toBe(200);
		expect(Object.keys(body)).toEqual(['items']);
		expect(body.items.length).toBeGreaterThanOrEqual(25);
		expect(Object.keys(body.items[0]).sort()).toEqual(TOPIC_KEYS);
		expect(isSortedDescending(body.items.map((t: { lastActivityAt: string }) => t.lastActivityAt))).toBe(true);
		expect(isIso(body.items[0].lastActivityAt)).toBe(true);
	});

	test('pages end at the first short page and together hold every topic once', async () => {
		const pages = await allPages<{ id: string }>(suite.ada.call, `/api/discussion/topics?communityId=${suite.communityId}`, 7);
		const ids = pages.flat().map((topic) => topic.id);
		expect(pages[pages.length - 1].length).toBeLessThan(7);
		expect(new Set(ids).size).toBe(ids.length);
		const whole = await suite.ada.call('GET', `/api/discussion/topics?communityId=${suite.communityId}&pageSize=100`);
		expect(ids).toEqual(whole.body.items.map((topic: { id: string }) => topic.id));
	});

	test('communityId filters, and pageSize above 100 is clamped to 100', async () => {
		const { body } = await suite.ada.call('GET', `/api/discussion/topics?communityId=${suite.communityId}&pageSize=1000`);
		expect(body.items.every((topic: { communityId: string }) => topic.communityId === suite.communityId)).toBe(true);
		const unfiltered = await suite.ada.call('GET', '/api/discussion/topics?pageSize=1000');
		expect(unfiltered.body.items.some((topic: { communityId: string }) => topic.communityId !== suite.communityId)).toBe(true);
		// More topics than one page of 100 holds, so that the clamp shows.
		await controlRequest(suite.hub, 'POST', '/__sandbox/activity/topics', { user: 'ada@example.com', communityId: suite.communityId, title: 'Clamp', body: 'filler', count: 120 });
		const all = await suite.ada.call('GET', '/api/discussion/topics?pageSize=1000');
		expect(all.body.items).toHaveLength(100);
	});

	test('bad pagination and query ids are 400 validation_error naming the field', async () => {
		const page = await suite.ada.call('GET', '/api/discussion/topics?page=0');
		expect(page.status).toBe(400);
		expect(page.body).toMatchObject({ error: { code: 'validation_error', field: 'page' } });
		const id = await suite.ada.call('GET', `/api/discussion/topics?communityId=${'x'.repeat(37)}`);
		expect(id.body).toMatchObject({ error: { code: 'validation_error', field: 'communityId' } });
	});

	test('an admin creates a topic: 201, opening post, top of the list', async () => {
		const { status, body } = await suite.ada.call('POST', '/api/discussion/topics', { body: newTopic({ title: 'Fresh news' }) });
		expect(status).toBe(201);
		expect(body).toMatchObject({
			title: 'Fresh news',
			communityId: suite.communityId,
			customerId: suite.ada.id,
			categoryId: null,
			isPinned: false,
			isLocked: false,
			replyCount: 0,
			answeredPostId: null,
			excerpt: 'Opening post with markdown.',
		});
		const list = await suite.ada.call('GET', '/api/discussion/topics?pageSize=1');
		expect(list.body.items[0].id).toBe(body.id);
		const posts = await suite.ada.call('GET', `/api/discussion/topics/${body.id}/posts`);
		expect(posts.body.items).toHaveLength(1);
		expect(posts.body.items[0]).toMatchObject({ postNumber: 1, content: 'Opening post with **markdown**.' });
	});

	test('a non-admin cannot create a topic: 403 forbidden', async () => {
		const { status, body } = await suite.grace.call('POST', '/api/discussion/topics', { body: newTopic() });
		expect(status).toBe(403);
		expect(body.error.code).toBe('forbidden');
	});

	test.each([
		['title', { title: '' }, 'must NOT have fewer than 1 characters'],
		['title', { title: 'x'.repeat(501) }, 'must NOT have more than 500 characters'],
		['body', { body: '' }, 'must NOT have fewer than 1 characters'],
		['communityId', { communityId: 'x'.repeat(37) }, 'must NOT have more than 36 characters'],
		['isPublic', { isPublic: 'yes' }, 'must be boolean'],
	])('create rejects a bad %s with 400 validation_error (the published types refuse it)', async (field, overrides, why) => {
		const { status, body } = await suite.ada.call('POST', '/api/discussion/topics', { body: newTopic(overrides) });
		expect(status).toBe(400);
		expect(body).toMatchObject({ error: { code: 'validation_error', field } });
		expect(takeViolations(suite.hub)).toEqual([`request body/${field}: ${why}`]);
	});

	test('a title of exactly 500 characters is accepted; a category of another community is not', async () => {
		const ok = await suite.ada.call('POST', '/api/discussion/topics', { body: newTopic({ title: 't'.repeat(500) }) });
		expect(ok.status).toBe(201);
		const foreign = await suite.ada.call('POST', '/api/discussion/topics', {
			body: newTopic({ categoryId: '00000000-0000-0000-0000-000000000000' }),
		});
		expect(foreign.body).toMatchObject({ error: { code: 'validation_error', field: 'categoryId' } });
	});

	test('GET one topic; unknown ids are 404 not_found', async () => {
		const created = await suite.ada.call('POST', '/api/discussion/topics', { body: newTopic() });
		const one = await suite.grace.call('GET', `/api/discussion/topics/${created.body.id}`);
		expect(one.status).toBe(200);
		expect(one.body).toEqual(created.body);
		const missing = await suite.ada.call('GET', '/api/discussion/topics/00000000-0000-0000-0000-000000000000');
		expect(missing.status).toBe(404);
		expect(missing.body.error.code).toBe('not_found');
	});

	test('PUT edits title, pin, lock and answer; non-admins cannot pin or lock', async () => {
		const created = await suite.ada.call('POST', '/api/discussion/topics', { body: newTopic() });
		const id = created.body.id;
		suite.hub.clock.advance(1000);
		const reply = await suite.grace.call('POST', `/api/discussion/topics/${id}/posts`, { body: { body: 'An answer' } });
		const pin = await suite.grace.call('PUT', `/api/discussion/topics/${id}`, { body: { isPinned: true } });
		expect(pin.status).toBe(403);
		expect(pin.body.error.code).toBe('forbidden');
		const lock = await suite.alan.call('PUT', `/api/discussion/topics/${id}`, { body: { isLocked: true } });
		expect(lock.body.error.code).toBe('forbidden');
		const edited = await suite.ada.call('PUT', `/api/discussion/topics/${id}`, {
			body: { title: 'Edited', isPinned: true, isLocked: true, answeredPostId: reply.body.id },
		});
		expect(edited.status).toBe(200);
		expect(edited.body).toMatchObject({ title: 'Edited', isPinned: true, isLocked: true, answeredPostId: reply.body.id });
		expect(edited.body.updatedAt > created.body.updatedAt).toBe(true);
		const badAnswer = await suite.ada.call('PUT', `/api/discussion/topics/${id}`, { body: { answeredPostId: 'nope' } });
		expect(badAnswer.body).toMatchObject({ error: { code: 'validation_error', field: 'answeredPostId' } });
		const badTitle = await suite.ada.call('PUT', `/api/discussion/topics/${id}`, { body: { title: '' } });
		expect(badTitle.body).toMatchObject({ error: { code: 'validation_error', field: 'title' } });
		expect(takeViolations(suite.hub)).toEqual(['request body/title: must NOT have fewer than 1 characters']);
	});

	test('answeredPostId: null clears the answer (finding 8)', async () => {
		const created = await suite.ada.call('POST', '/api/discussion/topics', { body: newTopic() });
		const reply = await suite.grace.call('POST', `/api/discussion/topics/${created.body.id}/posts`, { body: { body: 'The answer' } });
		await suite.ada.call('PUT', `/api/discussion/topics/${created.body.id}`, { body: { answeredPostId: reply.body.id } });
		const cleared = await suite.ada.call('PUT', `/api/discussion/topics/${created.body.id}`, { body: { answeredPostId: null } });
		expect(cleared.status).toBe(200);
		expect(cleared.body.answeredPostId).toBeNull();
		expect((await suite.ada.call('GET', `/api/discussion/topics/${created.body.id}`)).body.answeredPostId).toBeNull();
	});

	test('a title edit needs the author or an admin; an empty edit keeps updatedAt', async () => {
		const created = await suite.ada.call('POST', '/api/discussion/topics', { body: newTopic() });
		const edit = await suite.alan.call('PUT', `/api/discussion/topics/${created.body.id}`, { body: { title: 'Mine now' } });
		expect(edit.status).toBe(403);
		expect(edit.body.error.code).toBe('forbidden');
		suite.hub.clock.advance(1000);
		const noop = await suite.ada.call('PUT', `/api/discussion/topics/${created.body.id}`, { body: {} });
		expect(noop.status).toBe(200);
		expect(noop.body).toEqual(created.body);
	});

	test('DELETE soft-deletes: 204, then 404 everywhere and gone from the list', async () => {
		const created = await suite.ada.call('POST', '/api/discussion/topics', { body: newTopic() });
		const id = created.body.id;
		const forbiddenDelete = await suite.grace.call('DELETE', `/api/discussion/topics/${id}`);
		expect(forbiddenDelete.status).toBe(403);
		const deleted = await suite.ada.call('DELETE', `/api/discussion/topics/${id}`);
		expect(deleted.status).toBe(204);
		for (const [method, path] of [
			['GET', `/api/discussion/topics/${id}`],
			['PUT', `/api/discussion/topics/${id}`],
			['DELETE', `/api/discussion/topics/${id}`],
			['GET', `/api/discussion/topics/${id}/posts`],
		]) {
			const response = await suite.ada.call(method, path, method === 'PUT' ? { body: {} } : {});
			expect([path, response.status, response.body.error.code]).toEqual([path, 404, 'not_found']);
		}
		const list = await suite.ada.call('GET', '/api/discussion/topics?pageSize=100');
		expect(list.body.items.some((topic: { id: string }) => topic.id === id)).toBe(false);
	});
});
