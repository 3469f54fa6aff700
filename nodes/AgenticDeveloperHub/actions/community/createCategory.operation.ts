import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';
import { communityRoute, hubRequest } from '../../helpers/api';
import { earlierCategory } from '../../helpers/earlierWrites';
import { communityParameter } from '../../helpers/locators';
import { skipIfDone, skipIfDoneOptions, skipSettings } from '../../helpers/skipIfDone';
import { nameProperty, optionalCategoryFields, readCategoryFields, slugProperty } from './categoryFields';
import { categoryReadBack } from './readBacks';
import { communityLocator } from '../../descriptions/locators';

const properties: INodeProperties[] = [
	communityLocator({ description: 'The community to add the category to (you must be one of its admins)' }),
	nameProperty(true),
	slugProperty(true),
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: optionalCategoryFields,
	},
	skipIfDoneOptions('readBack'),
];

export const description = updateDisplayOptions({ show: { resource: ['community'], operation: ['createCategory'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const additionalFields = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const body = readCategoryFields(
		this,
		{ ...additionalFields, name: this.getNodeParameter('name', itemIndex), slug: this.getNodeParameter('slug', itemIndex) },
		itemIndex,
	);
	const skip = skipSettings(this, itemIndex);
	// Last: a community slug costs a request, so every other input is checked before it.
	const communityId = await communityParameter(this, 'communityId', itemIndex);
	const create = async () =>
		await hubRequest(this, 'POST', communityRoute(communityId, '/categories'), {
			body,
			itemIndex,
			resource: 'community',
			readBack: categoryReadBack(communityId, String(body.slug)),
		});
	return await skipIfDone(this, itemIndex, skip, earlierCategory(communityId, String(body.slug), String(body.name)), create);
}
