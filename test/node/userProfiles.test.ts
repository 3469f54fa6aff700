import { node, rl, useNodeHarness } from './support';

describe('User: Search, Get, Update Me', () => {
	const hub = useNodeHarness();
	const stored = () => Object.values(hub.harness.hub.state.auth.users);

	it('Search finds people by part of their name; their slugs work for Get (and in the picker)', async () => {
		const hits = await hub.runJson({ resource: 'user', operation: 'search', query: 'hopper', returnAll: true });
		const grace = stored().find((user) => user.email === 'grace@example.com')!;
		expect(hits).toEqual([{ slug: grace.slug, displayName: grace.name, avatarUrl: grace.avatarUrl, kind: 'user' }]);

		const [profile] = await hub.runJson({ resource: 'user', operation: 'get', userSlug: rl(String(hits[0].slug), 'list') });
		expect(profile).toMatchObject({ slug: grace.slug, displayName: 'Grace Hopper' });
		expect(profile).not.toHaveProperty('email');

		const picked = await hub.harness.listSearch(node, 'searchUsers', {
			parameters: { authentication: 'apiToken', resource: 'user', operation: 'get' },
			filter: 'Lovelace',
		});
		expect(picked.results).toEqual([{ name: 'Ada Lovelace (ada-lovelace)', value: 'ada-lovelace' }]);
	});

	it('Get by profile URL; a person without a public profile is a clear 404', async () => {
		const [profile] = await hub.runJson({ resource: 'user', operation: 'get', userSlug: rl('https://agenticdeveloperhub.com/u/ada-lovelace', 'url') });
		expect(profile.displayName).toBe('Ada Lovelace');
		const error = await hub.runError({ resource: 'user', operation: 'get', userSlug: rl('nobody-here', 'slug') });
		expect(error.message).toMatch(/^The user was not found/);
	});

	it('Search without a name is refused before any request', async () => {
		const before = await hub.requests();
		const error = await hub.runError({ resource: 'user', operation: 'search', query: '  ' });
		expect(error.message).toMatch(/"Name" must not be empty \[item 0\]/);
		expect(await hub.requests()).toBe(before);
	});

	it('Search and Get need discussions:read under OAuth2: the scope is named', async () => {
		await hub.harness.connectOAuth2({ scopes: ['profile:read'] });
		const error = await hub.runError({ resource: 'user', operation: 'search', query: 'ada', authentication: 'oAuth2' });
		expect(error.message).toMatch(/discussions:read/);
	});

	it('Update Me changes the profile with a personal token', async () => {
		const [me] = await hub.runJson({ resource: 'user', operation: 'updateMe', updateFields: { name: 'Ada King', profileVisibility: 'public' } });
		expect(me).toMatchObject({ id: hub.users().ada.id, name: 'Ada King', profileVisibility: 'public', slug: 'ada-lovelace' });
		expect(stored().find((user) => user.id === hub.users().ada.id)!.name).toBe('Ada King');
	});

	it('Update Me with a slug someone has is the Hub\'s clear 409; a bad slug is refused before any request', async () => {
		const taken = await hub.runError({ resource: 'user', operation: 'updateMe', updateFields: { slug: 'grace-hopper' } });
		expect(taken.message).toMatch(/grace-hopper/);
		const before = await hub.requests();
		const bad = await hub.runError({ resource: 'user', operation: 'updateMe', updateFields: { slug: 'Not A Slug' } });
		expect(bad.message).toMatch(/"Slug" must be .*\[item 0\]/);
		expect(await hub.requests()).toBe(before);
	});

	it('Update Me under OAuth2 fails before any request, saying why and what to do; other items go on with Continue On Fail', async () => {
		await hub.harness.connectOAuth2({});
		const before = await hub.requests();
		const output = await hub.run(
			{ resource: 'user', operation: 'updateMe', authentication: 'oAuth2', updateFields: { name: 'Nope' } },
			{ continueOnFail: true, items: [{ json: {} }, { json: {} }] },
		);
		expect(output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(String(output[1].json.error)).toBe('Update Me needs a Personal API Token credential [item 1]');
		expect(await hub.requests()).toBe(before);
		const error = await hub.runError({ resource: 'user', operation: 'updateMe', authentication: 'oAuth2', updateFields: { name: 'Nope' } });
		expect(error.description).toMatch(/Personal API Token/);
	});
});
