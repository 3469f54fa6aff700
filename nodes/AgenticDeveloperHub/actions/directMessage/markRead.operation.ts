import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';
import { chatLocator } from '../../descriptions/locators';
import { hubRequest } from '../../helpers/api';
import { locatorParameter } from '../../helpers/locators';
import { requireHubId } from '../../helpers/validation';

const properties: INodeProperties[] = [
	chatLocator(),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Up To Message ID',
				name: 'messageId',
				type: 'string',
				default: '',
				description: 'Mark messages read up to and including this one; leave empty to mark the whole chat read',
			},
		],
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['directMessage'], operation: ['markRead'] } },
	properties,
);

/** Returns `{ success, unreadCount, chatId }`. Read positions only move forward. */
export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const chatId = locatorParameter(this, 'chatId', 'chat', 'Chat', itemIndex);
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const request: IDataObject = {};
	const { messageId } = options;
	if (messageId !== undefined && String(messageId).trim() !== '') {
		request.messageId = requireHubId(this, messageId, 'Up To Message ID', itemIndex);
	}
	const result = await hubRequest(this, 'POST', `/api/chat/dms/${encodeURIComponent(chatId)}/read`, {
		body: request,
		itemIndex,
		resource: 'chat',
		idempotent: true,
	});
	return { ...result, chatId };
}
