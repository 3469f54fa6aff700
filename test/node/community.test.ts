import type { INodeParameters } from 'n8n-workflow';
import { rl, seededCommunity, useNodeHarness } from './support';

/*
 * The Community resource against the validating sandbox Hub, as Ada (admin of the seeded main
 * community; not a member of Grace's private side community). Each operation: its happy path and
 * at least one failure (a 403 role, a 404, or validation before any request).
 */
describe('Community', () => {
	const hub = useNodeHarness();
	const main = () => seededCommunity(hub.harness.hub);
	const side = () => Object.values(hub.harness.hub.state.data.communities).find((community) => community.slug === 'n8n-node-makers')!;
	const community = (operation: string, parameters: INodeParameters = {}): INodeParameters => ({
		resource: 'community',
		operation,
		communityId: rl(main().slug, 'slug'),
		...parameters,
	});

	/** The error of a run, and that it sent nothing. */
	async function refusedBeforeSending(parameters: INodeParameters) {
		const before = await hub.requests();
		const error = await hub.runError(parameters);
		expect(await hub.requests()).toBe(before);
		return error;
	}

	describe('Get', () => {
		it('gets a community by slug, by web URL and by ID', async () => {
			const expected = { id: main().id, slug: main().slug, name: main().name };
			expect((await hub.runJson(community('get')))[0]).toMatchObject(expected);
			const byUrl = community('get', { communityId: rl(`https://agenticdeveloperhub.com/c/${main().slug}`, 'url') });
			expect((await hub.runJson(byUrl))[0]).toMatchObject(expected);
			expect((await hub.runJson(community('get', { communityId: rl(main().id) })))[0]).toMatchObject(expected);
		});

		it('names the community that was not found', async () => {
			const error = await hub.runError(community('get', { communityId: rl('no-such-community', 'slug') }));
			expect(error.message).toMatch(/community was not found/i);
		});
	});

	describe('Get Many Topics', () => {
		it('sorts by popularity, filters by category, and stops at the Limit', async () => {
			const category = Object.values(hub.harness.hub.state.data.categories).find(
				(candidate) => candidate.communityId === main().id && candidate.slug === 'announcements',
			)!;
			const topics = await hub.runJson(community('getTopics', { sort: 'popular', categoryId: rl(category.id), limit: 2, simplify: false }));
			expect(topics).toHaveLength(2);
			expect(topics.every((topic) => topic.categoryId === category.id && topic.communityId === main().id)).toBe(true);
			expect(Number(topics[0].replyCount)).toBeGreaterThanOrEqual(Number(topics[1].replyCount));
		});

		it('refuses a sort the Hub does not know before sending anything', async () => {
			const error = await refusedBeforeSending(community('getTopics', { sort: 'newest' }));
			expect(error.message).toMatch(/"Sort" must be one of .*\[item 0\]/);
		});
	});

	describe('Categories', () => {
		it('creates a category, lists it, renames and archives it', async () => {
			const [created] = await hub.runJson(
				community('createCategory', { name: 'Release notes', slug: 'release-notes', additionalFields: { description: 'What shipped', color: '#3366ff' } }),
			);
			expect(created).toMatchObject({ communityId: main().id, slug: 'release-notes', name: 'Release notes', color: '#3366ff', isArchived: false });
			const listed = await hub.runJson(community('getCategories'));
			expect(listed.map((category) => category.slug)).toContain('release-notes');

			const [updated] = await hub.runJson(
				community('updateCategory', { categoryId: rl(String(created.id)), updateFields: { name: 'Old news', isArchived: true } }),
			);
			expect(updated).toMatchObject({ id: created.id, name: 'Old news', isArchived: true });
			expect((await hub.runJson(community('getCategories'))).map((category) => category.id)).not.toContain(created.id);
			expect((await hub.runJson(community('getCategories', { includeArchived: true }))).map((category) => category.id)).toContain(created.id);
		});

		it('is refused (403) in a community where you are not an admin, with the role message', async () => {
			const error = await hub.runError(community('createCategory', { communityId: rl(side().id), name: 'Mine', slug: 'mine' }));
			expect(error.message).toMatch(/refused this operation for your account/);
			expect(error.description).toMatch(/only community admins/i);
			expect(Object.values(hub.harness.hub.state.data.categories).some((category) => category.slug === 'mine')).toBe(false);
		});

		it('refuses a slug with a space, and an update with nothing to change, before sending anything', async () => {
			expect((await refusedBeforeSending(community('createCategory', { name: 'A', slug: 'two words' }))).message).toMatch(/"Slug" is not a valid slug.*\[item 0\]/);
			const nothing = community('updateCategory', { categoryId: rl('5c0a8f3e-2222-4b2c-8d3e-0000000000c1'), updateFields: {} });
			expect((await refusedBeforeSending(nothing)).message).toMatch(/"Update Fields" must set at least one field \[item 0\]/);
		});

		it('answers 404 for a category of another community', async () => {
			const other = Object.values(hub.harness.hub.state.data.categories).find((category) => category.communityId === side().id)!;
			const error = await hub.runError(community('updateCategory', { categoryId: rl(other.id), updateFields: { name: 'x' } }));
			expect(error.message).toMatch(/category was not found/i);
		});
	});

	describe('Members', () => {
		it('lists the members with their roles, and the directory with their names', async () => {
			const { ada, grace } = hub.users();
			const members = await hub.runJson(community('getMembers', { returnAll: true }));
			expect(members).toEqual(expect.arrayContaining([expect.objectContaining({ customerId: ada.id, role: 'admin' }), expect.objectContaining({ customerId: grace.id, role: 'member' })]));
			const directory = await hub.runJson(community('getDirectory', { returnAll: true }));
			expect(directory.find((entry) => entry.customerId === grace.id)).toMatchObject({ displayName: 'Grace Hopper', slug: 'grace-hopper' });
			expect(await hub.runJson(community('getDirectory', { limit: 1 }))).toHaveLength(1);
		});

		it('refuses the member list of a community you are not in (403)', async () => {
			const error = await hub.runError(community('getMembers', { communityId: rl(side().slug, 'slug') }));
			expect(error.message).toMatch(/refused this operation.*Only members of the community can list its members/);
		});

		it('adds a member, changes their role by adding again (one member), and removes them', async () => {
			const { alan } = hub.users();
			const membersNamed = async () => (await hub.runJson(community('getMembers', { returnAll: true }))).filter((member) => member.customerId === alan.id);
			await hub.runJson(community('removeMember', { memberId: rl(alan.id) }));
			expect(await membersNamed()).toEqual([]);
			const [added] = await hub.runJson(community('addMember', { userId: alan.id, role: 'member' }));
			expect(added).toMatchObject({ communityId: main().id, customerId: alan.id, role: 'member' });
			await hub.runJson(community('addMember', { userId: alan.id, role: 'moderator' }));
			expect(await membersNamed()).toEqual([expect.objectContaining({ role: 'moderator' })]);
			expect(await hub.runJson(community('removeMember', { memberId: rl(alan.id) }))).toEqual([{ removed: true, customerId: alan.id }]);
			expect(await membersNamed()).toEqual([]);
		});

		it('answers 404 for a member who is not in the community, and 403 for adding where you are not an admin', async () => {
			const { alan, grace } = hub.users();
			const missing = await hub.runError(community('removeMember', { memberId: rl('0b7d6c1e-1111-4a1e-9a2f-00000000dead') }));
			expect(missing.message).toMatch(/member was not found/i);
			const refused = await hub.runError(community('addMember', { communityId: rl(side().id), userId: alan.id }));
			expect(refused.message).toMatch(/Only community admins can add members/);
			// Continue On Fail: the refused item becomes `{ error }` with its pairedItem, the next item runs.
			const output = await hub.run(community('getMyMembership', { communityId: '={{ $json.community }}' }), {
				continueOnFail: true,
				items: [{ json: { community: 'no-such-community' } }, { json: { community: main().slug } }],
			});
			expect(output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
			expect(output[0].json.error).toMatch(/not found/);
			expect(output[1].json).toEqual({ communityId: main().slug, role: 'admin', isMember: true });
			expect(grace.id).toBeDefined();
		});

		it('refuses an empty User ID before sending anything', async () => {
			expect((await refusedBeforeSending(community('addMember', { userId: ' ' }))).message).toMatch(/"User ID" must not be empty \[item 0\]/);
		});
	});

	describe('My Membership', () => {
		it('tells my role, or null where I am not a member', async () => {
			expect(await hub.runJson(community('getMyMembership'))).toEqual([{ communityId: main().id, role: 'admin', isMember: true }]);
			expect(await hub.runJson(community('getMyMembership', { communityId: rl(side().id) }))).toEqual([{ communityId: side().id, role: null, isMember: false }]);
		});

		it('updates my bio, and is refused (403) where I am not a member', async () => {
			const [member] = await hub.runJson(community('updateMyMembership', { bio: 'First programmer' }));
			expect(member).toMatchObject({ customerId: hub.users().ada.id, bio: 'First programmer' });
			const error = await hub.runError(community('updateMyMembership', { communityId: rl(side().id), bio: 'Hi' }));
			expect(error.message).toMatch(/refused this operation for your account/);
		});

		it('refuses a bio over 200 characters before sending anything', async () => {
			expect((await refusedBeforeSending(community('updateMyMembership', { bio: 'x'.repeat(201) }))).message).toMatch(/"Bio" is 201 characters long.*\[item 0\]/);
		});
	});

	describe('Get Profiles', () => {
		it("turns user IDs into the sandbox users' names, and finds people by name", async () => {
			const { ada, grace, alan } = hub.users();
			const profiles = await hub.runJson(community('getProfiles', { userIds: `${ada.id}, ${grace.id},${alan.id}` }));
			expect(Object.fromEntries(profiles.map((profile) => [profile.customerId, profile.displayName]))).toEqual({
				[ada.id]: 'Ada Lovelace',
				[grace.id]: 'Grace Hopper',
				[alan.id]: 'Alan Turing',
			});
			const found = await hub.runJson(community('getProfiles', { lookUpBy: 'name', name: 'hopper' }));
			expect(found.map((profile) => profile.customerId)).toEqual([grace.id]);
		});

		it('refuses an ID that could change the path, and an empty list, before sending anything', async () => {
			expect((await refusedBeforeSending(community('getProfiles', { userIds: 'a,../b' }))).message).toMatch(/"User IDs" is not a valid Hub ID.*\[item 0\]/);
			expect((await refusedBeforeSending(community('getProfiles', { userIds: ' , ' }))).message).toMatch(/"User IDs" must name at least one user ID \[item 0\]/);
		});
	});
});
