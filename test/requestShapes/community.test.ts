import type { IDataObject } from 'n8n-workflow';
import { node, rl } from '../node/support';
import { CATEGORY, COMMUNITY, DM_MESSAGE, IDS, post, REACTION, simplifiedTopic, T0, topic } from './fixtures';
import { runShapeCases, type ShapeCase } from './cases';
import type { Exchange } from './support';

/** The Community resource, and Include Author Names on the outputs that carry user IDs. */

const base = `/api/communities/${IDS.community}`;
const bySlug: Exchange = { request: { method: 'GET', path: '/api/communities/n8n-builders' }, response: { status: 200, body: COMMUNITY } };
const OTHER_COMMUNITY = '5c0a8f3e-2222-4b2c-8d3e-000000000002';

const MEMBER = { communityId: IDS.community, customerId: IDS.other, role: 'member', bio: null, createdAt: T0, updatedAt: T0 };
const ADMIN = { ...MEMBER, customerId: IDS.user, role: 'admin' };
const DIRECTORY_ENTRY = {
	customerId: IDS.other,
	role: 'member',
	bio: 'Compilers',
	joinedAt: T0,
	displayName: 'Grace Hopper',
	slug: 'grace',
	avatarUrl: null,
	postCount: 4,
	activeCategoryIds: [IDS.category],
};

function profile(customerId: string, displayName: string | null, slug = displayName?.split(' ')[0].toLowerCase() ?? customerId) {
	return { customerId, displayName, slug, avatarUrl: `https://avatars.example.com/${slug}.png` };
}
const ADA = profile(IDS.user, 'Ada Lovelace');
const GRACE = profile(IDS.other, 'Grace Hopper');

function profilesExchange(communityId: string, ids: string[], found: unknown[]): Exchange {
	return {
		request: { method: 'GET', path: `/api/communities/${communityId}/profiles`, query: { ids: ids.join(',') } },
		response: { status: 200, body: { items: found } },
	};
}

function topicsPage(query: Record<string, string>, page: number, items: unknown[], total: number): Exchange {
	return {
		request: { method: 'GET', path: `${base}/topics`, query: { ...query, page: String(page), pageSize: '100' } },
		response: { status: 200, body: { items, total } },
	};
}

const manyIds = Array.from({ length: 250 }, (_, index) => `user-${String(index).padStart(3, '0')}`);

const cases: ShapeCase[] = [
	{
		name: 'Community Get by slug',
		parameters: { resource: 'community', operation: 'get', communityId: rl('n8n-builders', 'slug') },
		exchanges: [bySlug],
		output: [COMMUNITY],
	},
	{
		name: 'Community Get by web URL',
		parameters: { resource: 'community', operation: 'get', communityId: rl('https://agenticdeveloperhub.com/c/n8n-builders', 'url') },
		exchanges: [bySlug],
		output: [COMMUNITY],
	},
	{
		name: 'Community Get Many Topics: popular, one category, Limit 2, with author names (one profiles request)',
		parameters: {
			resource: 'community', operation: 'getTopics',
			communityId: rl('n8n-builders', 'slug'),
			sort: 'popular',
			categoryId: rl(IDS.category),
			limit: 2,
			includeAuthorNames: true,
		},
		exchanges: [
			bySlug,
			topicsPage({ sort: 'popular', category: IDS.category }, 1, [topic(), topic({ id: 'topic-2', customerId: IDS.other }), topic({ id: 'topic-3' })], 3),
			profilesExchange(IDS.community, [IDS.user, IDS.other], [ADA, GRACE]),
		],
		output: (items) => {
			expect(items.map((item) => [item.customerId, item.authorName])).toEqual([
				[IDS.user, 'Ada Lovelace'],
				[IDS.other, 'Grace Hopper'],
			]);
			// Beside the ID, not instead of it.
			expect(Object.keys(items[0]).indexOf('authorName')).toBe(Object.keys(items[0]).indexOf('customerId') + 1);
		},
	},
	{
		name: 'Community Get Many Topics, Return All: `total` ends the list',
		parameters: { resource: 'community', operation: 'getTopics', communityId: rl(IDS.community), returnAll: true },
		exchanges: [
			topicsPage({ sort: 'recent' }, 1, Array.from({ length: 100 }, (_, index) => topic({ id: `topic-${index}` })), 101),
			topicsPage({ sort: 'recent' }, 2, [topic({ id: 'topic-100' })], 101),
		],
		output: (items) => {
			expect(items).toHaveLength(101);
			expect(items[0]).toEqual(simplifiedTopic({ id: 'topic-0' }));
		},
	},
	{
		name: 'Community Get Many Categories: archived ones left out unless asked for',
		parameters: { resource: 'community', operation: 'getCategories', communityId: rl(IDS.community) },
		exchanges: [
			{
				request: { method: 'GET', path: `${base}/categories` },
				response: { status: 200, body: { items: [CATEGORY, { ...CATEGORY, id: 'old', slug: 'old', isArchived: true }] } },
			},
		],
		output: [CATEGORY],
	},
	{
		name: 'Community Create Category with every field',
		parameters: {
			resource: 'community', operation: 'createCategory',
			communityId: rl(IDS.community),
			name: ' Release Notes ',
			slug: 'release-notes',
			additionalFields: { description: 'What shipped', color: '#3366ff', displayOrder: 2 },
		},
		exchanges: [
			{
				request: {
					method: 'POST',
					path: `${base}/categories`,
					body: { name: 'Release Notes', slug: 'release-notes', description: 'What shipped', color: '#3366ff', displayOrder: 2 },
				},
				response: { status: 201, body: { ...CATEGORY, slug: 'release-notes', name: 'Release Notes', color: '#3366ff', displayOrder: 2 } },
			},
		],
		output: [{ ...CATEGORY, slug: 'release-notes', name: 'Release Notes', color: '#3366ff', displayOrder: 2 }],
	},
	{
		name: 'Community Update Category: archive and rename',
		parameters: {
			resource: 'community', operation: 'updateCategory',
			communityId: rl(IDS.community),
			categoryId: rl(IDS.category),
			updateFields: { isArchived: true, name: 'Old news' },
		},
		exchanges: [
			{
				request: { method: 'PUT', path: `${base}/categories/${IDS.category}`, body: { name: 'Old news', isArchived: true } },
				response: { status: 200, body: { ...CATEGORY, name: 'Old news', isArchived: true } },
			},
		],
		output: [{ ...CATEGORY, name: 'Old news', isArchived: true }],
	},
	{
		name: 'Community Get Many Members (Limit 1)',
		parameters: { resource: 'community', operation: 'getMembers', communityId: rl(IDS.community), limit: 1 },
		exchanges: [{ request: { method: 'GET', path: `${base}/members` }, response: { status: 200, body: { items: [ADMIN, MEMBER] } } }],
		output: [ADMIN],
	},
	{
		name: 'Community Add Member as moderator',
		parameters: { resource: 'community', operation: 'addMember', communityId: rl(IDS.community), userId: IDS.other, role: 'moderator' },
		exchanges: [
			{
				request: { method: 'POST', path: `${base}/members`, body: { customerId: IDS.other, role: 'moderator' } },
				response: { status: 201, body: { ...MEMBER, role: 'moderator' } },
			},
		],
		output: [{ ...MEMBER, role: 'moderator' }],
	},
	{
		name: 'Community Add Member refused (403, not an admin): Continue On Fail says why',
		parameters: { resource: 'community', operation: 'addMember', communityId: rl(IDS.community), userId: IDS.other },
		continueOnFail: true,
		exchanges: [
			{
				request: { method: 'POST', path: `${base}/members`, body: { customerId: IDS.other, role: 'member' } },
				response: { status: 403, body: { error: { code: 'forbidden', message: 'Only community admins can add members' } } },
			},
		],
		output: (items) => expect(String(items[0].error)).toMatch(/refused this operation for your account.*Only community admins can add members/),
	},
	{
		name: 'Community Remove Member',
		parameters: { resource: 'community', operation: 'removeMember', communityId: rl(IDS.community), memberId: rl(IDS.other) },
		exchanges: [{ request: { method: 'DELETE', path: `${base}/members/${IDS.other}` }, response: { status: 204 } }],
		output: [{ removed: true, customerId: IDS.other }],
	},
	{
		name: 'Community Get My Membership of a community I am not in',
		parameters: { resource: 'community', operation: 'getMyMembership', communityId: rl(IDS.community) },
		exchanges: [{ request: { method: 'GET', path: `${base}/members/me` }, response: { status: 200, body: { role: null } } }],
		output: [{ communityId: IDS.community, role: null, isMember: false }],
	},
	{
		name: 'Community Update My Membership',
		parameters: { resource: 'community', operation: 'updateMyMembership', communityId: rl(IDS.community), bio: ' Compilers and COBOL ' },
		exchanges: [
			{
				request: { method: 'PUT', path: `${base}/members/me`, body: { bio: 'Compilers and COBOL' } },
				response: { status: 200, body: { ...MEMBER, bio: 'Compilers and COBOL' } },
			},
		],
		output: [{ ...MEMBER, bio: 'Compilers and COBOL' }],
	},
	{
		name: 'Community Get Directory (Return All)',
		parameters: { resource: 'community', operation: 'getDirectory', communityId: rl(IDS.community), returnAll: true },
		exchanges: [{ request: { method: 'GET', path: `${base}/directory` }, response: { status: 200, body: { items: [DIRECTORY_ENTRY] } } }],
		output: [DIRECTORY_ENTRY],
	},
	{
		name: 'Community Get Profiles of 250 user IDs: two requests (200, then 50), repeats sent once',
		parameters: { resource: 'community', operation: 'getProfiles', communityId: rl(IDS.community), userIds: [...manyIds, manyIds[0]].join(', ') },
		exchanges: [
			profilesExchange(IDS.community, manyIds.slice(0, 200), manyIds.slice(0, 200).map((id) => profile(id, null, id))),
			profilesExchange(IDS.community, manyIds.slice(200), manyIds.slice(200).map((id) => profile(id, `Person ${id}`, id))),
		],
		output: (items) => {
			expect(items).toHaveLength(250);
			expect(items[249]).toEqual(profile(manyIds[249], `Person ${manyIds[249]}`, manyIds[249]));
		},
	},
	{
		name: 'Community Get Profiles by name',
		parameters: { resource: 'community', operation: 'getProfiles', communityId: rl(IDS.community), lookUpBy: 'name', name: ' grace ' },
		exchanges: [{ request: { method: 'GET', path: `${base}/profiles`, query: { q: 'grace' } }, response: { status: 200, body: { items: [GRACE] } } }],
		output: [GRACE],
	},
	{
		name: 'Topic Get with author names',
		parameters: { resource: 'topic', operation: 'get', topicId: rl(IDS.topic), includeAuthorNames: true },
		exchanges: [
			{ request: { method: 'GET', path: `/api/discussion/topics/${IDS.topic}` }, response: { status: 200, body: topic() } },
			profilesExchange(IDS.community, [IDS.user], [ADA]),
		],
		output: (items) => expect(items).toEqual([{ ...simplifiedTopic(), authorName: 'Ada Lovelace' }]),
	},
	{
		name: 'Topic Get Many with author names: one profiles request per community; a name the Hub sent costs nothing; unknown people get null',
		parameters: { resource: 'topic', operation: 'getAll', limit: 4, simplify: false, includeAuthorNames: true },
		exchanges: [
			{
				request: { method: 'GET', path: '/api/discussion/topics', query: { page: '1', pageSize: '100' } },
				response: {
					status: 200,
					body: {
						items: [
							topic(),
							topic({ id: 'topic-2', customerId: IDS.other }),
							topic({ id: 'topic-3', communityId: OTHER_COMMUNITY, customerId: IDS.other }),
							topic({ id: 'topic-4', customerId: 'someone-else', authorName: 'Named by the Hub' }),
						],
					},
				},
			},
			profilesExchange(IDS.community, [IDS.user, IDS.other], [ADA]),
			profilesExchange(OTHER_COMMUNITY, [IDS.other], [GRACE]),
		],
		output: (items) =>
			expect(items.map((item) => item.authorName)).toEqual(['Ada Lovelace', null, 'Grace Hopper', 'Named by the Hub']),
	},
	{
		name: "Post Get Many with author names: the topic tells the community (posts need not carry it)",
		parameters: { resource: 'post', operation: 'getAll', topicId: rl(IDS.topic), limit: 2, includeAuthorNames: true },
		exchanges: [
			{
				request: { method: 'GET', path: `/api/discussion/topics/${IDS.topic}/posts`, query: { page: '1', pageSize: '100' } },
				response: { status: 200, body: { items: [post({ id: IDS.opening, postNumber: 1, customerId: IDS.user }), post()] } },
			},
			{ request: { method: 'GET', path: `/api/discussion/topics/${IDS.topic}` }, response: { status: 200, body: topic() } },
			profilesExchange(IDS.community, [IDS.user, IDS.other], [ADA, GRACE]),
		],
		output: (items) => expect(items.map((item) => item.authorName)).toEqual(['Ada Lovelace', 'Grace Hopper']),
	},
	{
		name: 'Reaction Get Many with author names from a community given by slug',
		parameters: {
			resource: 'reaction',
			operation: 'getAll',
			targetKind: 'discussion.topics',
			topicId: rl(IDS.topic),
			returnAll: true,
			includeAuthorNames: true,
			namesCommunityId: rl('n8n-builders', 'slug'),
		},
		exchanges: [
			bySlug,
			{ request: { method: 'GET', path: '/api/content/reactions', query: { targetKind: 'discussion.topics', targetId: IDS.topic } }, response: { status: 200, body: { items: [REACTION] } } },
			profilesExchange(IDS.community, [IDS.user], [ADA]),
		],
		output: [{ ...REACTION, customerId: IDS.user, authorName: 'Ada Lovelace' }],
	},
	{
		name: 'Direct Message Get Many Messages with sender names',
		parameters: {
			resource: 'directMessage',
			operation: 'getAllMessages',
			chatId: rl(IDS.chat),
			limit: 1,
			includeAuthorNames: true,
			namesCommunityId: rl(IDS.community),
		},
		exchanges: [
			{
				request: { method: 'GET', path: `/api/chat/dms/${IDS.chat}/messages`, query: { page: '1', pageSize: '200' } },
				response: { status: 200, body: { items: [DM_MESSAGE], total: 1, page: 1, pageSize: 200 } },
			},
			profilesExchange(IDS.community, [IDS.other], [GRACE]),
		],
		output: (items: IDataObject[]) => expect(items).toEqual([{ ...DM_MESSAGE, senderName: 'Grace Hopper' }]),
	},
];

describe('Request shapes: community', () => {
	runShapeCases(node, cases);
});
