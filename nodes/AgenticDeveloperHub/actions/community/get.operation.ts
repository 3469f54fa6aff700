import { updateDisplayOptions, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';
import { communityRoute, hubRequest } from '../../helpers/api';
import { requireLocator } from '../../helpers/locators';
import { communityProperty } from './shared';

const properties: INodeProperties[] = [communityProperty];

export const description = updateDisplayOptions({ show: { resource: ['community'], operation: ['get'] } }, properties);

/** `GET /communities/{slug}`: the route that names a community (its ID works as well). */
export const readOnly = true;

export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const key = requireLocator.call(this, this.getNodeParameter('communityId', itemIndex), 'community', 'Community', itemIndex);
	return await hubRequest(this, 'GET', communityRoute(key), { itemIndex, resource: 'community' });
}
