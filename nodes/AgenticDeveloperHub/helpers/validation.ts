import { jsonParse, NodeOperationError, type IDataObject, type IExecuteFunctions, type INode } from 'n8n-workflow';

/**
 * Input checks that run before any request. Each error names the field (by its display name)
 * and the item, so that a user or an AI agent knows exactly what to fix.
 */
export function invalidInput(
	context: { getNode(): INode },
	field: string,
	problem: string,
	itemIndex: number,
	description?: string,
): NodeOperationError {
	return new NodeOperationError(context.getNode(), `"${field}" ${problem} [item ${itemIndex}]`, {
		itemIndex,
		description,
	});
}

/** A required text: not empty after trimming, and at most `maxLength` characters when given. */
export function requireText(
	context: IExecuteFunctions,
	value: unknown,
	field: string,
	itemIndex: number,
	maxLength?: number,
): string {
	const text = typeof value === 'string' ? value : value === undefined || value === null ? '' : String(value);
	if (!text.trim()) throw invalidInput(context, field, 'must not be empty', itemIndex);
	if (maxLength !== undefined && text.length > maxLength) {
		throw invalidInput(
			context,
			field,
			`is ${text.length} characters long; the Hub allows at most ${maxLength}`,
			itemIndex,
			'Shorten the text',
		);
	}
	return text;
}

const E164 = /^\+[1-9]\d{6,14}$/;

export function requirePhoneNumber(context: IExecuteFunctions, value: unknown, field: string, itemIndex: number): string {
	const text = String(value ?? '').replace(/[\s()-]/g, '');
	if (!E164.test(text)) {
		throw invalidInput(
			context,
			field,
			`must be a phone number in E.164 format, like +14155550100 (got "${String(value ?? '')}")`,
			itemIndex,
			'Start with + and the country code, then the number, without spaces or punctuation',
		);
	}
	return text;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function requireEmail(context: IExecuteFunctions, value: unknown, field: string, itemIndex: number): string {
	const text = String(value ?? '').trim();
	if (!EMAIL.test(text)) {
		throw invalidInput(context, field, `must be an email address (got "${text}")`, itemIndex);
	}
	return text;
}

/** A JSON parameter that must hold an object; accepts the object itself (from an expression). */
export function parseJsonObject(context: IExecuteFunctions, value: unknown, field: string, itemIndex: number): IDataObject {
	if (value && typeof value === 'object' && !Array.isArray(value)) return value as IDataObject;
	let parsed: unknown;
	try {
		parsed = jsonParse(String(value ?? ''));
	} catch {
		throw invalidInput(context, field, 'is not valid JSON', itemIndex, 'Enter a JSON object, e.g. {"key": "value"}');
	}
	if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
		throw invalidInput(context, field, 'must be a JSON object', itemIndex, 'Enter a JSON object, e.g. {"key": "value"}');
	}
	return parsed as IDataObject;
}

/** Return All / Limit: `undefined` means every page; a Limit below 1 is an error. */
export function readLimit(context: IExecuteFunctions, itemIndex: number): number | undefined {
	if (context.getNodeParameter('returnAll', itemIndex, false) as boolean) return undefined;
	const limit = Number(context.getNodeParameter('limit', itemIndex, 50));
	if (!Number.isInteger(limit) || limit < 1) {
		throw invalidInput(context, 'Limit', `must be a whole number of at least 1 (got ${limit})`, itemIndex);
	}
	return limit;
}
