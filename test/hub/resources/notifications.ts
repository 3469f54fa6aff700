import { notFound, validationError } from '../core/errors';
import { paginate } from '../core/http';
import type { Router, RouteContext } from '../core/router';
import { json, listPage } from './routing';
import {
	NOTIFICATION_CATEGORIES,
	NOTIFICATION_STATUSES,
	type NotificationCategory,
	type NotificationRecord,
	type NotificationStatus,
	type ResourceState,
} from './state';
import { iso, newestFirst, toNotification } from './world';

const NOTIFICATIONS_DEFAULT_PAGE_SIZE = 20;
export const NOTIFICATIONS_MAX_PAGE_SIZE = 100;

function notificationsOf(data: ResourceState, userId: string): NotificationRecord[] {
	return Object.values(data.notifications).filter((n) => n.userId === userId);
}

/** `?category=a&category=b` (also `a,b`), `?status=` (default inbox), `?read=true|false`. */
function filtersOf(query: URLSearchParams) {
	const categories = query.getAll('category').flatMap((value) => value.split(',')).filter(Boolean);
	for (const category of categories) {
		if (!NOTIFICATION_CATEGORIES.includes(category as NotificationCategory)) {
			throw validationError('category', `category must be one of ${NOTIFICATION_CATEGORIES.join(', ')}`);
		}
	}
	const status = query.get('status') || 'inbox';
	if (!NOTIFICATION_STATUSES.includes(status as NotificationStatus)) {
		throw validationError('status', `status must be one of ${NOTIFICATION_STATUSES.join(', ')}`);
	}
	const read = query.get('read');
	if (read !== null && read !== '' && read !== 'true' && read !== 'false') {
		throw validationError('read', 'read must be true or false');
	}
	return { categories, status, read: read === 'true' ? true : read === 'false' ? false : undefined };
}

/** Registers `POST /api/notifications/:id/<action>` that changes one of the caller's notifications. */
function addStateChange(router: Router, action: string, change: (n: NotificationRecord, at: string) => void): void {
	router.add('POST', `/api/notifications/:id/${action}`, ({ hub, req }: RouteContext) => {
		const { userId } = hub.authenticate(req, 'discussions:write');
		const notification = hub.state.data.notifications[req.params.id];
		if (!notification || notification.userId !== userId) throw notFound('Notification');
		const at = iso(hub.clock.now());
		change(notification, at);
		notification.updatedAt = at;
		return json({ success: true });
	});
}

function markRead(notification: NotificationRecord, at: string): void {
	if (notification.isRead) return;
	notification.isRead = true;
	notification.readAt = at;
}

export function registerNotificationRoutes(router: Router): void {
	router.add('GET', '/api/notifications', ({ hub, req }) => {
		const { userId } = hub.authenticate(req, 'discussions:read');
		const { categories, status, read } = filtersOf(req.query);
		const { page, pageSize } = listPage(hub, req, NOTIFICATIONS_DEFAULT_PAGE_SIZE, NOTIFICATIONS_MAX_PAGE_SIZE);
		const matching = newestFirst(
			notificationsOf(hub.state.data, userId).filter(
				(n) =>
					n.status === status &&
					(categories.length === 0 || categories.includes(n.category)) &&
					(read === undefined || n.isRead === read),
			),
			(n) => n.createdAt,
		);
		const items = paginate(matching, page, pageSize).map(toNotification);
		return json({ items, total: matching.length, page, pageSize });
	});

	// Unread notifications in the inbox: what a badge shows.
	router.add('GET', '/api/notifications/unread-count', ({ hub, req }) => {
		const { userId } = hub.authenticate(req, 'discussions:read');
		const count = notificationsOf(hub.state.data, userId).filter((n) => n.status === 'inbox' && !n.isRead).length;
		return json({ count });
	});

	router.add('POST', '/api/notifications/read-all', ({ hub, req }) => {
		const { userId } = hub.authenticate(req, 'discussions:write');
		const at = iso(hub.clock.now());
		for (const notification of notificationsOf(hub.state.data, userId)) {
			if (notification.isRead) continue;
			markRead(notification, at);
			notification.updatedAt = at;
		}
		return json({ success: true });
	});

	addStateChange(router, 'read', markRead);
	addStateChange(router, 'unread', (notification) => {
		notification.isRead = false;
		notification.readAt = null;
	});
	addStateChange(router, 'archive', (notification) => {
		notification.status = 'archived';
	});
	addStateChange(router, 'trash', (notification) => {
		notification.status = 'trashed';
	});
}
