import { updateDisplayOptions, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';
import { hubRequest } from '../../helpers/api';
import { categoryProperty, preferencePath, readCategory } from './preferenceFields';

const properties: INodeProperties[] = [categoryProperty('The kind of notification whose delivery channels to get')];

export const description = updateDisplayOptions({ show: { resource: ['notification'], operation: ['getPreference'] } }, properties);

/** `{ category, email, sms, inApp }`: where the Hub delivers notifications of this category. */
export const readOnly = true;

export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const category = readCategory(this, itemIndex);
	return await hubRequest(this, 'GET', preferencePath(category), { itemIndex });
}
