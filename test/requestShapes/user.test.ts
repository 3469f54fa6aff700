import { node, rl } from '../node/support';
import { T0, USER } from './fixtures';
import { runPickerCases, runShapeCases, type PickerCase, type ShapeCase } from './cases';

const ADA_HIT = { slug: 'ada', displayName: 'Ada Lovelace', avatarUrl: null, kind: 'user' };
const ACME_HIT = { slug: 'acme', displayName: null, avatarUrl: 'https://cdn.example.com/acme.png', kind: 'organization' };
const PROFILE = {
	slug: 'ada',
	displayName: 'Ada Lovelace',
	avatarUrl: null,
	createdAt: T0,
	socialLinks: [],
	emails: [],
	phones: [],
	addresses: [],
	personas: [],
};
const profileOf = (slug: string) => ({ request: { method: 'GET' as const, path: `/api/users/${slug}` }, response: { status: 200, body: { ...PROFILE, slug } } });

const cases: ShapeCase[] = [
	{
		name: 'User Search by name (Limit 1 of the one unpaginated list)',
		parameters: { resource: 'user', operation: 'search', query: ' Ada ', limit: 1 },
		exchanges: [{ request: { method: 'GET', path: '/api/users/search', query: { q: 'Ada' } }, response: { status: 200, body: [ADA_HIT, ACME_HIT] } }],
		output: [ADA_HIT],
	},
	{
		name: 'User Get by slug',
		parameters: { resource: 'user', operation: 'get', userSlug: rl('ada', 'slug') },
		exchanges: [profileOf('ada')],
		output: [PROFILE],
	},
	{
		name: 'User Get by profile URL, and from the list (a slug longer than an ID may be)',
		parameters: { resource: 'user', operation: 'get', userSlug: rl('https://agenticdeveloperhub.com/u/grace-hopper?tab=about', 'url') },
		exchanges: [profileOf('grace-hopper')],
		output: [{ ...PROFILE, slug: 'grace-hopper' }],
	},
	{
		name: 'User Get from the list with a 40-character slug',
		parameters: { resource: 'user', operation: 'get', userSlug: rl('a'.repeat(40), 'list') },
		exchanges: [profileOf('a'.repeat(40))],
		output: [{ ...PROFILE, slug: 'a'.repeat(40) }],
	},
	{
		name: 'User Update Me with a personal token: only the fields given',
		parameters: {
			resource: 'user',
			operation: 'updateMe',
			authentication: 'apiToken',
			updateFields: { name: ' Ada King ', slug: 'ada-king', profileVisibility: 'public', publicProfileEnabled: true },
		},
		exchanges: [
			{
				request: { method: 'PATCH', path: '/api/auth/me', body: { name: 'Ada King', slug: 'ada-king', publicProfileEnabled: true, profileVisibility: 'public' } },
				response: { status: 200, body: { ...USER, name: 'Ada King', slug: 'ada-king', profileVisibility: 'public' } },
			},
		],
		output: [{ ...USER, name: 'Ada King', slug: 'ada-king', profileVisibility: 'public' }],
	},
	{
		name: 'User Update Me under OAuth2: a clear error, no request (Continue On Fail)',
		parameters: { resource: 'user', operation: 'updateMe', authentication: 'oAuth2', updateFields: { name: 'Ada' } },
		continueOnFail: true,
		exchanges: [],
		output: (items) => {
			expect(items).toHaveLength(1);
			expect(String(items[0].error)).toMatch(/Update Me needs a Personal API Token credential \[item 0\]/);
		},
	},
];

const pickers: PickerCase[] = [
	{
		name: 'searchUsers: people by the typed name',
		method: 'searchUsers',
		filter: 'a',
		exchanges: [{ request: { method: 'GET', path: '/api/users/search', query: { q: 'a' } }, response: { status: 200, body: [ADA_HIT, ACME_HIT] } }],
		result: { results: [{ name: 'Ada Lovelace (ada)', value: 'ada' }, { name: 'acme (acme, organization)', value: 'acme' }] },
	},
	{
		name: 'searchUsers: nothing typed, nothing asked (the route needs a text)',
		method: 'searchUsers',
		exchanges: [],
		result: { results: [] },
	},
];

describe('Request shapes: users', () => {
	runShapeCases(node, cases);
	runPickerCases(node, pickers);
});
