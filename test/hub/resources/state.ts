/**
 * The sandbox's resource data (hub-api.md section 3) as plain JSON. Each public shape is what a
 * route answers; each `...Record` adds what only the server keeps (soft deletes, admins, secrets,
 * read positions, creation order).
 */

import type { GithubAppInstall } from './integrationsGithubApp';

export interface Community {
	id: string;
	slug: string;
	name: string;
	description: string | null;
	isPublic: boolean;
}

export interface CommunityRecord extends Community {
	adminUserIds: string[];
	/** The ecosystem the community lives in (its reactions carry it). */
	ecosystemId: string;
}

/** `CommunityCategory` of the published types. */
export interface Category {
	id: string;
	communityId: string;
	slug: string;
	name: string;
	description: string | null;
	displayOrder: number;
	isPublic: boolean;
	isArchived: boolean;
	createdAt: string;
	updatedAt: string;
}

export interface Topic {
	id: string;
	communityId: string;
	categoryId: string | null;
	title: string;
	excerpt: string | null;
	/** The author's user id (the Hub's published field name). */
	customerId: string;
	isPinned: boolean;
	isLocked: boolean;
	isPublic: boolean;
	replyCount: number;
	answeredPostId: string | null;
	lastActivityAt: string;
	createdAt: string;
	updatedAt: string;
}

export interface TopicRecord extends Topic {
	deletedAt: string | null;
	openingPostId: string;
	nextPostNumber: number;
	/** Creation order, to break ties between equal timestamps. */
	seq: number;
}

export interface Post {
	id: string;
	topicId: string;
	parentPostId: string | null;
	postNumber: number;
	customerId: string;
	bodyDocumentId: string | null;
	content: string;
	createdAt: string;
	updatedAt: string;
}

export interface PostRecord extends Post {
	deletedAt: string | null;
}

export const REACTION_TARGET_KINDS = ['discussion.posts', 'discussion.topics'] as const;
export type ReactionTargetKind = (typeof REACTION_TARGET_KINDS)[number];

export interface Reaction {
	id: string;
	customerId: string;
	/** The ecosystem of the target's community. */
	ecosystemId: string;
	targetKind: ReactionTargetKind;
	targetId: string;
	emoji: string;
	createdAt: string;
}

export interface ChatRecord {
	id: string;
	/** Exactly two user ids. */
	participantIds: string[];
	/** Per participant user id: the id of their participant record (a message's `senderParticipantId`). */
	participantRecordIds: Record<string, string>;
	createdAt: string;
	lastActivityAt: string;
	/** Per participant: the highest message `seq` they have read (0 = none). */
	readSeq: Record<string, number>;
	seq: number;
}

/** `DmMessage` of the published types. */
export interface Message {
	id: string;
	chatId: string;
	senderParticipantId: string | null;
	senderUserId: string;
	seq: number;
	/** Who wrote it: `user` for every direct message between people. */
	role: string;
	body: string;
	/** Delivery state: `sent`. */
	state: string;
	dateSent: string;
}

export interface MessageRecord extends Message {
	clientMessageId: string | null;
}

/** hub-api.md section 5, item 7 (the published `NotificationPreference.category`). */
export const NOTIFICATION_CATEGORIES = [
	'account',
	'community_reply',
	'community_mention',
	'admin_announcement',
	'direct_message',
	'project_assigned',
	'project_mention',
	'project_comment',
	'project_status',
	'project_due',
] as const;
export type NotificationCategory = (typeof NOTIFICATION_CATEGORIES)[number];

export const NOTIFICATION_STATUSES = ['inbox', 'archived', 'trashed'] as const;
export type NotificationStatus = (typeof NOTIFICATION_STATUSES)[number];

/** `Notification` of the published types. */
export interface Notification {
	id: string;
	ecosystemId: string;
	userId: string;
	category: NotificationCategory;
	title: string;
	body: string | null;
	entityKind: string | null;
	entityId: string | null;
	actorId: string | null;
	data: Record<string, unknown>;
	status: NotificationStatus;
	isRead: boolean;
	createdAt: string;
	updatedAt: string;
	readAt: string | null;
}

export interface NotificationRecord extends Notification {
	seq: number;
}

/** An ecosystem as `GET /api/ecosystem/ecosystems` answers it (every field the published type requires). */
export interface Ecosystem {
	id: string;
	ownerId: string;
	slug: string;
	name: string;
	description: string;
	region: string;
	dedicatedDbConnectionId: string | null;
	primaryDomain: string;
	createdAt: string;
	updatedAt: string;
	isDeleted: boolean;
	isDefault: boolean;
	isInfrastructure: boolean;
	namespaceId: string | null;
	parentId: string | null;
	archivedAt: string | null;
}

export type AuthMethod = 'oauth' | 'api_key' | 'app_password' | 'github_app';

/** The action types of the published `IntegrationActionRequest` (hub-api.md section 5, item 1). */
export const ACTION_TYPES = ['send', 'post', 'sms', 'submit', 'comment', 'subscribe', 'unsubscribe', 'broadcast', 'broadcast_send'] as const;
export type ActionType = (typeof ACTION_TYPES)[number];

export interface ProviderConfigField {
	key: string;
	label: string;
	required: boolean;
	/** Secret fields are stored server-side only and never echoed. */
	secret: boolean;
	placeholder?: string;
}

/** `IntegrationProvider` of the published types. */
export interface Provider {
	providerId: string;
	displayName: string;
	subtitle: string;
	description: string;
	authMethod: AuthMethod;
	serviceTypes: string[];
	capabilities: ActionType[];
	defaultPollIntervalMs: number;
	configFields?: ProviderConfigField[];
	links: Array<{ label: string; url: string }>;
}

export type ConnectionStatus = 'active' | 'error' | 'revoked' | 'pending';

/** `IntegrationConnection` of the published types. */
export interface Connection {
	id: string;
	provider: string;
	serviceType: string;
	status: ConnectionStatus;
	displayName: string;
	username: string;
	/** The account at the provider (the username the Hub signed in as). */
	externalAccountId: string;
	lastSyncAt: string | null;
	lastError: string | null;
	createdAt: string;
	/** What `PATCH /api/integrations/{id}/settings` set (integrationSettings.ts); null: none yet. */
	syncSettings?: Record<string, unknown> | null;
}

export interface ConnectionRecord extends Connection {
	userId: string;
	ecosystemId: string;
	/** API keys, tokens and passwords: never part of any response. */
	secrets: Record<string, string>;
	disconnectedAt: string | null;
}

export interface ActionLog {
	id: string;
	connectionId: string;
	userId: string;
	actionType: ActionType;
	idempotencyKey: string;
	/** `ok`, or `error` when the provider refused the action (then `error` says why). */
	status: 'ok' | 'error';
	error?: string;
	externalId: string | null;
	createdAt: string;
}

export interface ResourceState {
	communities: Record<string, CommunityRecord>;
	categories: Record<string, Category>;
	topics: Record<string, TopicRecord>;
	posts: Record<string, PostRecord>;
	reactions: Record<string, Reaction>;
	chats: Record<string, ChatRecord>;
	/** Per chat id, ascending by `seq` (seq = index + 1). */
	messages: Record<string, MessageRecord[]>;
	notifications: Record<string, NotificationRecord>;
	ecosystems: Ecosystem[];
	providers: Provider[];
	connections: Record<string, ConnectionRecord>;
	actionLogs: Record<string, ActionLog>;
	/** Per user, the notification categories they set (preferences.ts); absent until one is set. */
	notificationPreferences?: Record<string, Partial<Record<NotificationCategory, NotificationPreferenceRecord>>>;
	/** GitHub App install URLs issued, by state (integrationsGithubApp.ts); absent until one is. */
	githubAppInstalls?: Record<string, GithubAppInstall>;
	/** Whether the future Hub's records were made (future/records.ts). */
	futureRecordsMade?: boolean;
	/** Last creation sequence number handed out (ties in ordering). */
	sequence: number;
}

export interface NotificationPreferenceRecord {
	category: NotificationCategory;
	email: boolean;
	sms: boolean;
	inApp: boolean;
}

export function emptyResourceState(): ResourceState {
	return {
		communities: {},
		categories: {},
		topics: {},
		posts: {},
		reactions: {},
		chats: {},
		messages: {},
		notifications: {},
		ecosystems: [],
		providers: [],
		connections: {},
		actionLogs: {},
		sequence: 0,
	};
}
