import { updateDisplayOptions, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';
import { hubRequest } from '../../helpers/api';

const properties: INodeProperties[] = [];

export const description = updateDisplayOptions(
	{ show: { resource: ['notification'], operation: ['getUnreadCount'] } },
	properties,
);

/** `{ count }` of unread notifications in the inbox (what the Hub's badge shows). */
export const readOnly = true;

export async function execute(this: IExecuteFunctions, itemIndex: number) {
	return await hubRequest(this, 'GET', '/api/notifications/unread-count', { itemIndex });
}
