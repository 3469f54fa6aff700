import { updateDisplayOptions, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';
import { returnAllOrLimit, simplifyProperty } from '../../descriptions/common';
import { categoryLocator } from '../../descriptions/locators';
import { hubRequestAll } from '../../helpers/api';
import { addNames, includeAuthorNamesParameter, includeAuthorNamesProperty } from '../../helpers/authorNames';
import { readLocator } from '../../helpers/locators';
import { simplifyIf, simplifyParameter } from '../../helpers/simplify';
import { readLimit, requireOption } from '../../helpers/validation';
import { communityPath, communityProperty } from './shared';

const SORT_OPTIONS = [
	{ name: 'Recent', value: 'recent', description: 'Most recently active first' },
	{ name: 'Popular', value: 'popular', description: 'Most replies first' },
	{ name: 'Trending', value: 'trending', description: 'Most replies among recently active topics first' },
];

const properties: INodeProperties[] = [
	communityProperty,
	{
		displayName: 'Sort',
		name: 'sort',
		type: 'options',
		options: SORT_OPTIONS,
		default: 'recent',
		description: 'The order of the topics',
	},
	categoryLocator({ required: false, description: 'Only topics in this category. Leave empty for every category.' }),
	...returnAllOrLimit(),
	simplifyProperty('topic'),
	includeAuthorNamesProperty('topic'),
];

export const description = updateDisplayOptions({ show: { resource: ['community'], operation: ['getTopics'] } }, properties);

/** `GET /communities/{id}/topics`: pages carry `total`, which ends the list. */
export const readOnly = true;

export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const simplified = simplifyParameter(this, itemIndex);
	const withNames = includeAuthorNamesParameter(this, itemIndex);
	const limit = readLimit(this, itemIndex);
	const sort = requireOption(this, this.getNodeParameter('sort', itemIndex, 'recent'), SORT_OPTIONS, 'Sort', itemIndex);
	const category = readLocator.call(this, this.getNodeParameter('categoryId', itemIndex, ''), 'category', 'Category', itemIndex)?.value;
	const path = await communityPath(this, itemIndex, '/topics');
	const topics = await hubRequestAll(
		this,
		path,
		{ itemsKey: 'items', maxPageSize: 100 },
		{ qs: category ? { sort, category } : { sort }, itemIndex, limit, resource: 'community' },
	);
	const output = simplifyIf(simplified, 'topic', topics);
	return withNames ? await addNames(this, output, (record) => record.communityId, itemIndex) : output;
}
