import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';
import { categoryLocator } from '../../descriptions/locators';
import { communityRoute, hubRequest } from '../../helpers/api';
import { earlierCategoryUpdate } from '../../helpers/earlierWrites';
import { communityParameter, locatorParameter } from '../../helpers/locators';
import { skipIfDone, skipIfDoneOptions, skipSettings } from '../../helpers/skipIfDone';
import { invalidInput } from '../../helpers/validation';
import { nameProperty, optionalCategoryFields, readCategoryFields, slugProperty } from './categoryFields';
import { communityProperty } from './shared';

const properties: INodeProperties[] = [
	communityProperty,
	categoryLocator(),
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{ displayName: 'Archived', name: 'isArchived', type: 'boolean', default: false, description: 'Whether the category is archived (hidden, no new topics)' },
			...optionalCategoryFields,
			{ ...nameProperty(false), required: false },
			{ displayName: 'Public', name: 'isPublic', type: 'boolean', default: true, description: 'Whether people outside the community can read the category' },
			{ ...slugProperty(false), required: false },
		],
	},
	skipIfDoneOptions('state'),
];

export const description = updateDisplayOptions({ show: { resource: ['community'], operation: ['updateCategory'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const categoryId = locatorParameter(this, 'categoryId', 'category', 'Category', itemIndex);
	const body = readCategoryFields(this, this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject, itemIndex);
	if (Object.keys(body).length === 0) {
		throw invalidInput(this, 'Update Fields', 'must set at least one field', itemIndex, 'Add a field to change, e.g. Name or Archived');
	}
	const skip = skipSettings(this, itemIndex);
	const communityId = await communityParameter(this, 'communityId', itemIndex);
	const path = communityRoute(communityId, `/categories/${encodeURIComponent(categoryId)}`);
	const update = async () => await hubRequest(this, 'PUT', path, { body, itemIndex, resource: 'category' });
	return await skipIfDone(this, itemIndex, skip, earlierCategoryUpdate(communityId, categoryId, body), update);
}
