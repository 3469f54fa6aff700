import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';
import { hubRequest } from '../../helpers/api';

const properties: INodeProperties[] = [];

export const description = updateDisplayOptions({ show: { resource: ['notification'], operation: ['getAllPreferences'] } }, properties);

/** One item per category: `{ category, email, sms, inApp }`. */
export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const { preferences } = await hubRequest<{ preferences: IDataObject[] }>(this, 'GET', '/api/notifications/preferences', { itemIndex });
	return preferences;
}
