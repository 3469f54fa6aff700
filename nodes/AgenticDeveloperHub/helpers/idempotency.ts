import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { stableRequestId } from '../transport/idempotencyKey';
import { keyAcrossRuns, skipIfDoneOptions, skipSettings } from './skipIfDone';
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

/** The operation's Options collection, offering the caller's own key and Skip If Already Done. */
export function callerKeyOptions(key: CallerKey): INodeProperties {
	return skipIfDoneOptions('callerKey', [{ displayName: key.displayName, name: key.name, type: 'string', default: '', description: key.description }]);
}

/**
 * The caller's own key from Options (checked before any request); else, with Skip If Already
 * Done, one from the Item Key (or `content`) that is the same in every execution; else the stable
 * one for this item in this execution.
 */
export function callerOrStableKey(context: IExecuteFunctions, itemIndex: number, key: CallerKey, purpose: string, content: unknown): string {
	const own = (context.getNodeParameter('options', itemIndex, {}) as IDataObject)[key.name];
	if (!own) {
		const skip = skipSettings(context, itemIndex);
		return skip.on ? keyAcrossRuns(context, skip, purpose, content) : stableRequestId(context, itemIndex, purpose);
	}
	const text = requireText(context, own, key.displayName, itemIndex, key.maxLength).trim();
	if (key.header && !HEADER_SAFE.test(text)) {
		throw invalidInput(context, key.displayName, 'may have only letters, digits and punctuation (no spaces or other characters)', itemIndex, 'It is sent as an HTTP header');
	}
	return text;
}
