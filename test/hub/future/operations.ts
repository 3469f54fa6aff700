import type { INodeParameters } from 'n8n-workflow';
import type { Hub } from '../hub';
import { FUTURE } from './values';

/*
 * One run of every operation of the node against the sandbox's seed, in an order where each write
 * finds what it needs (the future-Hub suite, futureHub.test.ts). Reads ask for the raw answer
 * (Simplify off) where they have the option; the simplified runs are checked separately.
 */

const rl = (value: string, mode = 'id'): INodeParameters => ({ __rl: true, mode, value });

export function everyOperation(hub: Hub): Array<[string, INodeParameters]> {
	const data = hub.state.data;
	const [ada, grace, alan] = hub.info().users;
	const community = Object.values(data.communities).find((candidate) => candidate.adminUserIds.includes(ada.id))!;
	const topic = Object.values(data.topics).find((candidate) => candidate.communityId === community.id && !candidate.deletedAt)!;
	const category = Object.values(data.categories).find((candidate) => candidate.communityId === community.id)!;
	const chat = Object.values(data.chats).find((candidate) => candidate.participantIds.includes(ada.id))!;
	const notification = Object.values(data.notifications).find((candidate) => candidate.userId === ada.id)!;
	const ecosystem = data.ecosystems.find((candidate) => candidate.isDefault)!;
	const mailgun = Object.values(data.connections).find((candidate) => candidate.userId === ada.id && candidate.provider === 'mailgun')!;
	const raw = { simplify: false };
	const topicOf = (id: string) => rl(id);
	return [
		['user getMe', { resource: 'user', operation: 'getMe' }],
		['user search', { resource: 'user', operation: 'search', query: 'a', returnAll: true }],
		['user get', { resource: 'user', operation: 'get', userSlug: rl('grace-hopper', 'slug') }],
		['user updateMe', { resource: 'user', operation: 'updateMe', updateFields: { name: 'Ada Lovelace' } }],
		['community get', { resource: 'community', operation: 'get', communityId: rl(community.slug, 'slug') }],
		['community getTopics', { resource: 'community', operation: 'getTopics', communityId: rl(community.id), returnAll: true, ...raw }],
		['community getCategories', { resource: 'community', operation: 'getCategories', communityId: rl(community.id) }],
		['community getMembers', { resource: 'community', operation: 'getMembers', communityId: rl(community.id), returnAll: true }],
		['community addMember', { resource: 'community', operation: 'addMember', communityId: rl(community.id), userId: alan.id }],
		['community removeMember', { resource: 'community', operation: 'removeMember', communityId: rl(community.id), memberId: rl(alan.id) }],
		['community getMyMembership', { resource: 'community', operation: 'getMyMembership', communityId: rl(community.id) }],
		['community updateMyMembership', { resource: 'community', operation: 'updateMyMembership', communityId: rl(community.id), bio: 'Engines' }],
		['community getDirectory', { resource: 'community', operation: 'getDirectory', communityId: rl(community.id), returnAll: true }],
		['community getProfiles', { resource: 'community', operation: 'getProfiles', communityId: rl(community.id), userIds: grace.id }],
		['community createCategory', { resource: 'community', operation: 'createCategory', communityId: rl(community.id), name: 'Future', slug: 'future' }],
		['community updateCategory', { resource: 'community', operation: 'updateCategory', communityId: rl(community.id), categoryId: rl(category.id), updateFields: { name: 'Renamed' } }],
		['topic getAll', { resource: 'topic', operation: 'getAll', communityId: rl(community.id), returnAll: true, ...raw }],
		['topic get', { resource: 'topic', operation: 'get', topicId: topicOf(topic.id), ...raw }],
		['topic create', { resource: 'topic', operation: 'create', communityId: rl(community.id), title: 'From the future', body: 'Hello' }],
		['topic update', { resource: 'topic', operation: 'update', topicId: topicOf(topic.id), updateFields: { isPinned: true } }],
		['post getAll', { resource: 'post', operation: 'getAll', topicId: topicOf(topic.id), returnAll: true, ...raw }],
		['post reply', { resource: 'post', operation: 'reply', topicId: topicOf(topic.id), body: 'A reply' }],
		['discussion search', { resource: 'discussion', operation: 'search', searchType: 'topics', query: 'e', limit: 5, ...raw }],
		['reaction add', { resource: 'reaction', operation: 'add', targetKind: 'discussion.topics', topicId: topicOf(topic.id), emoji: '🚀' }],
		['reaction getAll', { resource: 'reaction', operation: 'getAll', targetKind: 'discussion.topics', topicId: topicOf(topic.id) }],
		['reaction getAllForTargets', { resource: 'reaction', operation: 'getAllForTargets', targetKind: 'discussion.topics', targetIds: topic.id }],
		['directMessage getAllChats', { resource: 'directMessage', operation: 'getAllChats', returnAll: true, ...raw }],
		['directMessage getAllMessages', { resource: 'directMessage', operation: 'getAllMessages', chatId: rl(chat.id), returnAll: true, ...raw }],
		['directMessage startChat', { resource: 'directMessage', operation: 'startChat', recipientId: grace.id }],
		['directMessage send', { resource: 'directMessage', operation: 'send', sendTo: 'chat', chatId: rl(chat.id), body: 'From the future' }],
		['directMessage markRead', { resource: 'directMessage', operation: 'markRead', chatId: rl(chat.id) }],
		['notification getAll', { resource: 'notification', operation: 'getAll', returnAll: true, ...raw }],
		['notification getUnreadCount', { resource: 'notification', operation: 'getUnreadCount' }],
		['notification markRead', { resource: 'notification', operation: 'markRead', notificationId: rl(notification.id) }],
		['notification markUnread', { resource: 'notification', operation: 'markUnread', notificationId: rl(notification.id) }],
		['notification archive', { resource: 'notification', operation: 'archive', notificationId: rl(notification.id) }],
		['notification trash', { resource: 'notification', operation: 'trash', notificationId: rl(notification.id) }],
		['notification markAllRead', { resource: 'notification', operation: 'markAllRead' }],
		['notification getAllPreferences', { resource: 'notification', operation: 'getAllPreferences' }],
		['notification getPreference', { resource: 'notification', operation: 'getPreference', category: 'project_due' }],
		['notification setPreference', { resource: 'notification', operation: 'setPreference', category: 'community_mention', email: false, sms: true, inApp: true }],
		['notification deletePreference', { resource: 'notification', operation: 'deletePreference', category: 'community_mention' }],
		['integration getAllProviders', { resource: 'integration', operation: 'getAllProviders', returnAll: true }],
		['integration getAllEcosystems', { resource: 'integration', operation: 'getAllEcosystems', returnAll: true, ...raw }],
		['integration getEcosystem', { resource: 'integration', operation: 'getEcosystem', ecosystemId: rl(ecosystem.id), ...raw }],
		['integration getAllConnections', { resource: 'integration', operation: 'getAllConnections', returnAll: true, ...raw }],
		['integration getAuthUrl', { resource: 'integration', operation: 'getAuthUrl', providerId: 'google-workspace', redirectUri: 'https://example.com/back' }],
		['integration getInstallUrl', { resource: 'integration', operation: 'getInstallUrl', providerId: 'github' }],
		['integration connect', { resource: 'integration', operation: 'connect', connectionType: 'app_password', providerId: 'bluesky', serviceType: 'social', ecosystemId: rl(ecosystem.id), identifier: 'future.bsky.social', password: 'app-pass' }],
		['integration updateSettings', { resource: 'integration', operation: 'updateSettings', connectionId: rl(mailgun.id), settings: { gmailWindowDays: 7 } }],
		['integration sync', { resource: 'integration', operation: 'sync', connectionId: rl(mailgun.id) }],
		['integration performAction', { resource: 'integration', operation: 'performAction', connectionId: rl(mailgun.id), actionType: 'send', toEmail: 'grace@example.com', subject: 'Hi', bodyText: 'Hello' }],
		['integration disconnect', { resource: 'integration', operation: 'disconnect', connectionId: rl(mailgun.id) }],
		// Deletes the reply 'post reply' made (the test feeds its id in).
		['post delete', { resource: 'post', operation: 'delete' }],
		// Deletes the topic 'topic create' made (the test feeds its id in): the seeded ones stay for the triggers.
		['topic delete', { resource: 'topic', operation: 'delete' }],
		// Removes the reaction 'reaction add' made (the test feeds its id in).
		['reaction remove', { resource: 'reaction', operation: 'remove' }],
	];
}

/** The future values a raw run's output must carry through unchanged, per operation. */
export const PASSED_THROUGH: Record<string, (output: string) => boolean> = {
	'integration getAllProviders': (output) => output.includes(`"authMethod":"${FUTURE.authMethod}"`) && output.includes(`"capabilities":["${FUTURE.actionType}"]`),
	'integration getAllConnections': (output) => output.includes(`"status":"${FUTURE.connectionStatus}"`) && output.includes(`"provider":"${FUTURE.provider}"`),
	'notification getAll': (output) => output.includes(`"category":"${FUTURE.notificationCategory}"`),
	'notification getAllPreferences': (output) => output.includes(`"category":"${FUTURE.notificationCategory}"`),
	'user search': (output) => output.includes(`"kind":"${FUTURE.searchHitKind}"`),
	'reaction getAll': (output) => output.includes(`"targetKind":"${FUTURE.reactionKind}"`),
};
