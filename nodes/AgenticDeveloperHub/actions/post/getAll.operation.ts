import { updateDisplayOptions, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';
import { topicLocator } from '../../descriptions/locators';
import { returnAllOrLimit, simplifyProperty } from '../../descriptions/common';
import { hubRequestAll } from '../../helpers/api';
import { locatorParameter } from '../../helpers/locators';
import { simplifyIf, simplifyParameter } from '../../helpers/simplify';
import { readLimit } from '../../helpers/validation';

const properties: INodeProperties[] = [
	topicLocator({ description: 'The topic whose posts to get, in thread order (the opening post first)' }),
	...returnAllOrLimit(),
	simplifyProperty('post'),
];

export const description = updateDisplayOptions({ show: { resource: ['post'], operation: ['getAll'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const simplified = simplifyParameter(this, itemIndex);
	const limit = readLimit(this, itemIndex);
	const topicId = locatorParameter(this, 'topicId', 'topic', 'Topic', itemIndex);
	const posts = await hubRequestAll(
		this,
		`/api/discussion/topics/${encodeURIComponent(topicId)}/posts`,
		{ itemsKey: 'items', maxPageSize: 100 },
		{ itemIndex, limit, resource: 'topic' },
	);
	return simplifyIf(simplified, 'post', posts);
}
