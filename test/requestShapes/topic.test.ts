import { node, rl } from '../node/support';
import { COMMUNITY, IDS, post, simplifiedTopic, topic } from './fixtures';
import { type ShapeCase, runShapeCases } from './cases';

/** Topic and Post operations: what each sends and what it outputs. */
const cases: ShapeCase[] = [
	{
		name: 'Topic Get',
		parameters: { resource: 'topic', operation: 'get', topicId: rl(IDS.topic) },
		exchanges: [{ request: { method: 'GET', path: `/api/discussion/topics/${IDS.topic}` }, response: { status: 200, body: topic() } }],
		output: [simplifiedTopic()],
	},
	{
		name: 'Topic Get, by web URL, raw',
		parameters: { resource: 'topic', operation: 'get', topicId: rl(`https://agenticdeveloperhub.com/c/n8n-builders/t/${IDS.topic}`, 'url'), simplify: false },
		exchanges: [{ request: { method: 'GET', path: `/api/discussion/topics/${IDS.topic}` }, response: { status: 200, body: topic() } }],
		output: [topic()],
	},
	{
		name: 'Topic Get Many in a community by slug (Limit 2)',
		parameters: { resource: 'topic', operation: 'getAll', communityId: rl('n8n-builders', 'slug'), limit: 2 },
		exchanges: [
			{ request: { method: 'GET', path: '/api/communities/n8n-builders' }, response: { status: 200, body: COMMUNITY } },
			{
				request: { method: 'GET', path: '/api/discussion/topics', query: { communityId: IDS.community, page: '1', pageSize: '100' } },
				response: { status: 200, body: { items: [topic(), topic({ id: 'topic-2' }), topic({ id: 'topic-3' })] } },
			},
		],
		output: [simplifiedTopic(), simplifiedTopic({ id: 'topic-2' })],
	},
	{
		name: 'Topic Get Many of every community (Return All; a full page, then a short one)',
		parameters: { resource: 'topic', operation: 'getAll', returnAll: true, simplify: false },
		exchanges: [
			{
				request: { method: 'GET', path: '/api/discussion/topics', query: { page: '1', pageSize: '100' } },
				response: { status: 200, body: { items: Array.from({ length: 100 }, (_, index) => topic({ id: `topic-${index}` })) } },
			},
			{
				request: { method: 'GET', path: '/api/discussion/topics', query: { page: '2', pageSize: '100' } },
				response: { status: 200, body: { items: [topic({ id: 'topic-100' })] } },
			},
		],
		output: (items) => expect(items.map((item) => item.id)).toEqual(Array.from({ length: 101 }, (_, index) => `topic-${index}`)),
	},
	{
		name: 'Topic Get Many, Return All from a Hub that serves 30 per page although 100 were asked (no total)',
		parameters: { resource: 'topic', operation: 'getAll', returnAll: true, simplify: false },
		exchanges: [30, 30, 10].map((served, index) => ({
			request: { method: 'GET' as const, path: '/api/discussion/topics', query: { page: String(index + 1), pageSize: '100' } },
			response: { status: 200, body: { items: Array.from({ length: served }, (_, row) => topic({ id: `topic-${index}-${row}` })) } },
		})),
		output: (items) => expect(items).toHaveLength(70),
	},
	{
		name: 'Post Get Many, Return All: a short first page is confirmed by one more request, a shorter one ends the list',
		parameters: { resource: 'post', operation: 'getAll', topicId: rl(IDS.topic), returnAll: true, simplify: false },
		exchanges: [
			{
				request: { method: 'GET', path: `/api/discussion/topics/${IDS.topic}/posts`, query: { page: '1', pageSize: '100' } },
				response: { status: 200, body: { items: [post({ id: IDS.opening, postNumber: 1 }), post()] } },
			},
			{
				request: { method: 'GET', path: `/api/discussion/topics/${IDS.topic}/posts`, query: { page: '2', pageSize: '100' } },
				response: { status: 200, body: { items: [post({ id: 'post-3', postNumber: 3 })] } },
			},
		],
		output: [post({ id: IDS.opening, postNumber: 1 }), post(), post({ id: 'post-3', postNumber: 3 })],
	},
	{
		name: 'Topic Create with a category, not public',
		parameters: {
			resource: 'topic',
			operation: 'create',
			communityId: rl(IDS.community, 'id'),
			title: 'Release notes',
			body: 'Version 2 is out',
			additionalFields: { categoryId: IDS.category, isPublic: false },
		},
		exchanges: [
			{
				request: {
					method: 'POST',
					path: '/api/discussion/topics',
					body: { title: 'Release notes', body: 'Version 2 is out', communityId: IDS.community, categoryId: IDS.category, isPublic: false },
				},
				response: { status: 201, body: topic({ title: 'Release notes', categoryId: IDS.category, isPublic: false, replyCount: 0 }) },
			},
		],
		output: [topic({ title: 'Release notes', categoryId: IDS.category, isPublic: false, replyCount: 0 })],
	},
	{
		name: 'Topic Update: title, pin, lock and the answer',
		parameters: {
			resource: 'topic',
			operation: 'update',
			topicId: rl(IDS.topic),
			updateFields: { title: 'Solved: webhook retries', isPinned: true, isLocked: true, answeredPostId: IDS.post },
		},
		exchanges: [
			{
				request: {
					method: 'PUT',
					path: `/api/discussion/topics/${IDS.topic}`,
					body: { title: 'Solved: webhook retries', isPinned: true, isLocked: true, answeredPostId: IDS.post },
				},
				response: { status: 200, body: topic({ title: 'Solved: webhook retries', isPinned: true, isLocked: true, answeredPostId: IDS.post }) },
			},
		],
		output: [topic({ title: 'Solved: webhook retries', isPinned: true, isLocked: true, answeredPostId: IDS.post })],
	},
	{
		name: 'Topic Update: clear the answer (answeredPostId: null)',
		parameters: { resource: 'topic', operation: 'update', topicId: rl(IDS.topic), updateFields: { clearAnswer: true } },
		exchanges: [
			{
				request: { method: 'PUT', path: `/api/discussion/topics/${IDS.topic}`, body: { answeredPostId: null } },
				response: { status: 200, body: topic() },
			},
		],
		output: [topic()],
	},
	{
		name: 'Topic Delete',
		parameters: { resource: 'topic', operation: 'delete', topicId: rl(IDS.topic) },
		exchanges: [{ request: { method: 'DELETE', path: `/api/discussion/topics/${IDS.topic}` }, response: { status: 204 } }],
		output: [{ deleted: true, id: IDS.topic }],
	},
	{
		name: 'Post Get Many (Limit 1, raw)',
		parameters: { resource: 'post', operation: 'getAll', topicId: rl(IDS.topic), limit: 1, simplify: false },
		exchanges: [
			{
				request: { method: 'GET', path: `/api/discussion/topics/${IDS.topic}/posts`, query: { page: '1', pageSize: '100' } },
				response: { status: 200, body: { items: [post({ id: IDS.opening, postNumber: 1 }), post()] } },
			},
		],
		output: [post({ id: IDS.opening, postNumber: 1 })],
	},
	{
		name: 'Post Get Many (Return All, simplified)',
		parameters: { resource: 'post', operation: 'getAll', topicId: rl(IDS.topic), returnAll: true },
		exchanges: [
			{
				request: { method: 'GET', path: `/api/discussion/topics/${IDS.topic}/posts`, query: { page: '1', pageSize: '100' } },
				response: { status: 200, body: { items: [post()] } },
			},
			{
				request: { method: 'GET', path: `/api/discussion/topics/${IDS.topic}/posts`, query: { page: '2', pageSize: '100' } },
				response: { status: 200, body: { items: [] } },
			},
		],
		output: [
			{ id: IDS.post, topicId: IDS.topic, parentPostId: null, postNumber: 2, customerId: IDS.other, content: 'Use exponential backoff', createdAt: post().createdAt },
		],
	},
	{
		name: 'Post Reply to a post',
		parameters: { resource: 'post', operation: 'reply', topicId: rl(IDS.topic), body: 'Thanks!', parentPostId: rl(IDS.post) },
		exchanges: [
			{
				request: { method: 'POST', path: `/api/discussion/topics/${IDS.topic}/posts`, body: { body: 'Thanks!', parentPostId: IDS.post } },
				response: { status: 201, body: post({ id: 'reply-1', postNumber: 3, parentPostId: IDS.post, content: 'Thanks!', customerId: IDS.user }) },
			},
		],
		output: [post({ id: 'reply-1', postNumber: 3, parentPostId: IDS.post, content: 'Thanks!', customerId: IDS.user })],
	},
	{
		name: 'Post Delete',
		parameters: { resource: 'post', operation: 'delete', postId: rl(IDS.post) },
		exchanges: [{ request: { method: 'DELETE', path: `/api/discussion/posts/${IDS.post}` }, response: { status: 204 } }],
		output: [{ deleted: true, id: IDS.post }],
	},
];

describe('Request shapes: topics and posts', () => {
	runShapeCases(node, cases);
});
