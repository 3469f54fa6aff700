import { updateDisplayOptions, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';
import { topicLocator } from '../../descriptions/locators';
import { returnAllOrLimit, simplifyProperty } from '../../descriptions/common';
import { hubRequest, hubRequestAll } from '../../helpers/api';
import { addNames, includeAuthorNamesParameter, includeAuthorNamesProperty } from '../../helpers/authorNames';
import { locatorParameter } from '../../helpers/locators';
import { simplifyIf, simplifyParameter } from '../../helpers/simplify';
import { readLimit } from '../../helpers/validation';

const properties: INodeProperties[] = [
	topicLocator({ description: 'The topic whose posts to get, in thread order (the opening post first)' }),
	...returnAllOrLimit(),
	simplifyProperty('post'),
	includeAuthorNamesProperty('post'),
];

export const description = updateDisplayOptions({ show: { resource: ['post'], operation: ['getAll'] } }, properties);

export const readOnly = true;

export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const simplified = simplifyParameter(this, itemIndex);
	const withNames = includeAuthorNamesParameter(this, itemIndex);
	const limit = readLimit(this, itemIndex);
	const topicId = locatorParameter(this, 'topicId', 'topic', 'Topic', itemIndex);
	const posts = await hubRequestAll(
		this,
		`/api/discussion/topics/${encodeURIComponent(topicId)}/posts`,
		{ itemsKey: 'items', maxPageSize: 100 },
		{ itemIndex, limit, resource: 'topic' },
	);
	const output = simplifyIf(simplified, 'post', posts);
	if (!withNames || output.length === 0) return output;
	// Posts may carry their community (optional in the types); else their topic tells, once.
	const communityId =
		(posts.find((post) => typeof post.communityId === 'string')?.communityId as string | undefined) ??
		String((await hubRequest(this, 'GET', `/api/discussion/topics/${encodeURIComponent(topicId)}`, { itemIndex, resource: 'topic' })).communityId);
	return await addNames(this, output, communityId, itemIndex);
}
