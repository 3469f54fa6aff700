import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';
import { communityLocator } from '../../descriptions/locators';
import { hubRequest } from '../../helpers/api';
import { communityParameter } from '../../helpers/locators';
import { earlierTopic } from '../../helpers/earlierWrites';
import { topicReadBack } from '../../helpers/readBack';
import { skipIfDone, skipIfDoneOptions, skipSettings } from '../../helpers/skipIfDone';
import { requireBoolean, requireHubId, requireText } from '../../helpers/validation';
import { TITLE_MAX_LENGTH, titleProperty } from './shared';

const properties: INodeProperties[] = [
	communityLocator({ description: 'The community to start the topic in (you must be one of its admins)' }),
	titleProperty({ required: true }),
	{
		displayName: 'Body',
		name: 'body',
		type: 'string',
		typeOptions: { rows: 5 },
		required: true,
		default: '',
		description: 'The opening post of the topic, in Markdown',
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'Category Name or ID',
				name: 'categoryId',
				type: 'options',
				typeOptions: { loadOptionsMethod: 'getCategories', loadOptionsDependsOn: ['communityId.value'] },
				default: '',
				description:
					'The category of the community to file the topic under. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			},
			{
				displayName: 'Public',
				name: 'isPublic',
				type: 'boolean',
				default: true,
				description: 'Whether people outside the community can read the topic',
			},
		],
	},
	skipIfDoneOptions('readBack'),
];

export const description = updateDisplayOptions({ show: { resource: ['topic'], operation: ['create'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const title = requireText(this, this.getNodeParameter('title', itemIndex), 'Title', itemIndex, TITLE_MAX_LENGTH);
	const body = requireText(this, this.getNodeParameter('body', itemIndex), 'Body', itemIndex);
	const additionalFields = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const skip = skipSettings(this, itemIndex);
	const request: IDataObject = { title, body };
	const { categoryId, isPublic } = additionalFields;
	if (categoryId !== undefined && categoryId !== '') request.categoryId = requireHubId(this, categoryId, 'Category', itemIndex);
	if (isPublic !== undefined) request.isPublic = requireBoolean(this, isPublic, 'Public', itemIndex);
	// Last: a community slug costs a request, so every other input is checked before it.
	const communityId = await communityParameter(this, 'communityId', itemIndex);
	request.communityId = communityId;
	const create = async () =>
		await hubRequest(this, 'POST', '/api/discussion/topics', {
			body: request,
			itemIndex,
			resource: 'community',
			readBack: topicReadBack(communityId, title),
		});
	return await skipIfDone(this, itemIndex, skip, earlierTopic(communityId, title), create);
}
