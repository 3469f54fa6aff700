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
	const { messageId } = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	// Without a message the whole chat is read: no body (the published body is optional).
	const body =
		messageId !== undefined && String(messageId).trim() !== ''
			? { messageId: requireHubId(this, messageId, 'Up To Message ID', itemIndex) }
			: undefined;
	const result = await hubRequest(this, 'POST', `/api/chat/dms/${encodeURIComponent(chatId)}/read`, {
		body,
		itemIndex,
		resource: 'chat',
		idempotent: true,
	});
	return { ...result, chatId };
}
