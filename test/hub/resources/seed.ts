import type { Hub } from '../hub';
import type { AuthState } from '../oauth/state';
import type { UserRecord } from '../state';
import { appendMessage, createNotificationIn, createPostIn, createTopicIn, openChat } from './activity';
import { PROVIDERS, seedEcosystems } from './catalog';
import {
	DIRECT_MESSAGES,
	EMOJIS,
	MAIN_CATEGORIES,
	MAIN_COMMUNITY,
	MAIN_TOPICS,
	REPLIES,
	SIDE_CATEGORIES,
	SIDE_COMMUNITY,
	SIDE_TOPICS,
} from './seed-content';
import { emptyResourceState, type NotificationCategory, type ResourceState, type Post, type Topic } from './state';
import { ecosystemOfTarget, iso, type World } from './world';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** The thread long enough to span three pages at the maximum pageSize of 100. */
export const LONG_THREAD_REPLIES = 260;
/** The Ada-Grace chat, long enough for several message pages. */
export const LONG_CHAT_MESSAGES = 125;

interface Cast {
	ada: UserRecord;
	grace: UserRecord;
	alan: UserRecord;
}

function castOf(auth: AuthState): Cast {
	const byEmail = (email: string) => {
		const user = Object.values(auth.users).find((candidate) => candidate.email === email);
		if (!user) throw new Error(`seedResources needs the seeded user ${email}`);
		return user;
	};
	return { ada: byEmail('ada@example.com'), grace: byEmail('grace@example.com'), alan: byEmail('alan@example.com') };
}

function addCommunity(
	world: World,
	community: typeof MAIN_COMMUNITY,
	categories: Array<{ slug: string; name: string }>,
	adminId: string,
): Record<string, string> {
	const id = world.newId();
	const ecosystemId = world.data.ecosystems.find((ecosystem) => ecosystem.isDefault)!.id;
	world.data.communities[id] = { id, ...community, adminUserIds: [adminId], ecosystemId };
	const categoryIds: Record<string, string> = { '': id };
	const at = iso(world.now - 60 * DAY);
	categories.forEach((category, index) => {
		const categoryId = world.newId();
		world.data.categories[categoryId] = {
			id: categoryId,
			communityId: id,
			description: null,
			displayOrder: index + 1,
			isPublic: community.isPublic,
			isArchived: false,
			createdAt: at,
			updatedAt: at,
			...category,
		};
		categoryIds[category.slug] = categoryId;
	});
	return categoryIds;
}

/** Topics spread over the last weeks, each with a few replies; the first gets the long thread. */
interface TopicPlan {
	topics: Array<[string, string, string]>;
	categoryIds: Record<string, string>;
	authorId: string;
	repliers: string[];
	firstDayAgo: number;
	longThread: boolean;
}

function seedTopics(world: World, base: number, plan: TopicPlan): { topics: Topic[]; posts: Post[] } {
	const { categoryIds, authorId, repliers, firstDayAgo } = plan;
	const created: Topic[] = [];
	const replies: Post[] = [];
	plan.topics.forEach(([category, title, body], index) => {
		world.now = base - (firstDayAgo - index) * DAY + index * 7 * MINUTE;
		const topic = createTopicIn(world, { authorId, communityId: categoryIds[''], categoryId: categoryIds[category], title, body });
		created.push(topic);
		const count = index === 0 && plan.longThread ? LONG_THREAD_REPLIES : (index * 5) % 7;
		const spacing = index === 0 ? 5 * MINUTE : 53 * MINUTE + index * 1000;
		for (let n = 0; n < count; n++) {
			world.now += spacing;
			const parentPostId = n % 4 === 3 ? replies[replies.length - 1].id : undefined;
			const reply = createPostIn(world, {
				authorId: repliers[(index + n) % repliers.length],
				topicId: topic.id,
				body: count > 20 ? `${REPLIES[n % REPLIES.length]} (reply ${n + 1})` : REPLIES[(index + n) % REPLIES.length],
				parentPostId,
			});
			replies.push(reply);
		}
	});
	return { topics: created, posts: replies };
}

function seedReactions(world: World, topics: Topic[], posts: Post[], users: string[]): void {
	const at = world.now;
	const targets = [
		...topics.slice(0, 8).map((topic) => ({ kind: 'discussion.topics' as const, id: topic.id })),
		...posts.filter((_, index) => index % 9 === 0).map((post) => ({ kind: 'discussion.posts' as const, id: post.id })),
	];
	targets.forEach((target, index) => {
		users.slice(0, (index % users.length) + 1).forEach((customerId, n) => {
			const id = world.newId();
			world.data.reactions[id] = {
				id,
				customerId,
				ecosystemId: ecosystemOfTarget(world.data, target.kind, target.id),
				targetKind: target.kind,
				targetId: target.id,
				emoji: EMOJIS[(index + n) % EMOJIS.length],
				createdAt: iso(at - (targets.length - index) * HOUR + n * MINUTE),
			};
		});
	});
}

function seedChat(world: World, from: string, to: string, count: number, start: number, readUpTo: number): void {
	world.now = start;
	const { chat } = openChat(world, from, to);
	for (let n = 0; n < count; n++) {
		world.now += 17 * MINUTE;
		appendMessage(world, chat, n % 2 === 0 ? from : to, DIRECT_MESSAGES[n % DIRECT_MESSAGES.length]);
	}
	// Leave the last few unread for `from` so unread counts are visible.
	chat.readSeq[from] = Math.min(readUpTo, count);
	chat.readSeq[to] = count;
}

const ADA_NOTIFICATIONS: Array<[NotificationCategory, string, 'read' | 'archived' | 'unread']> = [
	['account', 'Your personal API token was created', 'archived'],
	['admin_announcement', 'Scheduled maintenance on Saturday 06:00 UTC', 'read'],
	['community_reply', 'Grace Hopper replied to "Welcome to Agentic Builders: read this first"', 'read'],
	['community_mention', 'Alan Turing mentioned you in "Webhook signature verification fails behind a proxy"', 'archived'],
	['direct_message', 'New message from Grace Hopper', 'read'],
	['community_reply', 'Alan Turing replied to "Long-running agent loop: share your retry strategies"', 'unread'],
	['account', 'A new app was authorized: Sandbox n8n', 'unread'],
	['community_mention', 'Grace Hopper mentioned you in "Recipe: nightly digest of unread notifications"', 'unread'],
	['admin_announcement', 'Community call on Thursday: agent evaluation', 'unread'],
	['direct_message', 'New message from Alan Turing', 'unread'],
];

function seedNotifications(world: World, base: number, { ada, grace, alan }: Cast): void {
	ADA_NOTIFICATIONS.forEach(([category, title, state], index) => {
		world.now = base - (ADA_NOTIFICATIONS.length - index) * 5 * HOUR;
		const actorId = /Grace/.test(title) ? grace.id : /Alan/.test(title) ? alan.id : null;
		const created = createNotificationIn(world, { userId: ada.id, category, title, actorId });
		const record = world.data.notifications[created.id];
		if (state !== 'unread') {
			record.isRead = true;
			record.readAt = iso(world.now + 30 * MINUTE);
		}
		if (state === 'archived') record.status = 'archived';
	});
	world.now = base - 3 * HOUR;
	createNotificationIn(world, { userId: grace.id, category: 'direct_message', title: 'New message from Ada Lovelace', actorId: ada.id });
	createNotificationIn(world, { userId: alan.id, category: 'community_reply', title: 'Ada Lovelace replied to your post', actorId: ada.id });
}

function seedIntegrations(world: World, base: number, ada: UserRecord): void {
	const { data } = world;
	data.providers = PROVIDERS.map((provider) => structuredClone(provider));
	const id = world.newId();
	data.connections[id] = {
		id,
		provider: 'mailgun',
		serviceType: 'email',
		status: 'active',
		displayName: 'Mailgun (mg.ada.example.com)',
		username: 'mg.ada.example.com',
		externalAccountId: 'mg.ada.example.com',
		lastSyncAt: iso(base - 2 * HOUR),
		lastError: null,
		createdAt: iso(base - 20 * DAY),
		userId: ada.id,
		ecosystemId: data.ecosystems[0].id,
		secrets: { apiKey: `key-${world.newId().replace(/-/g, '')}` },
		disconnectedAt: null,
	};
}

/** Fresh resource data around the seeded users, timestamped relative to the hub's clock. */
export function seedResources(hub: Hub, auth: AuthState): ResourceState {
	const base = hub.clock.now();
	const cast = castOf(auth);
	const { ada, grace, alan } = cast;
	const world: World = { data: emptyResourceState(), users: auth.users, newId: () => hub.newId(), now: base };
	// First: communities, notifications and connections each belong to an ecosystem.
	world.data.ecosystems = seedEcosystems(world.newId, ada.id, iso(base - 90 * DAY));
	const main = addCommunity(world, MAIN_COMMUNITY, MAIN_CATEGORIES, ada.id);
	const side = addCommunity(world, SIDE_COMMUNITY, SIDE_CATEGORIES, grace.id);
	const everyone = [ada.id, grace.id, alan.id];
	const mainSeed = seedTopics(world, base, {
		topics: MAIN_TOPICS,
		categoryIds: main,
		authorId: ada.id,
		repliers: [grace.id, alan.id, ada.id],
		firstDayAgo: 30,
		longThread: true,
	});
	const sideSeed = seedTopics(world, base, {
		topics: SIDE_TOPICS,
		categoryIds: side,
		authorId: grace.id,
		repliers: [alan.id, grace.id],
		firstDayAgo: 6,
		longThread: false,
	});
	const [, welcome, oauthNews, webhookHelp] = mainSeed.topics;
	world.data.topics[welcome.id].isPinned = true;
	world.data.topics[oauthNews.id].isLocked = true;
	const accepted = mainSeed.posts.find((post) => post.topicId === webhookHelp.id);
	if (accepted) world.data.topics[webhookHelp.id].answeredPostId = accepted.id;
	world.now = base - HOUR;
	seedReactions(world, [...mainSeed.topics, ...sideSeed.topics], [...mainSeed.posts, ...sideSeed.posts], everyone);
	seedChat(world, ada.id, grace.id, LONG_CHAT_MESSAGES, base - 2 * DAY, LONG_CHAT_MESSAGES - 4);
	// Grace and Alan have no chat yet, so starting one is possible with the seeded users.
	seedChat(world, ada.id, alan.id, 6, base - 3 * DAY, 6);
	seedNotifications(world, base, cast);
	seedIntegrations(world, base, ada);
	return world.data;
}
