import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';
import { hubRequest } from '../../helpers/api';
import { requireBoolean } from '../../helpers/validation';
import { categoryProperty, readCategory } from './preferenceFields';

const CHANNELS = [
	{ displayName: 'Email', name: 'email', description: 'Whether to send these notifications by email' },
	{ displayName: 'SMS', name: 'sms', description: 'Whether to send these notifications by text message' },
	{ displayName: 'In App', name: 'inApp', description: 'Whether to show these notifications in the Hub' },
];

const properties: INodeProperties[] = [
	categoryProperty('The kind of notification whose delivery channels to set'),
	...CHANNELS.map((channel): INodeProperties => ({ ...channel, type: 'boolean', default: channel.name !== 'sms' })),
];

export const description = updateDisplayOptions({ show: { resource: ['notification'], operation: ['setPreference'] } }, properties);

/**
 * `PUT /notifications/preferences` with one category: creates or replaces it, so running it again
 * changes nothing (the POST route would answer 409 for a category already set). Returns that category.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const category = readCategory(this, itemIndex);
	const preference: IDataObject = { category };
	for (const { name, displayName } of CHANNELS) {
		preference[name] = requireBoolean(this, this.getNodeParameter(name, itemIndex), displayName, itemIndex);
	}
	const { preferences } = await hubRequest<{ preferences: IDataObject[] }>(this, 'PUT', '/api/notifications/preferences', {
		body: { preferences: [preference] },
		itemIndex,
	});
	return preferences.find((stored) => stored.category === category) ?? preference;
}
