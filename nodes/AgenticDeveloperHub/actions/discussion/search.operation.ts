import { updateDisplayOptions, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';
import { returnAllOrLimit, simplifyProperty } from '../../descriptions/common';
import { hubRequestAll } from '../../helpers/api';
import { simplifyIf, simplifyParameter } from '../../helpers/simplify';
import { readLimit, requireOption, requireText } from '../../helpers/validation';

const SEARCH_TYPES: Array<{ name: string; value: 'topics' | 'posts'; description: string }> = [
	{ name: 'Topics', value: 'topics', description: 'Topics whose title or excerpt contains the text' },
	{ name: 'Posts', value: 'posts', description: 'Posts whose content contains the text (the Hub returns their topic and number, not their text)' },
];

const properties: INodeProperties[] = [
	{
		displayName: 'Search For',
		name: 'searchType',
		type: 'options',
		options: SEARCH_TYPES,
		default: 'topics',
		description: 'Whether to search topics or posts',
	},
	{
		displayName: 'Query',
		name: 'query',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. webhook retries',
		description: 'Text to look for (case-insensitive, at most 500 characters)',
	},
	...returnAllOrLimit(),
	simplifyProperty('foundTopic', 'foundPost'),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['discussion'], operation: ['search'] } },
	properties,
);

export const readOnly = true;

export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const simplified = simplifyParameter(this, itemIndex);
	const query = requireText(this, this.getNodeParameter('query', itemIndex), 'Query', itemIndex, 500);
	const limit = readLimit(this, itemIndex);
	const searchType = requireOption(this, this.getNodeParameter('searchType', itemIndex), SEARCH_TYPES, 'Search For', itemIndex);
	const matches = await hubRequestAll(
		this,
		'/api/search/discussions',
		{ itemsKey: searchType, maxPageSize: 100, hasMoreKey: `${searchType}HasMore` },
		{ qs: { q: query, type: searchType }, itemIndex, limit },
	);
	const kind = searchType === 'topics' ? 'foundTopic' : 'foundPost';
	return simplifyIf(simplified, kind, matches);
}
