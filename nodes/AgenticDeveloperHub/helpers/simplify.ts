import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { requireBoolean } from './validation';

/** The fields each wide output keeps when Simplify is on: what people map in the next node. */
export const SIMPLIFIED_FIELDS = {
	topic: ['id', 'title', 'excerpt', 'communityId', 'categoryId', 'customerId', 'replyCount', 'isLocked', 'lastActivityAt', 'createdAt'],
	post: ['id', 'topicId', 'parentPostId', 'postNumber', 'customerId', 'content', 'createdAt'],
	// Search results are slim (SearchDiscussionTopicResult, SearchDiscussionPostResult): only their fields.
	foundTopic: ['id', 'title', 'categoryId', 'replyCount', 'lastActivityAt', 'createdAt'],
	foundPost: ['id', 'topicId', 'postNumber', 'createdAt'],
	notification: ['id', 'category', 'title', 'body', 'isRead', 'status', 'entityKind', 'entityId', 'createdAt'],
	connection: ['id', 'displayName', 'provider', 'serviceType', 'status', 'lastSyncAt', 'lastError'],
	ecosystem: ['id', 'slug', 'name', 'description', 'isDefault', 'region', 'primaryDomain', 'createdAt'],
} as const;

export type SimplifiedKind = keyof typeof SIMPLIFIED_FIELDS;

/** What a kind's records are called in the Simplify description. */
export const SIMPLIFIED_LABELS: Record<SimplifiedKind, string> = {
	topic: 'topics',
	post: 'posts',
	foundTopic: 'topics',
	foundPost: 'posts',
	notification: 'notifications',
	connection: 'connections',
	ecosystem: 'ecosystems',
};

export function simplify(kind: SimplifiedKind, record: IDataObject): IDataObject {
	const simplified: IDataObject = {};
	for (const field of SIMPLIFIED_FIELDS[kind]) {
		if (field in record) simplified[field] = record[field];
	}
	return simplified;
}

/** Applies Simplify to one record or a list, when `enabled`. */
export function simplifyIf<T extends IDataObject | IDataObject[]>(enabled: boolean, kind: SimplifiedKind, data: T): T {
	if (!enabled) return data;
	return (Array.isArray(data) ? data.map((record) => simplify(kind, record)) : simplify(kind, data)) as T;
}

/** The item's Simplify option, read before any request (an AI tool may send it as "false"). */
export function simplifyParameter(context: IExecuteFunctions, itemIndex: number): boolean {
	return requireBoolean(context, context.getNodeParameter('simplify', itemIndex, true), 'Simplify', itemIndex);
}
