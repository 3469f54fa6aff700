import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';
import { communityRoute, hubRequest } from '../helpers/api';
import { resolveCommunityId } from '../helpers/locators';

/** The community of the node's `communityId` parameter (slugs resolved), or undefined outside the editor or when empty. */
async function currentCommunity(context: ILoadOptionsFunctions): Promise<string | undefined> {
	let raw: unknown;
	try {
		raw = context.getCurrentNodeParameter('communityId');
	} catch {
		return undefined;
	}
	return await resolveCommunityId.call(context, raw, 'Community');
}

function matches(filter: string | undefined, ...texts: unknown[]): boolean {
	const needle = filter?.toLowerCase();
	return !needle || texts.some((text) => String(text ?? '').toLowerCase().includes(needle));
}

/** Members of the node's community by name, from its directory (the member list has IDs only). */
export async function searchMembers(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const communityId = await currentCommunity(this);
	if (!communityId) return { results: [] };
	const { items } = await hubRequest<{ items: IDataObject[] }>(this, 'GET', communityRoute(communityId, '/directory'), {
		resource: 'community',
	});
	const results = items
		.filter((member) => matches(filter, member.displayName, member.slug, member.customerId))
		.map((member) => ({
			name: `${String(member.displayName ?? member.slug ?? member.customerId)} (${String(member.role)})`,
			value: String(member.customerId),
		}));
	return { results };
}

/** Categories of the node's community, in display order, archived ones marked. */
export async function searchCategories(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const communityId = await currentCommunity(this);
	if (!communityId) return { results: [] };
	const { items } = await hubRequest<{ items: IDataObject[] }>(this, 'GET', communityRoute(communityId, '/categories'), {
		resource: 'community',
	});
	const results = items
		.filter((category) => matches(filter, category.name, category.slug))
		.map((category) => ({
			name: `${String(category.name)}${category.isArchived === true ? ' (archived)' : ''}`,
			value: String(category.id),
		}));
	return { results };
}
