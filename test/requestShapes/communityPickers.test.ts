import { rl, node } from '../node/support';
import { runPickerCases, type PickerCase } from './cases';
import { CATEGORY, COMMUNITY, IDS, T1, USER } from './fixtures';
import type { Exchange } from './support';

/** The Member and Category pickers of the Community resource. */

const base = `/api/communities/${IDS.community}`;
const bySlug: Exchange = { request: { method: 'GET', path: '/api/communities/n8n-builders' }, response: { status: 200, body: COMMUNITY } };
const DIRECTORY_ENTRY = {
	customerId: IDS.other,
	role: 'member',
	bio: 'Compilers',
	joinedAt: T1,
	displayName: 'Grace Hopper',
	slug: 'grace',
	avatarUrl: null,
	postCount: 4,
	activeCategoryIds: [IDS.category],
};

const pickers: PickerCase[] = [
	{
		name: 'searchMembers: the directory of the node\'s community, by name',
		method: 'searchMembers',
		parameters: { resource: 'community', operation: 'removeMember', communityId: rl('n8n-builders', 'slug') },
		filter: 'hop',
		exchanges: [
			bySlug,
			{
				request: { method: 'GET', path: `${base}/directory` },
				response: { status: 200, body: { items: [{ ...DIRECTORY_ENTRY, customerId: IDS.user, displayName: USER.name, slug: 'ada', role: 'admin' }, DIRECTORY_ENTRY] } },
			},
		],
		result: { results: [{ name: 'Grace Hopper (member)', value: IDS.other }] },
	},
	{
		name: 'searchCategories: the categories of the node\'s community, archived marked',
		method: 'searchCategories',
		parameters: { resource: 'community', operation: 'updateCategory', communityId: rl(IDS.community) },
		exchanges: [
			{
				request: { method: 'GET', path: `${base}/categories` },
				response: { status: 200, body: { items: [CATEGORY, { ...CATEGORY, id: 'old', slug: 'old', name: 'Old', isArchived: true, updatedAt: T1 }] } },
			},
		],
		result: { results: [{ name: 'Announcements', value: IDS.category }, { name: 'Old (archived)', value: 'old' }] },
	},
];

describe('Request shapes: community pickers', () => {
	runPickerCases(node, pickers);
});
