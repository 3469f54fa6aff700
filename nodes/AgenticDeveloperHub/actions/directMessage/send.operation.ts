import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';
import { chatLocator } from '../../descriptions/locators';
import { callerKeyOptions, callerOrStableKey, type CallerKey } from '../../helpers/idempotency';
import { skipSettings } from '../../helpers/skipIfDone';
import { hubApiResponse } from '../../transport';
import { locatorParameter } from '../../helpers/locators';
import { requireOption, requireText } from '../../helpers/validation';
import { openChat, recipientProperty } from './shared';

const SEND_TO = [
	{ name: 'Chat', value: 'chat', description: 'An existing chat' },
	{ name: 'User', value: 'user', description: 'A person, by user ID; the chat is opened if needed' },
];

const CLIENT_MESSAGE_ID: CallerKey = {
	displayName: 'Client Message ID',
	name: 'clientMessageId',
	maxLength: 36,
	description:
		'Your own ID for this message (at most 36 characters); the Hub sends a message only once per ID. By default the node derives one per execution and item, so a retried send is never duplicated.',
};

const properties: INodeProperties[] = [
	{
		displayName: 'Send To',
		name: 'sendTo',
		type: 'options',
		options: SEND_TO,
		default: 'chat',
		description: 'Whether to send into a chat or to a person',
	},
	chatLocator({ displayOptions: { show: { sendTo: ['chat'] } } }),
	recipientProperty({ show: { sendTo: ['user'] } }),
	{
		displayName: 'Message',
		name: 'body',
		type: 'string',
		typeOptions: { rows: 3 },
		required: true,
		default: '',
		description: 'The message text',
	},
	callerKeyOptions(CLIENT_MESSAGE_ID),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['directMessage'], operation: ['send'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const body = requireText(this, this.getNodeParameter('body', itemIndex), 'Message', itemIndex);
	const skip = skipSettings(this, itemIndex);
	const toUser = requireOption(this, this.getNodeParameter('sendTo', itemIndex, 'chat'), SEND_TO, 'Send To', itemIndex) === 'user';
	const chosenChat = toUser ? undefined : locatorParameter(this, 'chatId', 'chat', 'Chat', itemIndex);
	// Checked before any request; the same message to the same person or chat is the same content.
	const to = chosenChat ?? `user:${String(this.getNodeParameter('recipientId', itemIndex))}`;
	const clientMessageId = callerOrStableKey(this, itemIndex, CLIENT_MESSAGE_ID, 'direct-message', [to, body]);
	const chatId = chosenChat ?? String((await openChat(this, itemIndex)).id);
	const { body: message, statusCode } = await hubApiResponse(this, 'POST', `/api/chat/dms/${encodeURIComponent(chatId)}/messages`, {
		body: { body, clientMessageId },
		itemIndex,
		resource: 'chat',
		// The Hub returns the first message for a clientMessageId it already has (200, not 201).
		idempotent: true,
	});
	return skip.on ? { ...(message as IDataObject), skipped: statusCode === 200 } : (message as IDataObject);
}
