import { updateDisplayOptions, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';
import { topicLocator } from '../../descriptions/locators';
import { hubRequest } from '../../helpers/api';
import { locatorParameter } from '../../helpers/locators';
import { deleteUnlessGone, skipIfDoneOptions, skipSettings } from '../../helpers/skipIfDone';

const properties: INodeProperties[] = [
	topicLocator({ description: 'The topic to delete (its author or a community admin only)' }),
	skipIfDoneOptions('gone'),
];

export const description = updateDisplayOptions({ show: { resource: ['topic'], operation: ['delete'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const topicId = locatorParameter(this, 'topicId', 'topic', 'Topic', itemIndex);
	const skip = skipSettings(this, itemIndex);
	const remove = async () => await hubRequest(this, 'DELETE', `/api/discussion/topics/${encodeURIComponent(topicId)}`, { itemIndex, resource: 'topic' });
	return { deleted: true, id: topicId, ...(await deleteUnlessGone(skip, remove)) };
}
