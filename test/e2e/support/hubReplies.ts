import type { E2eSession } from './session';

/* Reading a topic's replies straight from the sandbox Hub, as Ada: what the queue tests count. */

export interface HubPost {
	id: string;
	postNumber: number;
	content: string;
}

export function hubReader(session: E2eSession) {
	async function hubGet<T>(path: string): Promise<T> {
		const response = await fetch(`${session.hub.url}${path}`, { headers: { Authorization: `Bearer ${session.user('ada@example.com').apiToken}` } });
		if (!response.ok) throw new Error(`GET ${path} answered ${response.status}`);
		return (await response.json()) as T;
	}

	/** The topic's replies (the opening post excluded). */
	async function repliesIn(topicId: string): Promise<HubPost[]> {
		const posts: HubPost[] = [];
		for (let page = 1; ; page++) {
			const { items } = await hubGet<{ items: HubPost[] }>(`/api/discussion/topics/${topicId}/posts?page=${page}&pageSize=100`);
			posts.push(...items);
			if (items.length < 100) break;
		}
		return posts.filter((post) => post.postNumber > 1);
	}

	/** The replies once at least `count` have arrived (within two minutes). */
	async function repliesArrived(topicId: string, count: number): Promise<HubPost[]> {
		const deadline = Date.now() + 120000;
		for (;;) {
			const replies = await repliesIn(topicId);
			if (replies.length >= count) return replies;
			if (Date.now() > deadline) throw new Error(`only ${replies.length} replies arrived`);
			await new Promise((resolve) => setTimeout(resolve, 100));
		}
	}

	/** A new topic of Ada's in the seeded community, made at the Hub (not through n8n). */
	async function newTopic(title: string): Promise<{ id: string }> {
		const { id: communityId } = await hubGet<{ id: string }>('/api/communities/agentic-builders');
		const { items } = await session.hub.control('POST', '/__sandbox/activity/topics', { user: 'ada@example.com', communityId, title, body: 'Replies follow.' });
		return (items as Array<{ id: string }>)[0];
	}

	return { hubGet, newTopic, repliesIn, repliesArrived };
}

/** How many replies at the Hub carry each text (`textOf` trims what a workflow appends). */
export function copiesByText(replies: HubPost[], textOf = (content: string) => content): Map<string, number> {
	const copies = new Map<string, number>();
	for (const reply of replies) copies.set(textOf(reply.content), (copies.get(textOf(reply.content)) ?? 0) + 1);
	return copies;
}
