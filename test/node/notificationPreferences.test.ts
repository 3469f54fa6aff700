import { rl, useNodeHarness } from './support';

describe('Notification: Trash and preferences', () => {
	const hub = useNodeHarness();

	it('Trash moves one notification to the trash; another user\'s is a clear 404', async () => {
		const { items } = await hub.control('POST', '/__sandbox/activity/notifications', { user: 'ada@example.com', category: 'account', title: 'Bin me' });
		const id = String(items[0].id);
		const [result] = await hub.runJson({ resource: 'notification', operation: 'trash', notificationId: rl(id) });
		expect(result).toEqual({ success: true, id });
		expect(hub.harness.hub.state.data.notifications[id].status).toBe('trashed');
		const error = await hub.runError({ resource: 'notification', operation: 'trash', notificationId: rl('not-mine') });
		expect(error.message).toMatch(/^The notification was not found/);
	});

	it('Set, Get, Get Many and Delete Preference round-trip through the Hub', async () => {
		const [set] = await hub.runJson({ resource: 'notification', operation: 'setPreference', category: 'direct_message', email: false, sms: true, inApp: false });
		expect(set).toEqual({ category: 'direct_message', email: false, sms: true, inApp: false });
		// Setting it again is the same PUT: nothing changes, nothing fails.
		expect(await hub.runJson({ resource: 'notification', operation: 'setPreference', category: 'direct_message', email: false, sms: true, inApp: false })).toEqual([set]);

		expect(await hub.runJson({ resource: 'notification', operation: 'getPreference', category: 'direct_message' })).toEqual([set]);
		const all = await hub.runJson({ resource: 'notification', operation: 'getAllPreferences' });
		expect(all).toHaveLength(10);
		expect(all).toContainEqual(set);

		expect(await hub.runJson({ resource: 'notification', operation: 'deletePreference', category: 'direct_message' })).toEqual([
			{ deleted: true, category: 'direct_message' },
		]);
		const [afterDelete] = await hub.runJson({ resource: 'notification', operation: 'getPreference', category: 'direct_message' });
		expect(afterDelete).not.toEqual(set);
	});

	it('a channel that is not true or false is refused before any request, naming field and item', async () => {
		const before = await hub.requests();
		const error = await hub.runError({ resource: 'notification', operation: 'setPreference', category: 'account', email: 'maybe' });
		expect(error.message).toBe('"Email" must be true or false (got "maybe") [item 0]');
		expect(await hub.requests()).toBe(before);
	});

	it('Set Preference needs discussions:write under OAuth2: the scope is named', async () => {
		await hub.harness.connectOAuth2({ scopes: ['profile:read', 'discussions:read'] });
		const error = await hub.runError({ resource: 'notification', operation: 'setPreference', category: 'account', authentication: 'oAuth2' });
		expect(error.message).toMatch(/discussions:write/);
	});
});
