import { updateDisplayOptions, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';
import { postLocator } from '../../descriptions/locators';
import { hubRequest } from '../../helpers/api';
import { locatorParameter } from '../../helpers/locators';
import { deleteUnlessGone, skipIfDoneOptions, skipSettings } from '../../helpers/skipIfDone';

const properties: INodeProperties[] = [
	postLocator({
		description: 'The post to delete (its author or a community admin only; the opening post cannot be deleted, delete the topic instead)',
	}),
	skipIfDoneOptions('gone'),
];

export const description = updateDisplayOptions({ show: { resource: ['post'], operation: ['delete'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const postId = locatorParameter(this, 'postId', 'post', 'Post', itemIndex);
	const skip = skipSettings(this, itemIndex);
	const remove = async () => await hubRequest(this, 'DELETE', `/api/discussion/posts/${encodeURIComponent(postId)}`, { itemIndex, resource: 'post' });
	return { deleted: true, id: postId, ...(await deleteUnlessGone(skip, remove)) };
}
