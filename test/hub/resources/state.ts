/**
 * The sandbox's resource data (hub-api.md section 3) as plain JSON. Each public shape is what a
 * route answers; each `...Record` adds what only the server keeps (soft deletes, admins, secrets,
 * read positions, creation order).
 */

export interface Community {
	id: string;
	slug: string;
	name: string;
	description: string | null;
	isPublic: boolean;
}

export interface CommunityRecord extends Community {
	adminUserIds: string[];
}

export interface Category {
	id: string;
	communityId: string;
	slug: string;
	name: string;
	displayOrder: number;
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
	targetKind: ReactionTargetKind;
	targetId: string;
	emoji: string;
	createdAt: string;
}

export interface ChatRecord {
	id: string;
	/** Exactly two user ids. */
	participantIds: string[];
	createdAt: string;
	lastActivityAt: string;
	/** Per participant: the highest message `seq` they have read (0 = none). */
	readSeq: Record<string, number>;
	seq: number;
}

export interface Message {
	id: string;
	chatId: string;
	senderUserId: string;
	seq: number;
	body: string;
	dateSent: string;
}

export interface MessageRecord extends Message {
	clientMessageId: string | null;
}

export const NOTIFICATION_CATEGORIES = [
	'community_reply',
	'community_mention',
	'direct_message',
	'admin_announcement',
	'account',
] as const;
export type NotificationCategory = (typeof NOTIFICATION_CATEGORIES)[number];

export const NOTIFICATION_STATUSES = ['inbox', 'archived', 'trashed'] as const;
export type NotificationStatus = (typeof NOTIFICATION_STATUSES)[number];

export interface Notification {
	id: string;
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
	readAt: string | null;
}

export interface NotificationRecord extends Notification {
	userId: string;
	seq: number;
}

export interface Ecosystem {
	id: string;
	slug: string;
	name: string;
	isDefault: boolean;
}

export type AuthMethod = 'oauth' | 'api_key' | 'app_password';
export type ActionType = 'send' | 'post' | 'sms';

export interface ProviderConfigField {
	key: string;
	label: string;
	type: 'string' | 'password';
	required: boolean;
	/** Secret fields are stored server-side only and never echoed. */
	secret: boolean;
}

export interface Provider {
	providerId: string;
	displayName: string;
	description: string;
	authMethod: AuthMethod;
	serviceTypes: string[];
	capabilities: ActionType[];
	configFields?: ProviderConfigField[];
}

export type ConnectionStatus = 'active' | 'error' | 'revoked' | 'pending';

export interface Connection {
	id: string;
	provider: string;
	serviceType: string;
	status: ConnectionStatus;
	displayName: string;
	username: string;
	lastSyncAt: string | null;
	lastError: string | null;
	createdAt: string;
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
	status: string;
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
	/** Last creation sequence number handed out (ties in ordering). */
	sequence: number;
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
