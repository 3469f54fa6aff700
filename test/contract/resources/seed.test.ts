import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { startHub } from '../../hub';
import { LONG_CHAT_MESSAGES, LONG_THREAD_REPLIES } from '../../hub/resources/seed';
import { useResourceHub } from './helpers';

interface TopicBody {
	id: string;
	communityId: string;
	title: string;
	isPinned: boolean;
	isLocked: boolean;
	answeredPostId: string | null;
	replyCount: number;
	lastActivityAt: string;
	createdAt: string;
}

describe('seed data', () => {
	const suite = useResourceHub();
	let topics: TopicBody[];

	beforeAll(async () => {
		topics = (await suite.ada.call('GET', '/api/discussion/topics?pageSize=100')).body.items;
	});

	test('about thirty topics over several weeks, with distinct lastActivityAt, all in the past', () => {
		expect(topics.length).toBeGreaterThanOrEqual(28);
		const activity = topics.map((topic) => topic.lastActivityAt);
		expect(new Set(activity).size).toBe(activity.length);
		expect(activity.every((at) => Date.parse(at) <= suite.hub.clock.now())).toBe(true);
		const days = new Set(topics.map((topic) => topic.createdAt.slice(0, 10)));
		expect(days.size).toBeGreaterThanOrEqual(20);
		expect(new Set(topics.map((topic) => topic.title)).size).toBe(topics.length);
	});

	test('two communities; pinned, locked and answered topics; replies on most topics', async () => {
		const side = await suite.ada.call('GET', '/api/communities/n8n-node-makers');
		expect(side.status).toBe(200);
		expect(topics.some((topic) => topic.communityId === side.body.id)).toBe(true);
		expect(topics.some((topic) => topic.isPinned)).toBe(true);
		expect(topics.some((topic) => topic.isLocked)).toBe(true);
		expect(topics.some((topic) => topic.answeredPostId)).toBe(true);
		expect(topics.filter((topic) => topic.replyCount > 0).length).toBeGreaterThan(topics.length / 2);
		expect(Math.max(...topics.map((topic) => topic.replyCount))).toBe(LONG_THREAD_REPLIES);
	});

	test('reactions on seeded topics', async () => {
		const withReactions = await Promise.all(
			topics.slice(-8).map(async (topic) =>
				(await suite.ada.call('GET', `/api/content/reactions?targetKind=discussion.topics&targetId=${topic.id}`)).body.items.length,
			),
		);
		expect(withReactions.some((count) => count > 0)).toBe(true);
	});

	test('Ada has a long chat with Grace and a short one with Alan; Grace and Alan have none yet', async () => {
		const ada = (await suite.ada.call('GET', '/api/chat/dms')).body.chats;
		expect(ada.map((chat: { lastMessage: { seq: number } }) => chat.lastMessage.seq)).toEqual([LONG_CHAT_MESSAGES, 6]);
		expect(LONG_CHAT_MESSAGES).toBeGreaterThanOrEqual(120);
		const grace = (await suite.grace.call('GET', '/api/chat/dms')).body.chats;
		expect(grace.map((chat: { otherUserId: string }) => chat.otherUserId)).toEqual([suite.ada.id]);
	});

	test('notifications for every user; Ada has unread ones', async () => {
		for (const user of [suite.ada, suite.grace, suite.alan]) {
			expect((await user.call('GET', '/api/notifications')).body.total).toBeGreaterThan(0);
		}
		expect((await suite.ada.call('GET', '/api/notifications/unread-count')).body.count).toBeGreaterThan(0);
	});

	test('every hub seeds fresh ids', async () => {
		const other = await startHub();
		try {
			const token = other.info().users[0].apiToken;
			const response = await fetch(`${other.url}/api/communities/agentic-builders`, { headers: { Authorization: `Bearer ${token}` } });
			const community = (await response.json()) as { id: string };
			expect(community.id).not.toBe(suite.communityId);
		} finally {
			await other.close();
		}
	});

	test('resource data survives a restart with a state file, secrets included', async () => {
		const directory = mkdtempSync(join(tmpdir(), 'hub-resources-'));
		const stateFile = join(directory, 'state.json');
		try {
			const first = await startHub({ stateFile });
			const token = first.info().users[0].apiToken;
			const headers = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' };
			const community = (await (await fetch(`${first.url}/api/communities/agentic-builders`, { headers })).json()) as { id: string };
			const created = await fetch(`${first.url}/api/discussion/topics`, {
				method: 'POST',
				headers,
				body: JSON.stringify({ title: 'Kept across restarts', body: 'Still here', communityId: community.id }),
			});
			const topic = (await created.json()) as { id: string };
			await first.close();
			const second = await startHub({ stateFile });
			try {
				const again = await fetch(`${second.url}/api/discussion/topics/${topic.id}`, { headers });
				expect(again.status).toBe(200);
				expect(((await again.json()) as { title: string }).title).toBe('Kept across restarts');
				const connection = Object.values(second.state.data.connections)[0];
				expect(Object.keys(connection.secrets)).toEqual(['apiKey']);
			} finally {
				await second.close();
			}
		} finally {
			rmSync(directory, { recursive: true, force: true });
		}
	});
});
