import { loadOptionsProbe, rl } from '../node/support';
import { BLUESKY, CATEGORY, CHAT_SUMMARY, COMMUNITY, connection, ECOSYSTEMS, FOUND_POST, FOUND_TOPIC, GITHUB, IDS, notification, post, PROVIDER, searchAnswer, T0, T2, topic } from './fixtures';
import { runPickerCases, type PickerCase } from './cases';
import type { Exchange } from './support';

/** The list-search ("From List") and load-options (dropdown) methods of the action node. */
const topicsPage = (page: number, query: Record<string, string>, items: unknown[]): Exchange => ({
	request: { method: 'GET', path: '/api/discussion/topics', query: { ...query, page: String(page), pageSize: '100' } },
	response: { status: 200, body: { items } },
});
const listEcosystems: Exchange = { request: { method: 'GET', path: '/api/ecosystem/ecosystems' }, response: { status: 200, body: ECOSYSTEMS } };
const bySlug: Exchange = { request: { method: 'GET', path: '/api/communities/n8n-builders' }, response: { status: 200, body: COMMUNITY } };
const providers: Exchange = { request: { method: 'GET', path: '/api/integrations/providers' }, response: { status: 200, body: { providers: [PROVIDER, BLUESKY, GITHUB] } } };

const cases: PickerCase[] = [
	{
		name: 'searchTopics: every community, newest activity first',
		method: 'searchTopics',
		// A short page is no proof of the end (the Hub may serve fewer than asked): an empty one is.
		exchanges: [topicsPage(1, {}, [topic(), topic({ id: 'topic-2', title: 'Second' })]), topicsPage(2, {}, [])],
		result: { results: [{ name: 'Webhook retries', value: IDS.topic }, { name: 'Second', value: 'topic-2' }] },
	},
	{
		name: 'searchTopics: a full picker page offers the next',
		method: 'searchTopics',
		exchanges: [topicsPage(1, {}, Array.from({ length: 100 }, (_, index) => topic({ id: `topic-${index}`, title: `Topic ${index}` })))],
		result: { results: Array.from({ length: 100 }, (_, index) => ({ name: `Topic ${index}`, value: `topic-${index}` })), paginationToken: '2' },
	},
	{
		name: 'searchTopics: a typed filter searches the Hub (slim results: titles only)',
		method: 'searchTopics',
		filter: 'webhook',
		exchanges: [
			{
				request: { method: 'GET', path: '/api/search/discussions', query: { q: 'webhook', type: 'topics', page: '1', pageSize: '100' } },
				response: { status: 200, body: searchAnswer({ topics: [FOUND_TOPIC] }) },
			},
		],
		result: { results: [{ name: 'Webhook retries', value: IDS.topic }] },
	},
	{
		name: 'searchTopics: a filter within the node\'s community (by slug) filters the community\'s topics',
		method: 'searchTopics',
		parameters: { resource: 'topic', operation: 'getAll', communityId: rl('n8n-builders', 'slug') },
		filter: 'RETRIES',
		exchanges: [
			bySlug,
			topicsPage(1, { communityId: IDS.community }, [topic({ id: 'topic-x', title: 'Unrelated' })]),
			topicsPage(2, { communityId: IDS.community }, [topic()]),
			topicsPage(3, { communityId: IDS.community }, []),
		],
		result: { results: [{ name: 'Webhook retries', value: IDS.topic }] },
	},
	{
		name: 'searchTopics: a filter within a community reads at most five pages per call, then offers the next',
		method: 'searchTopics',
		parameters: { resource: 'topic', operation: 'getAll', communityId: rl(IDS.community) },
		filter: 'nothing like this',
		exchanges: [1, 2, 3, 4, 5].map((page) => topicsPage(page, { communityId: IDS.community }, [topic({ id: `topic-${page}` })])),
		result: { results: [], paginationToken: '6' },
	},
	{
		name: 'searchTopics: the last page of the community\'s topics ends the list',
		method: 'searchTopics',
		parameters: { resource: 'topic', operation: 'getAll', communityId: rl(IDS.community) },
		paginationToken: '3',
		exchanges: [topicsPage(3, { communityId: IDS.community }, [])],
		result: { results: [] },
	},
	{
		name: 'searchPosts: the node\'s topic\'s posts, labelled by number and text (or number alone)',
		method: 'searchPosts',
		parameters: { resource: 'post', operation: 'reply', topicId: rl(IDS.topic) },
		exchanges: [
			{
				request: { method: 'GET', path: `/api/discussion/topics/${IDS.topic}/posts`, query: { page: '1', pageSize: '100' } },
				response: { status: 200, body: { items: [post({ id: IDS.opening, postNumber: 1, content: null }), post()] } },
			},
			{
				request: { method: 'GET', path: `/api/discussion/topics/${IDS.topic}/posts`, query: { page: '2', pageSize: '100' } },
				response: { status: 200, body: { items: [] } },
			},
		],
		result: { results: [{ name: '#1', value: IDS.opening }, { name: '#2: Use exponential backoff', value: IDS.post }] },
	},
	{
		name: 'searchPosts: without a topic, a filter searches posts and labels them by their topic\'s title',
		method: 'searchPosts',
		parameters: { resource: 'post', operation: 'delete' },
		filter: 'backoff',
		exchanges: [
			{
				request: { method: 'GET', path: '/api/search/discussions', query: { q: 'backoff', type: 'posts', page: '1', pageSize: '20' } },
				response: { status: 200, body: { ...searchAnswer({ posts: [FOUND_POST, { ...FOUND_POST, id: 'post-3', postNumber: 3 }] }, { postsHasMore: true }), pageSize: 20 } },
			},
			{ request: { method: 'GET', path: `/api/discussion/topics/${IDS.topic}` }, response: { status: 200, body: topic() } },
		],
		result: {
			results: [
				{ name: '#2 in "Webhook retries"', value: IDS.post },
				{ name: '#3 in "Webhook retries"', value: 'post-3' },
			],
			paginationToken: '2',
		},
	},
	{
		name: 'searchChats',
		method: 'searchChats',
		exchanges: [
			{ request: { method: 'GET', path: '/api/chat/dms', query: { page: '1', pageSize: '100' } }, response: { status: 200, body: { chats: [CHAT_SUMMARY], total: 1, page: 1, pageSize: 100 } } },
		],
		result: { results: [{ name: `Chat with user ${IDS.other}: "Lunch at noon?" (1 unread)`, value: IDS.chat }] },
	},
	{
		name: 'searchNotifications: newest first by createdAt',
		method: 'searchNotifications',
		exchanges: [
			{
				request: { method: 'GET', path: '/api/notifications', query: { page: '1', pageSize: '100' } },
				response: {
					status: 200,
					body: { items: [notification({ id: 'old', title: 'Old', createdAt: T0 }), notification({ id: 'new', title: 'New', category: 'project_due', isRead: true, createdAt: T2 })], total: 2, page: 1, pageSize: 100 },
				},
			},
		],
		result: { results: [{ name: 'New (project_due, read)', value: 'new' }, { name: 'Old (community_reply, unread)', value: 'old' }] },
	},
	{
		name: 'searchConnections: of the default ecosystem, looked up first',
		method: 'searchConnections',
		parameters: { resource: 'integration', operation: 'sync' },
		exchanges: [
			listEcosystems,
			{ request: { method: 'GET', path: '/api/integrations', query: { ecosystemId: IDS.ecosystem } }, response: { status: 200, body: { connections: [connection()] } } },
		],
		result: { results: [{ name: 'Twilio (AC123) (twilio, active)', value: IDS.connection }] },
	},
	{
		name: 'searchConnections: of the ecosystem the node names',
		method: 'searchConnections',
		parameters: { resource: 'integration', operation: 'performAction', ecosystemId: rl(IDS.otherEcosystem) },
		exchanges: [{ request: { method: 'GET', path: '/api/integrations', query: { ecosystemId: IDS.otherEcosystem } }, response: { status: 200, body: { connections: [] } } }],
		result: { results: [] },
	},
	{
		name: 'searchEcosystems',
		method: 'searchEcosystems',
		exchanges: [listEcosystems],
		result: { results: [{ name: 'Acme', value: IDS.otherEcosystem }, { name: 'Personal (default)', value: IDS.ecosystem }] },
	},
	{
		name: 'getCategories (load options) of the node\'s community, by slug',
		method: 'getCategories',
		parameters: { resource: 'topic', operation: 'create', communityId: rl('n8n-builders', 'slug') },
		exchanges: [
			bySlug,
			{ request: { method: 'GET', path: `/api/communities/${IDS.community}/categories` }, response: { status: 200, body: { items: [CATEGORY] } } },
		],
		result: { results: [{ name: 'Announcements', value: IDS.category }] },
	},
	{
		name: 'getProviders (load options) of the chosen connection type',
		method: 'getProviders',
		parameters: { resource: 'integration', operation: 'connect', connectionType: 'app_password' },
		exchanges: [providers],
		result: { results: [{ name: 'Bluesky', value: 'bluesky', description: 'Post to Bluesky' }] },
	},
	{
		name: 'getProviders (load options) of Get Install URL: the GitHub App providers (its hidden connection type)',
		method: 'getProviders',
		parameters: { resource: 'integration', operation: 'getInstallUrl', connectionType: 'github_app' },
		exchanges: [providers],
		result: { results: [{ name: 'GitHub', value: 'github', description: 'Issues and pull requests' }] },
	},
	{
		name: 'getServiceTypes (load options) of the chosen provider',
		method: 'getServiceTypes',
		parameters: { resource: 'integration', operation: 'connect', providerId: 'twilio' },
		exchanges: [providers],
		result: { results: [{ name: 'sms', value: 'sms' }] },
	},
];

describe('Request shapes: pickers (list search and load options)', () => {
	runPickerCases(loadOptionsProbe, cases);
});
