import { createHash } from 'crypto';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { requireText } from './validation';

/**
 * An ID that is the same every time this node handles this item in this execution (so n8n's
 * Retry On Fail and the transport's retries send it again, and the Hub dedupes), and different
 * in another execution, node or item. UUID-shaped, because the Hub caps IDs at 36 characters.
 */
export function stableRequestId(context: IExecuteFunctions, itemIndex: number, purpose: string): string {
	const node = context.getNode();
	const seed = [context.getExecutionId(), node.id || node.name, itemIndex, purpose].join('\u0000');
	const hex = createHash('sha256').update(seed).digest('hex');
	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/** A key the Hub dedupes by, which the user may set under Options instead of the derived one. */
export interface CallerKey {
	displayName: string;
	name: string;
	maxLength: number;
	description: string;
}

/** The operation's Options collection, offering the caller's own key. */
export function callerKeyOptions(key: CallerKey): INodeProperties {
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [{ displayName: key.displayName, name: key.name, type: 'string', default: '', description: key.description }],
	};
}

/** The caller's own key from Options (checked before any request), else the stable one for this item. */
export function callerOrStableKey(context: IExecuteFunctions, itemIndex: number, key: CallerKey, purpose: string): string {
	const own = (context.getNodeParameter('options', itemIndex, {}) as IDataObject)[key.name];
	return own
		? requireText(context, own, key.displayName, itemIndex, key.maxLength).trim()
		: stableRequestId(context, itemIndex, purpose);
}
