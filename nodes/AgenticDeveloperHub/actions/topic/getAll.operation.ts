import { updateDisplayOptions, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';
import { communityLocator } from '../../descriptions/locators';
import { returnAllOrLimit, simplifyProperty } from '../../descriptions/common';
import { hubRequestAll } from '../../helpers/api';
import { addNames, includeAuthorNamesParameter, includeAuthorNamesProperty } from '../../helpers/authorNames';
import { resolveCommunityId } from '../../helpers/locators';
import { simplifyIf, simplifyParameter } from '../../helpers/simplify';
import { readLimit } from '../../helpers/validation';

const properties: INodeProperties[] = [
	communityLocator({
		required: false,
		description: 'Only topics of this community. Leave empty for topics of every community you can see.',
	}),
	...returnAllOrLimit(),
	simplifyProperty('topic'),
	includeAuthorNamesProperty('topic'),
];

export const description = updateDisplayOptions({ show: { resource: ['topic'], operation: ['getAll'] } }, properties);

/** Most recently active first. */
export const readOnly = true;

export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const simplified = simplifyParameter(this, itemIndex);
	const withNames = includeAuthorNamesParameter(this, itemIndex);
	const limit = readLimit(this, itemIndex);
	const communityId = await resolveCommunityId.call(this, this.getNodeParameter('communityId', itemIndex, ''), 'Community', itemIndex);
	const topics = await hubRequestAll(
		this,
		'/api/discussion/topics',
		{ itemsKey: 'items', maxPageSize: 100 },
		{ qs: communityId ? { communityId } : {}, itemIndex, limit, resource: 'community' },
	);
	const output = simplifyIf(simplified, 'topic', topics);
	return withNames ? await addNames(this, output, (record) => record.communityId, itemIndex) : output;
}
