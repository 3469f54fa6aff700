import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';
import { returnAllOrLimit } from '../../descriptions/common';
import { hubRequest } from '../../helpers/api';
import { readLimit } from '../../helpers/validation';

const properties: INodeProperties[] = [...returnAllOrLimit()];

export const description = updateDisplayOptions({ show: { resource: ['notification'], operation: ['getAllPreferences'] } }, properties);

/** One item per category: `{ category, email, sms, inApp }`, in one unpaginated list. */
export const readOnly = true;

export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const limit = readLimit(this, itemIndex);
	const { preferences } = await hubRequest<{ preferences: IDataObject[] }>(this, 'GET', '/api/notifications/preferences', { itemIndex });
	return limit === undefined ? preferences : preferences.slice(0, limit);
}
