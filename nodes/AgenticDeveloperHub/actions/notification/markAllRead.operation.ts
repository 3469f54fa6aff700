import { updateDisplayOptions, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';
import { hubRequest } from '../../helpers/api';

const properties: INodeProperties[] = [];

export const description = updateDisplayOptions(
	{ show: { resource: ['notification'], operation: ['markAllRead'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number) {
	return await hubRequest(this, 'POST', '/api/notifications/read-all', { itemIndex, idempotent: true });
}
