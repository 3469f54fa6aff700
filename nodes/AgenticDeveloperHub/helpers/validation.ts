import {
	jsonParse,
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INode,
	type INodePropertyOptions,
} from 'n8n-workflow';
import { ID_PATTERN, SLUG_PATTERN } from '../descriptions/locators';

/** Anything that can name its node: the action node, the trigger, list-search and load-options methods. */
type NodeContext = { getNode(): INode };

/**
 * Input checks that run before any request. Each error names the field (by its display name)
 * and the item, so that a user or an AI agent knows exactly what to fix.
 */
export function invalidInput(
	context: NodeContext,
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

/** An address as the published types' `format: email` reads it (the JSON Schema email format). */
const EMAIL = /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/i;

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
	if (requireBoolean(context, context.getNodeParameter('returnAll', itemIndex, false), 'Return All', itemIndex)) return undefined;
	const limit = Number(context.getNodeParameter('limit', itemIndex, 50));
	if (!Number.isInteger(limit) || limit < 1) {
		throw invalidInput(context, 'Limit', `must be a whole number of at least 1 (got ${limit})`, itemIndex);
	}
	return limit;
}

/** An input value as an error message shows it: on one line, and short. */
function shown(value: unknown): string {
	const text = typeof value === 'number' ? String(value) : (JSON.stringify(value) ?? String(value));
	return text.length > 60 ? `${text.slice(0, 59)}…` : text;
}

/**
 * An options parameter's value: one of the declared `options`. The editor offers nothing else,
 * but an expression or an AI agent can send any value.
 */
export function requireOption<T extends INodePropertyOptions['value']>(
	context: NodeContext,
	value: unknown,
	options: ReadonlyArray<{ name: string; value: T }>,
	field: string,
	itemIndex: number,
): T {
	const chosen = options.find((option) => option.value === value);
	if (!chosen) {
		const allowed = options.map((option) => JSON.stringify(option.value)).join(', ');
		throw invalidInput(
			context,
			field,
			`must be one of ${allowed} (got ${shown(value)})`,
			itemIndex,
			`Choose one of: ${options.map((option) => option.name).join(', ')}`,
		);
	}
	return chosen.value;
}

/** A multi-options parameter's value: a list of the declared `options`. */
export function requireOptionList<T extends INodePropertyOptions['value']>(
	context: NodeContext,
	value: unknown,
	options: ReadonlyArray<{ name: string; value: T }>,
	field: string,
	itemIndex: number,
): T[] {
	if (!Array.isArray(value)) throw invalidInput(context, field, `must be a list (got ${shown(value)})`, itemIndex);
	return value.map((entry) => requireOption(context, entry, options, field, itemIndex));
}

/** A boolean parameter; the text "true" or "false" (as an AI agent may send it) counts too. */
export function requireBoolean(context: NodeContext, value: unknown, field: string, itemIndex: number): boolean {
	if (typeof value === 'boolean') return value;
	const text = typeof value === 'string' ? value.trim().toLowerCase() : undefined;
	if (text === 'true' || text === 'false') return text === 'true';
	throw invalidInput(context, field, `must be true or false (got ${shown(value)})`, itemIndex);
}

const HUB_KEY_FORMATS = {
	ID: {
		pattern: new RegExp(`^${ID_PATTERN}$`),
		hint: 'A Hub ID has 1 to 36 characters: letters, digits, "-" and "_", and single dots between them (e.g. a UUID or "ecosystem.acme")',
	},
	slug: {
		pattern: new RegExp(`^${SLUG_PATTERN}$`),
		hint: 'A Hub slug has letters, digits, "-" and "_", and single dots between them (e.g. "n8n-builders")',
	},
} as const;

/**
 * A Hub ID (or slug) in its format: UUIDs, slugs, reverse-domain IDs (`ecosystem.acme`) and provider
 * slugs (`google-calendar`); IDs have 36 characters at most. Only characters that stay themselves in
 * a URL path, and no "." or ".." segment, so that no value (`..`, `/`, `?`, `%`) can change a path.
 */
export function requireHubId(
	context: NodeContext,
	value: unknown,
	field: string,
	itemIndex: number,
	format: keyof typeof HUB_KEY_FORMATS = 'ID',
): string {
	const text = typeof value === 'string' ? value.trim() : typeof value === 'number' ? String(value) : undefined;
	if (text === '') throw invalidInput(context, field, 'must not be empty', itemIndex);
	const { pattern, hint } = HUB_KEY_FORMATS[format];
	if (text === undefined || !pattern.test(text)) {
		throw invalidInput(context, field, `is not a valid Hub ${format} (got ${shown(value)})`, itemIndex, hint);
	}
	return text;
}
