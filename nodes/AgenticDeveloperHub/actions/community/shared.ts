import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { communityLocator } from '../../descriptions/locators';
import { communityRoute, hubRequest } from '../../helpers/api';
import { communityParameter } from '../../helpers/locators';
import { readLimit } from '../../helpers/validation';

/** Every Community operation starts from the community, by slug (default), web URL or ID. */
export const communityProperty = communityLocator();

/** `/api/communities/{id}` + `suffix`, for the community of this item (a slug costs one request). */
export async function communityPath(context: IExecuteFunctions, itemIndex: number, suffix = ''): Promise<string> {
	const communityId = await communityParameter(context, 'communityId', itemIndex);
	return communityRoute(communityId, suffix);
}

/** A whole-list route (members, directory): `{ items }`, cut to the Limit unless Return All. */
export async function getItems(context: IExecuteFunctions, itemIndex: number, suffix: string, resource = 'community'): Promise<IDataObject[]> {
	const limit = readLimit(context, itemIndex);
	const path = await communityPath(context, itemIndex, suffix);
	const { items } = await hubRequest<{ items: IDataObject[] }>(context, 'GET', path, { itemIndex, resource });
	return limit === undefined ? items : items.slice(0, limit);
}

export const ROLE_OPTIONS = [
	{ name: 'Admin', value: 'admin', description: 'Manages members and categories' },
	{ name: 'Moderator', value: 'moderator', description: 'Keeps discussions in order' },
	{ name: 'Member', value: 'member', description: 'Reads and takes part' },
];
