import { updateDisplayOptions, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';
import { hubRequest } from '../../helpers/api';
import { categoryProperty, preferencePath, readCategory } from './preferenceFields';

const properties: INodeProperties[] = [categoryProperty('The kind of notification whose preference to delete (it goes back to the Hub default)')];

export const description = updateDisplayOptions({ show: { resource: ['notification'], operation: ['deletePreference'] } }, properties);

/** `DELETE /notifications/preferences/{category}`; the Hub answers 204. Output: `{ deleted, category }`. */
export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const category = readCategory(this, itemIndex);
	await hubRequest(this, 'DELETE', preferencePath(category), { itemIndex, resource: 'notification preference' });
	return { deleted: true, category };
}
