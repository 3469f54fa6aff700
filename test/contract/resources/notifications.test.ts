import { controlRequest, takeViolations } from '../../hub/testing';
import { isSortedDescending, useResourceHub } from './helpers';

interface NotificationBody {
	id: string;
	category: string;
	status: string;
	isRead: boolean;
	createdAt: string;
	updatedAt: string;
	readAt: string | null;
}

const SEEDED_CATEGORIES = ['account', 'admin_announcement', 'community_mention', 'community_reply', 'direct_message'];

describe('notifications', () => {
	const suite = useResourceHub();
	const list = async (query = '', call = suite.ada.call) => (await call('GET', `/api/notifications${query}`)).body;
	const unreadCount = async (call = suite.ada.call) => (await call('GET', '/api/notifications/unread-count')).body.count;

	test('the inbox by default: newest first, with total, in the Notification shape', async () => {
		const body = await list();
		expect(body).toMatchObject({ page: 1, pageSize: 20 });
		expect(body.total).toBe(body.items.length);
		expect(body.items.every((n: NotificationBody) => n.status === 'inbox')).toBe(true);
		expect(Object.keys(body.items[0]).sort()).toEqual(
			['actorId', 'body', 'category', 'createdAt', 'data', 'ecosystemId', 'entityId', 'entityKind', 'id', 'isRead', 'readAt', 'status', 'title', 'updatedAt', 'userId'].sort(),
		);
		expect(body.items.every((n: { userId: string }) => n.userId === suite.ada.id)).toBe(true);
		expect(isSortedDescending(body.items.map((n: NotificationBody) => n.createdAt))).toBe(true);
	});

	test('Ada has seeded notifications of the five community and account categories, some read and some archived', async () => {
		const inbox = await list('?pageSize=100');
		const archived = await list('?status=archived&pageSize=100');
		const all = [...inbox.items, ...archived.items];
		expect([...new Set(all.map((n: NotificationBody) => n.category))].sort()).toEqual(SEEDED_CATEGORIES);
		expect(archived.total).toBeGreaterThan(0);
		expect(inbox.items.some((n: NotificationBody) => n.isRead && n.readAt)).toBe(true);
		expect(inbox.items.some((n: NotificationBody) => !n.isRead && n.readAt === null)).toBe(true);
		expect((await list('?status=trashed')).total).toBe(0);
	});

	test('category (repeatable) and read filter', async () => {
		const one = await list('?category=account');
		expect(one.items.length).toBeGreaterThan(0);
		expect(one.items.every((n: NotificationBody) => n.category === 'account')).toBe(true);
		const two = await list('?category=account&category=direct_message&pageSize=100');
		expect(new Set(two.items.map((n: NotificationBody) => n.category))).toEqual(new Set(['account', 'direct_message']));
		const unread = await list('?read=false&pageSize=100');
		expect(unread.items.length).toBeGreaterThan(0);
		expect(unread.items.every((n: NotificationBody) => !n.isRead)).toBe(true);
		expect(unread.total).toBe(await unreadCount());
		const read = await list('?read=true&pageSize=100');
		expect(read.items.length).toBeGreaterThan(0);
		expect(read.items.every((n: NotificationBody) => n.isRead)).toBe(true);
	});

	test('the project categories of hub-api.md section 5 item 7 exist too', async () => {
		for (const category of ['project_assigned', 'project_mention', 'project_comment', 'project_status', 'project_due']) {
			await controlRequest(suite.hub, 'POST', '/__sandbox/activity/notifications', { user: suite.alan.email, category, title: category });
			const { items } = await list(`?category=${category}`, suite.alan.call);
			expect(items.map((n: NotificationBody) => n.category)).toEqual([category]);
		}
	});

	test.each([
		['category', '?category=spam', []],
		['status', '?status=deleted', ['request query/status: must be one of: inbox, archived, trashed']],
		['read', '?read=maybe', ['request query/read: must be boolean']],
		['pageSize', '?pageSize=-1', []],
	])('a bad %s is 400 validation_error', async (field, query, violations) => {
		const { status, body } = await suite.ada.call('GET', `/api/notifications${query}`);
		expect(status).toBe(400);
		expect(body).toMatchObject({ error: { code: 'validation_error', field } });
		expect(takeViolations(suite.hub)).toEqual(violations);
	});

	test('paging with total, and pageSize clamped to 100', async () => {
		await controlRequest(suite.hub, 'POST', '/__sandbox/activity/notifications', {
			user: suite.grace.email,
			category: 'community_reply',
			title: 'Reply',
			count: 105,
		});
		const first = await list('?pageSize=1000', suite.grace.call);
		expect(first.pageSize).toBe(100);
		expect(first.items).toHaveLength(100);
		const total = first.total;
		expect(total).toBeGreaterThanOrEqual(105);
		const second = await list('?page=2&pageSize=100', suite.grace.call);
		expect(second.items).toHaveLength(total - 100);
		expect(first.items[0].title).toBe('Reply #105');
	});

	test('read, unread, archive change one notification; others are 404', async () => {
		const [target] = (await list('?read=false')).items;
		suite.hub.clock.advance(1000);
		const before = await unreadCount();
		expect((await suite.ada.call('POST', `/api/notifications/${target.id}/read`)).body).toEqual({ success: true });
		expect(await unreadCount()).toBe(before - 1);
		const afterRead = (await list('?pageSize=100')).items.find((n: NotificationBody) => n.id === target.id);
		expect(afterRead).toMatchObject({ isRead: true, readAt: expect.any(String) });
		await suite.ada.call('POST', `/api/notifications/${target.id}/unread`);
		expect(await unreadCount()).toBe(before);
		const archive = await suite.ada.call('POST', `/api/notifications/${target.id}/archive`);
		expect(archive.body).toEqual({ success: true });
		expect((await list('?pageSize=100')).items.some((n: NotificationBody) => n.id === target.id)).toBe(false);
		const archived = (await list('?status=archived&pageSize=100')).items.find((n: NotificationBody) => n.id === target.id);
		expect(archived.updatedAt > target.updatedAt).toBe(true);
		expect((await suite.ada.call('POST', `/api/notifications/${target.id}/trash`)).body).toEqual({ success: true });
		expect((await list('?status=trashed')).items.map((n: NotificationBody) => n.id)).toEqual([target.id]);
		const foreign = await suite.grace.call('POST', `/api/notifications/${target.id}/read`);
		expect(foreign.status).toBe(404);
		expect(foreign.body.error.code).toBe('not_found');
	});

	test('read-all leaves nothing unread', async () => {
		expect(await unreadCount(suite.alan.call)).toBeGreaterThan(0);
		const { status, body } = await suite.alan.call('POST', '/api/notifications/read-all');
		expect(status).toBe(200);
		expect(body).toEqual({ success: true });
		expect(await unreadCount(suite.alan.call)).toBe(0);
		expect((await list('?read=false', suite.alan.call)).total).toBe(0);
	});
});
