import type { IDataObject } from 'n8n-workflow';
import { redditConnect, rl, seededCommunity, useNodeHarness } from './support';
import { items, offersSkip, SKIP, writeCounter } from './skipIfDoneSupport';

const CREATE_CATEGORY = 'POST /api/communities/:id/categories';
const ADD_MEMBER = 'POST /api/communities/:id/members';
const REMOVE_MEMBER = 'DELETE /api/communities/:id/members/:customerId';
const UPDATE_CATEGORY = 'PUT /api/communities/:id/categories/:catId';
const UPDATE_MY_MEMBERSHIP = 'PUT /api/communities/:id/members/me';
const UPDATE_SETTINGS = 'PATCH /api/integrations/:connectionId/settings';
const UPDATE_ME = 'PATCH /api/auth/me';

/**
 * Issue 16 on the Community writes (and the other operations added with them): run twice over the
 * same items, with Skip If Already Done one write each (counted at the sandbox); off, as before.
 * As Ada, admin of the seeded community.
 */
describe('Skip If Already Done: Community and the newer write operations', () => {
	const hub = useNodeHarness();
	const { twice } = writeCounter(hub);
	const data = () => hub.harness.hub.state.data;
	const community = (operation: string, parameters: IDataObject = {}) => ({ resource: 'community', operation, communityId: rl(seededCommunity(hub.harness.hub).id), ...parameters });
	const slugged = (slug: string) => Object.values(data().categories).filter((category) => category.slug === slug);

	describe('Create Category (read back)', () => {
		it('on: two items run twice make two categories; the second run returns them marked skipped', async () => {
			const parameters = community('createCategory', { name: '={{ $json.name }}', slug: '={{ $json.slug }}', ...SKIP });
			const result = await twice(CREATE_CATEGORY, parameters, items({ name: 'Skip A', slug: 'skip-a' }, { name: 'Skip B', slug: 'skip-b' }));
			expect(result.writes).toBe(2);
			expect([slugged('skip-a').length, slugged('skip-b').length]).toEqual([1, 1]);
			expect(result.first.map((category) => category.skipped)).toEqual([false, false]);
			expect(result.second.map((category) => category.skipped)).toEqual([true, true]);
			expect(result.second.map((category) => category.id)).toEqual(result.first.map((category) => category.id));
		});

		it('on: a category with the slug made before Look Back is not this one (the Hub\'s 409 says so)', async () => {
			const parameters = community('createCategory', { name: 'Old', slug: 'skip-old', options: { skipIfAlreadyDone: true, lookBackMinutes: 5 } });
			await hub.runJson(parameters);
			hub.harness.hub.clock.advance(10 * 60_000);
			try {
				expect((await hub.runError(parameters)).message).toMatch(/already has a category/);
			} finally {
				hub.harness.hub.clock.reset();
			}
		});

		it('off: the second run is refused by the Hub (409), no "skipped" field in the first', async () => {
			const parameters = community('createCategory', { name: 'Twice', slug: 'skip-off' });
			const [created] = await hub.runJson(parameters);
			expect('skipped' in created).toBe(false);
			expect((await hub.runError(parameters)).message).toMatch(/already has a category/);
		});
	});

	describe('Add Member (state)', () => {
		it('on: the second run finds the member with that role; off: two adds', async () => {
			const alan = hub.users().alan.id;
			await hub.runJson(community('removeMember', { memberId: rl(alan) })).catch(() => undefined);
			const on = await twice(ADD_MEMBER, community('addMember', { userId: alan, role: 'moderator', ...SKIP }));
			expect(on.writes).toBe(1);
			expect(on.first[0]).toMatchObject({ customerId: alan, role: 'moderator', skipped: false });
			expect(on.second[0]).toMatchObject({ customerId: alan, role: 'moderator', skipped: true });
			expect((await twice(ADD_MEMBER, community('addMember', { userId: alan, role: 'moderator' }))).writes).toBe(2);
		});

		it('on: another role is a change, and is made', async () => {
			const alan = hub.users().alan.id;
			await hub.runJson(community('addMember', { userId: alan, role: 'member' }));
			const [changed] = await hub.runJson(community('addMember', { userId: alan, role: 'admin', ...SKIP }));
			expect(changed).toMatchObject({ role: 'admin', skipped: false });
		});
	});

	it('Remove Member on: the second run finds the member gone; off: the Hub\'s 404', async () => {
		const alan = hub.users().alan.id;
		await hub.runJson(community('addMember', { userId: alan, role: 'member' }));
		const result = await twice(REMOVE_MEMBER, community('removeMember', { memberId: rl(alan), ...SKIP }));
		expect(result.writes).toBe(1);
		expect(result.first).toEqual([{ removed: true, customerId: alan, skipped: false }]);
		expect(result.second).toEqual([{ removed: true, customerId: alan, skipped: true }]);
		expect((await hub.runError(community('removeMember', { memberId: rl(alan) }))).message).toMatch(/not found/i);
	});

	it('Update Category on: the second run finds the category already so; off: two updates', async () => {
		const [category] = await hub.runJson(community('createCategory', { name: 'To update', slug: 'skip-update' }));
		const parameters = community('updateCategory', { categoryId: rl(String(category.id)), updateFields: { name: 'Updated', isArchived: true } });
		const on = await twice(UPDATE_CATEGORY, { ...parameters, ...SKIP });
		expect(on.writes).toBe(1);
		expect(on.second[0]).toMatchObject({ id: category.id, name: 'Updated', isArchived: true, skipped: true });
		expect((await twice(UPDATE_CATEGORY, parameters)).writes).toBe(2);
	});

	it('Update My Membership on: the second run finds the bio already set; a new bio is written; off: two updates', async () => {
		const on = await twice(UPDATE_MY_MEMBERSHIP, community('updateMyMembership', { bio: 'Skip bio', ...SKIP }));
		expect(on.writes).toBe(1);
		expect(on.second[0]).toMatchObject({ customerId: hub.users().ada.id, bio: 'Skip bio', skipped: true });
		const [changed] = await hub.runJson(community('updateMyMembership', { bio: 'Another bio', ...SKIP }));
		expect(changed).toMatchObject({ bio: 'Another bio', skipped: false });
		expect((await twice(UPDATE_MY_MEMBERSHIP, community('updateMyMembership', { bio: 'Another bio' }))).writes).toBe(2);
	});

	it('Integration Update Settings on: the second run finds the settings held; off: two updates', async () => {
		const [connection] = await hub.runJson(redditConnect(hub.harness.hub, 'skip_bot'));
		const parameters = { resource: 'integration', operation: 'updateSettings', connectionId: rl(String(connection.id)), settings: { redditSubreddits: 'n8n, selfhosted', gmailWindowDays: 7 } };
		const on = await twice(UPDATE_SETTINGS, { ...parameters, ...SKIP });
		expect(on.writes).toBe(1);
		const settings = { redditSubreddits: ['n8n', 'selfhosted'], gmailWindowDays: 7 };
		expect(on.first[0]).toMatchObject({ ok: true, id: connection.id, syncSettings: settings, skipped: false });
		expect(on.second[0]).toEqual({ ok: true, id: connection.id, syncSettings: settings, skipped: true });
		expect((await twice(UPDATE_SETTINGS, parameters)).writes).toBe(2);
	});

	it('User Update Me on: the second run finds the profile already so; off: two updates', async () => {
		const parameters = { resource: 'user', operation: 'updateMe', updateFields: { name: 'Ada Skip', profileVisibility: 'public' } };
		const on = await twice(UPDATE_ME, { ...parameters, ...SKIP });
		expect(on.writes).toBe(1);
		expect(on.second[0]).toMatchObject({ id: hub.users().ada.id, name: 'Ada Skip', profileVisibility: 'public', skipped: true });
		expect((await twice(UPDATE_ME, parameters)).writes).toBe(2);
	});

	it('Set Preference, Delete Preference and Trash offer no option: a repeat changes nothing at the Hub', () => {
		expect(['setPreference', 'deletePreference', 'trash'].filter((operation) => offersSkip('notification', operation))).toEqual([]);
		expect(['createCategory', 'addMember', 'removeMember', 'updateCategory', 'updateMyMembership'].every((operation) => offersSkip('community', operation))).toBe(true);
		expect(offersSkip('integration', 'updateSettings') && offersSkip('user', 'updateMe')).toBe(true);
	});
});
