import { updateDisplayOptions, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';
import { returnAllOrLimit } from '../../descriptions/common';
import { getItems, communityProperty } from './shared';

const properties: INodeProperties[] = [communityProperty, ...returnAllOrLimit()];

export const description = updateDisplayOptions({ show: { resource: ['community'], operation: ['getMembers'] } }, properties);

/** Members with their role (IDs only; Get Directory has their names). Only members may list them. */
export const readOnly = true;

export async function execute(this: IExecuteFunctions, itemIndex: number) {
	return await getItems(this, itemIndex, '/members');
}
