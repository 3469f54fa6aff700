import { node, rl } from '../node/support';
import { IDS, notification, T0, T1, T2 } from './fixtures';
import { runShapeCases, type ShapeCase } from './cases';

const older = notification({ id: 'n-older', createdAt: T0, updatedAt: T0 });
const newer = notification({ id: 'n-newer', createdAt: T2, updatedAt: T2 });
const middle = notification({ id: 'n-middle', createdAt: T1 });

/** The Simplify fields of a notification. */
function simplified(record: ReturnType<typeof notification>) {
	const { id, category, title, body, isRead, status, entityKind, entityId, createdAt } = record;
	return { id, category, title, body, isRead, status, entityKind, entityId, createdAt };
}

const list = (items: unknown[], total: number, pageSize = 100) => ({ items, total, page: 1, pageSize });

const cases: ShapeCase[] = [
	{
		name: 'Notification Get Many with every filter (ten categories offered; newest first by createdAt)',
		parameters: {
			resource: 'notification',
			operation: 'getAll',
			limit: 3,
			filters: { categories: ['project_due', 'community_reply'], read: 'false', status: 'archived' },
		},
		exchanges: [
			{
				request: {
					method: 'GET',
					path: '/api/notifications',
					query: { category: ['project_due', 'community_reply'], status: 'archived', read: 'false', page: '1', pageSize: '100' },
				},
				// The published types state no order: the Hub may answer oldest first.
				response: { status: 200, body: list([older, middle, newer], 3) },
			},
		],
		output: [simplified(newer), simplified(middle), simplified(older)],
	},
	{
		name: 'Notification Get Many, Return All over pages the Hub serves smaller than asked (by total)',
		parameters: { resource: 'notification', operation: 'getAll', returnAll: true, simplify: false },
		exchanges: [1, 2, 3].map((page) => ({
			request: { method: 'GET' as const, path: '/api/notifications', query: { page: String(page), pageSize: '100' } },
			response: {
				status: 200,
				// 50 per page although 100 were asked (and the wrapper says so): the total tells where the list ends.
				body: { ...list(Array.from({ length: page < 3 ? 50 : 20 }, (_, index) => notification({ id: `n-${page}-${index}` })), 120), page },
			},
		})),
		output: (items) => expect(items).toHaveLength(120),
	},
	{
		name: 'Notification Get Unread Count',
		parameters: { resource: 'notification', operation: 'getUnreadCount' },
		exchanges: [{ request: { method: 'GET', path: '/api/notifications/unread-count' }, response: { status: 200, body: { count: 4 } } }],
		output: [{ count: 4 }],
	},
	...(['markRead', 'markUnread', 'archive'] as const).map(
		(operation): ShapeCase => ({
			name: `Notification ${operation}: a POST without a body`,
			parameters: { resource: 'notification', operation, notificationId: rl(IDS.notification) },
			exchanges: [
				{
					request: { method: 'POST', path: `/api/notifications/${IDS.notification}/${{ markRead: 'read', markUnread: 'unread', archive: 'archive' }[operation]}` },
					response: { status: 200, body: { success: true } },
				},
			],
			output: [{ success: true, id: IDS.notification }],
		}),
	),
	{
		name: 'Notification Mark All Read: a POST without a body',
		parameters: { resource: 'notification', operation: 'markAllRead' },
		exchanges: [{ request: { method: 'POST', path: '/api/notifications/read-all' }, response: { status: 200, body: { success: true } } }],
		output: [{ success: true }],
	},
];

describe('Request shapes: notifications', () => {
	runShapeCases(node, cases);
});
