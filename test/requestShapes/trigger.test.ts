import type { IDataObject, INodeParameters } from 'n8n-workflow';
import { AgenticDeveloperHubTrigger } from '../../nodes/AgenticDeveloperHub/AgenticDeveloperHubTrigger.node';
import { rl } from '../node/support';
import { CHAT_SUMMARY, COMMUNITY, DM_MESSAGE, IDS, notification, post, T0, T1, T2, topic } from './fixtures';
import { useShapeHarness, type Exchange } from './support';

/** The trigger's requests: activation (remembers the position), then a poll that finds one new item. */
const trigger = new AgenticDeveloperHubTrigger();
const get = (path: string, query: Record<string, string | string[]>, body: unknown): Exchange => ({
	request: { method: 'GET', path, query },
	response: { status: 200, body },
});
const notifications = (items: unknown[]) => ({ items, total: items.length, page: 1, pageSize: 5 });
const chats = (items: unknown[]) => ({ chats: items, total: items.length, page: 1, pageSize: 5 });

interface TriggerCase {
	name: string;
	parameters: INodeParameters;
	/** Activation's requests, then the next poll's. */
	exchanges: Exchange[];
	/** What the second poll emits. */
	emitted: IDataObject[];
}

const oldest = notification({ id: 'n-oldest', createdAt: T0 });
const seen = notification({ id: 'n-seen', createdAt: T1 });
const newer = notification({ id: 'n-new', category: 'project_status', createdAt: T2 });
const newerTopic = topic({ id: 'topic-new', title: 'New one', createdAt: T2, lastActivityAt: T2 });
const reply = post({ id: 'post-3', postNumber: 3, createdAt: T2 });
const newMessage = { ...DM_MESSAGE, id: 'message-4', seq: 4, body: 'Still on?', dateSent: T2 };

const cases: TriggerCase[] = [
	{
		name: 'New Notification with categories (the ten of the published enum)',
		parameters: { event: 'newNotification', categories: ['project_status', 'community_reply'] },
		exchanges: [
			get('/api/notifications', { page: '1', pageSize: '5', category: ['community_reply', 'project_status'] }, notifications([oldest, seen])),
			// Oldest first: the published types state no order, so the trigger sorts by createdAt itself
			// (read in this order, the row older than the mark would end the scan before the new one).
			get('/api/notifications', { page: '1', pageSize: '6', category: ['community_reply', 'project_status'] }, notifications([oldest, seen, newer])),
		],
		emitted: [newer],
	},
	{
		name: 'New Topic in a community named by slug',
		parameters: { event: 'newTopic', communityId: rl('n8n-builders', 'slug') },
		exchanges: [
			get('/api/communities/n8n-builders', {}, COMMUNITY),
			get('/api/discussion/topics', { communityId: IDS.community, page: '1', pageSize: '5' }, { items: [topic()] }),
			get('/api/discussion/topics', { communityId: IDS.community, page: '1', pageSize: '6' }, { items: [newerTopic, topic()] }),
		],
		emitted: [newerTopic],
	},
	{
		name: 'New Reply in Topic',
		parameters: { event: 'newReply', topicId: rl(IDS.topic) },
		exchanges: [
			get(`/api/discussion/topics/${IDS.topic}`, {}, topic()),
			get(`/api/discussion/topics/${IDS.topic}/posts`, { page: '1', pageSize: '5' }, { items: [post({ id: IDS.opening, postNumber: 1, createdAt: T0 }), post()] }),
			get(`/api/discussion/topics/${IDS.topic}/posts`, { page: '1', pageSize: '5' }, { items: [post({ id: IDS.opening, postNumber: 1, createdAt: T0 }), post(), reply] }),
		],
		emitted: [reply],
	},
	{
		name: 'New Direct Message',
		parameters: { event: 'newDirectMessage' },
		exchanges: [
			get('/api/chat/dms', { page: '1', pageSize: '5' }, chats([CHAT_SUMMARY])),
			get('/api/chat/dms', { page: '1', pageSize: '6' }, chats([{ ...CHAT_SUMMARY, lastMessage: { ...CHAT_SUMMARY.lastMessage, id: 'message-4', seq: 4, dateSent: T2 }, unreadCount: 2 }])),
			get(`/api/chat/dms/${IDS.chat}/messages`, { page: '1', pageSize: '2' }, { items: [{ ...DM_MESSAGE, dateSent: T1 }, newMessage], total: 4, page: 1, pageSize: 2 }),
		],
		emitted: [newMessage],
	},
];

describe('Request shapes: the trigger', () => {
	const shapes = useShapeHarness();
	let node = 0;

	it.each(cases.map((triggerCase) => [triggerCase.name, triggerCase] as const))('%s', async (_name, { parameters, exchanges, emitted }) => {
		const nodeName = `Shapes trigger ${++node}`;
		const poll = async () => await shapes.harness.poll(trigger, { parameters: { authentication: 'apiToken', ...parameters }, nodeName });
		const [activation, next] = await shapes.exchange(exchanges, async () => [await poll(), await poll()]);
		expect(activation).toBeNull();
		expect(next?.[0].map((item) => item.json)).toEqual(emitted);
	});
});
