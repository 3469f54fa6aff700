import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { communityLocator } from '../descriptions/locators';
import { communityRoute, hubRequest } from './api';
import { communityParameter } from './locators';
import { requireBoolean } from './validation';

/*
 * "Include Author Names": the Hub's records name people by user ID only (`customerId`,
 * `senderUserId`). The one published route that turns IDs into names is
 * `GET /communities/{id}/profiles?ids=` (up to 200 IDs a request), so the names of a whole output
 * cost one request per community and 200 people, never one per record.
 */

/** The most user IDs one profiles request takes (the Hub's limit). */
export const PROFILES_BATCH_SIZE = 200;

/** Which field holds the person, and which field gets their name beside it. */
export interface NameFields {
	idField: string;
	nameField: string;
}

export const AUTHOR_FIELDS: NameFields = { idField: 'customerId', nameField: 'authorName' };

export function includeAuthorNamesProperty(what: string, nameField = AUTHOR_FIELDS.nameField): INodeProperties {
	return {
		displayName: 'Include Author Names',
		name: 'includeAuthorNames',
		type: 'boolean',
		default: false,
		description: `Whether to add each ${what}'s name as "${nameField}" beside its user ID (one extra request per community and page, however many records)`,
	};
}

/**
 * For records that carry no community (reactions, direct messages): the community whose profiles
 * name the people, shown once the option is on.
 */
export function namesCommunityProperty(): INodeProperties {
	return communityLocator({
		name: 'namesCommunityId',
		displayName: 'Names From Community',
		description: 'The community whose member profiles give the names (the Hub names people only within a community)',
		displayOptions: { show: { includeAuthorNames: [true] } },
	});
}

/** The item's Include Author Names option, read before any request. */
export function includeAuthorNamesParameter(context: IExecuteFunctions, itemIndex: number): boolean {
	return requireBoolean(context, context.getNodeParameter('includeAuthorNames', itemIndex, false), 'Include Author Names', itemIndex);
}

/** The community of the "Names From Community" field, when the option is on (a slug costs a request). */
export async function namesCommunityParameter(context: IExecuteFunctions, itemIndex: number): Promise<string | undefined> {
	if (!includeAuthorNamesParameter(context, itemIndex)) return undefined;
	return await communityParameter(context, 'namesCommunityId', itemIndex, 'Names From Community');
}

/** `GET /communities/{id}/profiles?ids=...`, in batches of up to 200 IDs; the profiles found. */
export async function fetchProfiles(
	context: IExecuteFunctions,
	communityId: string,
	userIds: string[],
	itemIndex: number,
): Promise<IDataObject[]> {
	const profiles: IDataObject[] = [];
	for (let start = 0; start < userIds.length; start += PROFILES_BATCH_SIZE) {
		const ids = userIds.slice(start, start + PROFILES_BATCH_SIZE).join(',');
		const { items } = await hubRequest<{ items: IDataObject[] }>(
			context,
			'GET',
			communityRoute(communityId, '/profiles'),
			{ qs: { ids }, itemIndex, resource: 'community' },
		);
		profiles.push(...(Array.isArray(items) ? items : []));
	}
	return profiles;
}

/** A profile's name: its display name, else its slug. */
function nameOf(profile: IDataObject | undefined): string | null {
	if (!profile) return null;
	if (typeof profile.displayName === 'string' && profile.displayName.trim()) return profile.displayName;
	return typeof profile.slug === 'string' ? profile.slug : null;
}

/**
 * Each record with `fields.nameField` added right after `fields.idField` (null where the Hub had no
 * profile). Records are grouped by community (`community`: one for all, or read from each record);
 * a record that already has a name (the Hub may send `authorName` itself) costs nothing.
 */
export async function addNames(
	context: IExecuteFunctions,
	records: IDataObject[],
	community: string | ((record: IDataObject) => unknown),
	itemIndex: number,
	fields: NameFields = AUTHOR_FIELDS,
): Promise<IDataObject[]> {
	const wanted = new Map<string, Set<string>>();
	const communityOf = (record: IDataObject) => (typeof community === 'string' ? community : String(community(record) ?? ''));
	for (const record of records) {
		const userId = record[fields.idField];
		const communityId = communityOf(record);
		if (typeof userId !== 'string' || !userId || !communityId || typeof record[fields.nameField] === 'string') continue;
		if (!wanted.has(communityId)) wanted.set(communityId, new Set());
		wanted.get(communityId)!.add(userId);
	}
	const names = new Map<string, string | null>();
	for (const [communityId, userIds] of wanted) {
		const profiles = await fetchProfiles(context, communityId, [...userIds], itemIndex);
		const byId = new Map(profiles.map((profile) => [String(profile.customerId), profile]));
		for (const userId of userIds) names.set(`${communityId}/${userId}`, nameOf(byId.get(userId)));
	}
	return records.map((record) => {
		if (typeof record[fields.nameField] === 'string' || !(fields.idField in record)) return record;
		const name = names.get(`${communityOf(record)}/${String(record[fields.idField])}`) ?? null;
		// Right after the ID, so the two read together. Built from entries (own properties only):
		// an assignment would turn a Hub key "__proto__" into the object's prototype and drop it.
		const entries: Array<[string, unknown]> = [];
		for (const [key, value] of Object.entries(record)) {
			entries.push([key, value]);
			if (key === fields.idField) entries.push([fields.nameField, name]);
		}
		return Object.fromEntries(entries) as IDataObject;
	});
}
