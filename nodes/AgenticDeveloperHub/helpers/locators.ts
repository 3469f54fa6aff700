import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import type { HubContext } from '../transport';
import { URL_PATTERNS } from '../descriptions/locators';
import { communityRoute, hubRequest } from './api';
import { invalidInput, requireHubId } from './validation';

export type LocatorKind = keyof typeof URL_PATTERNS | 'notification' | 'connection' | 'ecosystem' | 'member' | 'category';

interface LocatorValue {
	mode: string;
	value: string;
}

/**
 * Reads a resource-locator parameter value (or a plain string, as an AI tool may send) into
 * `{ mode, value }`, taking the ID or slug out of a web URL. Works in every context, so that the
 * node, the trigger and the list-search methods read locators the same way.
 */
export function readLocator(
	this: HubContext,
	raw: unknown,
	kind: LocatorKind,
	field: string,
	itemIndex = 0,
): LocatorValue | undefined {
	let mode = 'id';
	let value: unknown = raw;
	if (raw && typeof raw === 'object') {
		mode = String((raw as IDataObject).mode ?? 'id');
		value = (raw as IDataObject).value;
	}
	const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : '';
	if (!text) return undefined;
	const pattern = (URL_PATTERNS as Record<string, string>)[kind];
	if (pattern && (mode === 'url' || /^https?:\/\//i.test(text))) {
		const match = new RegExp(pattern).exec(text);
		if (!match) {
			throw invalidInput(
				this,
				field,
				`is not a valid Hub ${kind} URL`,
				itemIndex,
				`Expected a URL like the placeholder of the "${field}" field, got "${text}"`,
			);
		}
		return { mode: 'url', value: match[1] };
	}
	// IDs and slugs go into request paths: checked here, once, for every locator.
	return { mode, value: requireHubId(this, text, field, itemIndex, mode === 'slug' ? 'slug' : 'ID') };
}

/** Like `readLocator`, but an empty value is an error naming the field and the item. */
export function requireLocator(
	this: HubContext,
	raw: unknown,
	kind: LocatorKind,
	field: string,
	itemIndex = 0,
): string {
	const located = readLocator.call(this, raw, kind, field, itemIndex);
	if (!located) {
		throw invalidInput(this, field, 'is required', itemIndex, `Choose the ${kind} from the list, or enter its ID`);
	}
	return located.value;
}

/**
 * The community ID behind a community locator: slugs (from "By Slug" or "By URL") are resolved
 * with `GET /api/communities/{slug}`; IDs are used as they are.
 */
export async function resolveCommunityId(
	this: HubContext,
	raw: unknown,
	field: string,
	itemIndex = 0,
): Promise<string | undefined> {
	const located = readLocator.call(this, raw, 'community', field, itemIndex);
	if (!located) return undefined;
	if (located.mode !== 'url' && located.mode !== 'slug') return located.value;
	const community = await hubRequest(
		this,
		'GET',
		communityRoute(located.value),
		{ itemIndex, resource: 'community' },
	);
	return String(community.id);
}

/** The value of the resource-locator parameter `name` for this item (ID, or the ID in a URL); required. */
export function locatorParameter(
	context: IExecuteFunctions,
	name: string,
	kind: LocatorKind,
	field: string,
	itemIndex: number,
): string {
	return requireLocator.call(context, context.getNodeParameter(name, itemIndex), kind, field, itemIndex);
}

/** The community ID behind the community-locator parameter `name` (slugs resolved); required. */
export async function communityParameter(context: IExecuteFunctions, name: string, itemIndex: number, field = 'Community'): Promise<string> {
	const raw = context.getNodeParameter(name, itemIndex);
	requireLocator.call(context, raw, 'community', field, itemIndex);
	return (await resolveCommunityId.call(context, raw, field, itemIndex))!;
}
