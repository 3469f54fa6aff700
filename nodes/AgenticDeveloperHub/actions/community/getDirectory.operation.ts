import { updateDisplayOptions, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';
import { returnAllOrLimit } from '../../descriptions/common';
import { getItems, communityProperty } from './shared';

const properties: INodeProperties[] = [communityProperty, ...returnAllOrLimit()];

export const description = updateDisplayOptions({ show: { resource: ['community'], operation: ['getDirectory'] } }, properties);

/** The member directory: names, roles, post counts and the categories each member is active in. */
export const readOnly = true;

export async function execute(this: IExecuteFunctions, itemIndex: number) {
	return await getItems(this, itemIndex, '/directory');
}
