import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';
import { hubRequest } from '../../helpers/api';
import { requireBoolean } from '../../helpers/validation';
import { communityPath, communityProperty } from './shared';

const properties: INodeProperties[] = [
	communityProperty,
	{
		displayName: 'Include Archived',
		name: 'includeArchived',
		type: 'boolean',
		default: false,
		description: 'Whether to return archived categories too',
	},
];

export const description = updateDisplayOptions({ show: { resource: ['community'], operation: ['getCategories'] } }, properties);

/** Every category of the community, in display order (the route is not paged). */
export const readOnly = true;

export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const includeArchived = requireBoolean(this, this.getNodeParameter('includeArchived', itemIndex, false), 'Include Archived', itemIndex);
	const path = await communityPath(this, itemIndex, '/categories');
	const { items } = await hubRequest<{ items: IDataObject[] }>(this, 'GET', path, { itemIndex, resource: 'community' });
	return includeArchived ? items : items.filter((category) => category.isArchived !== true);
}
