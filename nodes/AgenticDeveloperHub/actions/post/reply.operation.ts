import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';
import { postLocator, topicLocator } from '../../descriptions/locators';
import { hubRequest } from '../../helpers/api';
import { locatorParameter, readLocator } from '../../helpers/locators';
import { earlierReply } from '../../helpers/earlierWrites';
import { replyReadBack } from '../../helpers/readBack';
import { skipIfDone, skipIfDoneOptions, skipSettings } from '../../helpers/skipIfDone';
import { requireText } from '../../helpers/validation';

const properties: INodeProperties[] = [
	topicLocator({ description: 'The topic to reply in (it must not be locked)' }),
	{
		displayName: 'Body',
		name: 'body',
		type: 'string',
		typeOptions: { rows: 5 },
		required: true,
		default: '',
		description: 'The reply, in Markdown',
	},
	postLocator({
		name: 'parentPostId',
		displayName: 'In Reply To Post',
		required: false,
		description: 'Optional: the post in the same topic that this reply answers. Leave empty to reply to the topic.',
	}),
	skipIfDoneOptions('readBack'),
];

export const description = updateDisplayOptions({ show: { resource: ['post'], operation: ['reply'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const body = requireText(this, this.getNodeParameter('body', itemIndex), 'Body', itemIndex);
	const topicId = locatorParameter(this, 'topicId', 'topic', 'Topic', itemIndex);
	const parent = readLocator.call(this, this.getNodeParameter('parentPostId', itemIndex, ''), 'post', 'In Reply To Post', itemIndex);
	const skip = skipSettings(this, itemIndex);
	const request: IDataObject = { body };
	if (parent) request.parentPostId = parent.value;
	const reply = async () =>
		await hubRequest(this, 'POST', `/api/discussion/topics/${encodeURIComponent(topicId)}/posts`, {
			body: request,
			itemIndex,
			resource: 'topic',
			readBack: replyReadBack(topicId, body, parent?.value),
		});
	return await skipIfDone(this, itemIndex, skip, earlierReply(topicId, body, parent?.value), reply);
}
