import type { IDataObject, INodeParameters } from 'n8n-workflow';
import type { Harness } from '../../harness';
import { controlRequest } from '../../hub/testing';

export const ADA = 'ada@example.com';
export const GRACE = 'grace@example.com';
export const ALAN = 'alan@example.com';

/** The control API creates at most this many items per call. */
const CONTROL_MAX_COUNT = 500;

/**
 * One trigger event as the shared behaviour tests drive it: its parameters, how another user
 * makes the items it must emit, and which request a fault should hit to break a poll halfway.
 */
export interface EventScenario {
	title: string;
	parameters: INodeParameters;
	/** Items that must come out of the trigger, in creation order (other people's activity). */
	create(count: number, label: string): Promise<IDataObject[]>;
	/** A burst of this many needs more than one page. */
	largerThanAPage: number;
	/** Items of one group keep their order; groups may interleave (DMs: one group per chat). */
	groupOf(item: IDataObject): string;
	/** The fault that breaks the poll's second request: the path, and how many matching requests pass first. */
	secondRequest: { path: string; passFirst: number };
}

async function createInBatches(
	harness: Harness,
	path: string,
	body: IDataObject,
	count: number,
): Promise<IDataObject[]> {
	const items: IDataObject[] = [];
	for (let done = 0; done < count; done += CONTROL_MAX_COUNT) {
		const batch = Math.min(CONTROL_MAX_COUNT, count - done);
		const created = await controlRequest<{ items: IDataObject[] }>(harness.hub, 'POST', path, { ...body, count: batch });
		items.push(...created.items);
	}
	return items;
}

function communityIdBySlug(harness: Harness, slug: string): string {
	const community = Object.values(harness.hub.state.data.communities).find((candidate) => candidate.slug === slug);
	if (!community) throw new Error(`The sandbox has no community ${slug}`);
	return community.id;
}

/** The seeded topic with the longest thread (several pages of posts). */
export function longThreadTopicId(harness: Harness): string {
	const topics = Object.values(harness.hub.state.data.topics);
	return topics.reduce((longest, topic) => (topic.replyCount > longest.replyCount ? topic : longest)).id;
}

export function notificationScenario(harness: Harness, authentication = 'apiToken'): EventScenario {
	return {
		title: 'New Notification',
		parameters: { authentication, event: 'newNotification' },
		create: async (count, label) =>
			await createInBatches(
				harness,
				'/__sandbox/activity/notifications',
				{ user: ADA, category: 'community_reply', title: label, actor: GRACE },
				count,
			),
		largerThanAPage: 150,
		groupOf: () => '',
		secondRequest: { path: '/api/notifications', passFirst: 1 },
	};
}

/** Topics in "n8n Node Makers", where Grace is the admin; the trigger names the community by slug. */
export function topicScenario(harness: Harness, authentication = 'apiToken'): EventScenario {
	const communityId = communityIdBySlug(harness, 'n8n-node-makers');
	return {
		title: 'New Topic',
		parameters: {
			authentication,
			event: 'newTopic',
			communityId: { __rl: true, mode: 'slug', value: 'n8n-node-makers' },
		},
		create: async (count, label) =>
			await createInBatches(
				harness,
				'/__sandbox/activity/topics',
				{ user: GRACE, communityId, title: label, body: `Body of ${label}` },
				count,
			),
		largerThanAPage: 150,
		groupOf: () => '',
		secondRequest: { path: '/api/discussion/topics', passFirst: 1 },
	};
}

/** Replies in the seeded long thread (hundreds of posts, many pages). */
export function replyScenario(harness: Harness, authentication = 'apiToken'): EventScenario {
	const topicId = longThreadTopicId(harness);
	return {
		title: 'New Reply in Topic',
		parameters: { authentication, event: 'newReply', topicId: { __rl: true, mode: 'id', value: topicId } },
		create: async (count, label) =>
			await createInBatches(harness, '/__sandbox/activity/posts', { user: GRACE, topicId, body: label }, count),
		largerThanAPage: 150,
		groupOf: () => '',
		secondRequest: { path: `/api/discussion/topics/${topicId}/posts`, passFirst: 1 },
	};
}

/**
 * Messages to Ada from Grace (two thirds) and Alan (one third), in two chats; each burst also
 * has one message from Ada herself, which the trigger must not emit.
 */
export function directMessageScenario(harness: Harness, authentication = 'apiToken'): EventScenario {
	const send = async (user: string, recipient: string, count: number, label: string) =>
		count === 0
			? []
			: await createInBatches(harness, '/__sandbox/activity/messages', { user, recipient, body: label }, count);
	return {
		title: 'New Direct Message',
		parameters: { authentication, event: 'newDirectMessage' },
		create: async (count, label) => {
			const fromAlan = Math.floor(count / 3);
			const fromGrace = await send(GRACE, ADA, count - fromAlan, label);
			await send(ADA, GRACE, count > 0 ? 1 : 0, `${label} (Ada's own)`);
			return [...fromGrace, ...(await send(ALAN, ADA, fromAlan, label))];
		},
		largerThanAPage: 300,
		groupOf: (item) => String(item.chatId),
		// The chat list passes; reading a chat's messages fails.
		secondRequest: { path: '/api/chat/dms/*/messages', passFirst: 0 },
	};
}

export const SCENARIOS = {
	'New Notification': notificationScenario,
	'New Topic': topicScenario,
	'New Reply in Topic': replyScenario,
	'New Direct Message': directMessageScenario,
};
