import { rl, useNodeHarness } from './support';

describe('Notification', () => {
	const hub = useNodeHarness();
	const stored = () =>
		Object.values(hub.harness.hub.state.data.notifications).filter((n) => n.userId === hub.users().ada.id);

	async function notify(title: string, category = 'community_reply') {
		const { items } = await hub.control('POST', '/__sandbox/activity/notifications', { user: 'ada@example.com', category, title });
		return items[0] as { id: string };
	}

	describe('Get Many', () => {
		it('filters by category and read state, newest first, simplified', async () => {
			await notify('Mentioned you', 'community_mention');
			const mentions = await hub.runJson({
				resource: 'notification',
				operation: 'getAll',
				returnAll: true,
				filters: { categories: ['community_mention'], read: 'false' },
			});
			const expected = stored()
				.filter((n) => n.category === 'community_mention' && !n.isRead && n.status === 'inbox')
				.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
			expect(mentions.map((n) => n.id)).toEqual(expected.map((n) => n.id));
			expect(mentions[0]).toMatchObject({ title: 'Mentioned you', category: 'community_mention', isRead: false });
			expect(Object.keys(mentions[0]).sort()).toEqual(
				['body', 'category', 'createdAt', 'entityId', 'entityKind', 'id', 'isRead', 'status', 'title'],
			);
		});

		it('lists several categories at once and the archive folder', async () => {
			const archived = await notify('Old news', 'account');
			await hub.run({ resource: 'notification', operation: 'archive', notificationId: rl(archived.id) });
			const inArchive = await hub.runJson({
				resource: 'notification',
				operation: 'getAll',
				returnAll: true,
				filters: { status: 'archived', categories: ['account', 'direct_message'] },
				simplify: false,
			});
			expect(inArchive.map((n) => n.id)).toContain(archived.id);
			expect(inArchive.every((n) => n.status === 'archived' && ['account', 'direct_message'].includes(String(n.category)))).toBe(true);
			expect(inArchive[0]).toHaveProperty('readAt');
		});

		it('refuses a Limit below 1 before sending anything', async () => {
			const before = await hub.requests();
			const error = await hub.runError({ resource: 'notification', operation: 'getAll', limit: 0 });
			expect(error.message).toMatch(/"Limit".*\[item 0\]/);
			expect(await hub.requests()).toBe(before);
		});
	});

	describe('state changes', () => {
		it('marks read, unread and archives one notification', async () => {
			const { id } = await notify('Toggle me');
			const change = async (operation: string) =>
				(await hub.runJson({ resource: 'notification', operation, notificationId: rl(id) }))[0];
			expect(await change('markRead')).toEqual({ success: true, id });
			expect(hub.harness.hub.state.data.notifications[id].isRead).toBe(true);
			expect(await change('markUnread')).toEqual({ success: true, id });
			expect(hub.harness.hub.state.data.notifications[id].isRead).toBe(false);
			expect(await change('archive')).toEqual({ success: true, id });
			expect(hub.harness.hub.state.data.notifications[id].status).toBe('archived');
		});

		it.each(['markRead', 'markUnread', 'archive'])('%s fails on a notification that is not yours', async (operation) => {
			const error = await hub.runError({ resource: 'notification', operation, notificationId: rl('not-mine') });
			expect(error.message).toMatch(/^The notification was not found/);
		});
	});

	describe('unread count and Mark All Read', () => {
		it('counts unread inbox notifications, then clears them all', async () => {
			await notify('One more');
			const [count] = await hub.runJson({ resource: 'notification', operation: 'getUnreadCount' });
			expect(count).toEqual({ count: stored().filter((n) => n.status === 'inbox' && !n.isRead).length });
			expect(count.count).toBeGreaterThan(0);
			const [result] = await hub.runJson({ resource: 'notification', operation: 'markAllRead' });
			expect(result).toEqual({ success: true });
			const [after] = await hub.runJson({ resource: 'notification', operation: 'getUnreadCount' });
			expect(after).toEqual({ count: 0 });
		});

		it('Get Unread Count and Mark All Read fail clearly without the read/write scopes', async () => {
			await hub.harness.connectOAuth2({ scopes: ['profile:read'] });
			for (const operation of ['getUnreadCount', 'markAllRead']) {
				const error = await hub.runError({ resource: 'notification', operation, authentication: 'oAuth2' });
				expect(error.message).toMatch(/discussions:(read|write)/);
			}
		});
	});
});
