import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';
import { categoryLocator } from '../../descriptions/locators';
import { hubRequest } from '../../helpers/api';
import { locatorParameter } from '../../helpers/locators';
import { invalidInput } from '../../helpers/validation';
import { nameProperty, optionalCategoryFields, readCategoryFields, slugProperty } from './categoryFields';
import { communityPath, communityProperty } from './shared';

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
];

export const description = updateDisplayOptions({ show: { resource: ['community'], operation: ['updateCategory'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const categoryId = locatorParameter(this, 'categoryId', 'category', 'Category', itemIndex);
	const body = readCategoryFields(this, this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject, itemIndex);
	if (Object.keys(body).length === 0) {
		throw invalidInput(this, 'Update Fields', 'must set at least one field', itemIndex, 'Add a field to change, e.g. Name or Archived');
	}
	const path = await communityPath(this, itemIndex, `/categories/${encodeURIComponent(categoryId)}`);
	return await hubRequest(this, 'PUT', path, { body, itemIndex, resource: 'category' });
}
