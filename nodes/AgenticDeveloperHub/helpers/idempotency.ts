import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { stableRequestId } from '../transport/idempotencyKey';
import { invalidInput, requireText } from './validation';

/** A key the Hub dedupes by, which the user may set under Options instead of the derived one. */
export interface CallerKey {
	displayName: string;
	name: string;
	maxLength: number;
	description: string;
	/** Sent as an HTTP header: visible ASCII characters only. */
	header?: boolean;
}

const HEADER_SAFE = /^[\x21-\x7E]+$/;

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
	if (!own) return stableRequestId(context, itemIndex, purpose);
	const text = requireText(context, own, key.displayName, itemIndex, key.maxLength).trim();
	if (key.header && !HEADER_SAFE.test(text)) {
		throw invalidInput(context, key.displayName, 'may have only letters, digits and punctuation (no spaces or other characters)', itemIndex, 'It is sent as an HTTP header');
	}
	return text;
}
