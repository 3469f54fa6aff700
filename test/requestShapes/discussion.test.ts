import { node, rl } from '../node/support';
import { FOUND_POST, FOUND_TOPIC, IDS, REACTION, searchAnswer, USER } from './fixtures';
import { runShapeCases, type ShapeCase } from './cases';

/** User, Discussion (search) and Reaction operations. */
const cases: ShapeCase[] = [
	{
		name: 'User Get Me',
		parameters: { resource: 'user', operation: 'getMe' },
		exchanges: [{ request: { method: 'GET', path: '/api/auth/me' }, response: { status: 200, body: USER } }],
		output: [USER],
	},
	{
		name: 'User Get Me with OAuth2 (the stored access token signs it)',
		parameters: { resource: 'user', operation: 'getMe', authentication: 'oAuth2' },
		exchanges: [{ request: { method: 'GET', path: '/api/auth/me' }, response: { status: 200, body: USER } }],
		output: [USER],
	},
	{
		name: 'Discussion Search topics: Simplify keeps only fields the slim results have',
		parameters: { resource: 'discussion', operation: 'search', searchType: 'topics', query: 'webhook retries', limit: 5 },
		exchanges: [
			{
				request: { method: 'GET', path: '/api/search/discussions', query: { q: 'webhook retries', type: 'topics', page: '1', pageSize: '100' } },
				response: { status: 200, body: searchAnswer({ topics: [FOUND_TOPIC] }) },
			},
		],
		output: [FOUND_TOPIC],
	},
	{
		name: 'Discussion Search posts (Return All over two pages), simplified',
		parameters: { resource: 'discussion', operation: 'search', searchType: 'posts', query: 'backoff', returnAll: true },
		exchanges: [
			{
				request: { method: 'GET', path: '/api/search/discussions', query: { q: 'backoff', type: 'posts', page: '1', pageSize: '100' } },
				response: { status: 200, body: searchAnswer({ posts: [FOUND_POST] }, { postsHasMore: true }) },
			},
			{
				request: { method: 'GET', path: '/api/search/discussions', query: { q: 'backoff', type: 'posts', page: '2', pageSize: '100' } },
				response: { status: 200, body: { ...searchAnswer({ posts: [{ ...FOUND_POST, id: 'post-b', postNumber: 5 }] }), page: 2 } },
			},
		],
		output: [
			{ id: FOUND_POST.id, topicId: IDS.topic, postNumber: 2, createdAt: FOUND_POST.createdAt },
			{ id: 'post-b', topicId: IDS.topic, postNumber: 5, createdAt: FOUND_POST.createdAt },
		],
	},
	{
		name: 'Reaction Add on a topic',
		parameters: { resource: 'reaction', operation: 'add', targetKind: 'discussion.topics', topicId: rl(IDS.topic), emoji: ' 👍 ' },
		exchanges: [
			{
				request: { method: 'POST', path: '/api/content/reactions', body: { targetKind: 'discussion.topics', targetId: IDS.topic, emoji: '👍' } },
				response: { status: 201, body: REACTION },
			},
		],
		output: [REACTION],
	},
	{
		name: 'Reaction Get Many on a post (Limit 1)',
		parameters: { resource: 'reaction', operation: 'getAll', targetKind: 'discussion.posts', postId: rl(IDS.post), limit: 1 },
		exchanges: [
			{
				request: { method: 'GET', path: '/api/content/reactions', query: { targetKind: 'discussion.posts', targetId: IDS.post } },
				response: {
					status: 200,
					body: { items: [{ ...REACTION, targetKind: 'discussion.posts', targetId: IDS.post }, { ...REACTION, id: 'reaction-2', emoji: '🎉' }] },
				},
			},
		],
		output: [{ ...REACTION, targetKind: 'discussion.posts', targetId: IDS.post }],
	},
	{
		name: 'Reaction Remove',
		parameters: { resource: 'reaction', operation: 'remove', reactionId: IDS.reaction },
		exchanges: [{ request: { method: 'DELETE', path: `/api/content/reactions/${IDS.reaction}` }, response: { status: 204 } }],
		output: [{ deleted: true, id: IDS.reaction }],
	},
];

describe('Request shapes: user, search and reactions', () => {
	runShapeCases(node, cases);
});
