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

	return { hubGet, repliesIn, repliesArrived };
}
