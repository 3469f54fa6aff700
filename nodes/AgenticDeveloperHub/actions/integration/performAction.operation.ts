import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';
import { connectionLocator } from '../../descriptions/locators';
import { hubRequest } from '../../helpers/api';
import { callerKeyOptions, callerOrStableKey, type CallerKey } from '../../helpers/idempotency';
import { locatorParameter } from '../../helpers/locators';
import { requireEmail, requireOption, requirePhoneNumber, requireText } from '../../helpers/validation';

type ActionType = 'send' | 'post' | 'sms';

/** The most characters the Hub accepts in `message` per action. */
const MESSAGE_MAX_LENGTH: Record<ActionType, number> = { send: 50_000, post: 3000, sms: 1600 };

const ACTION_TYPES: Array<{ name: string; value: ActionType; description: string }> = [
	{ name: 'Send Email', value: 'send', description: 'Send an email through an email connection' },
	{ name: 'Publish Post', value: 'post', description: 'Publish a post through a social connection' },
	{ name: 'Send SMS', value: 'sms', description: 'Send a text message through an SMS connection' },
];

const IDEMPOTENCY_KEY: CallerKey = {
	displayName: 'Idempotency Key',
	name: 'idempotencyKey',
	maxLength: 255,
	description:
		'Your own key for this action (at most 255 characters); the Hub performs an action only once per key. By default the node derives one per execution and item, so a retried action is never repeated.',
};

const properties: INodeProperties[] = [
	connectionLocator({ description: 'The connection to act through; it must be active and support the action' }),
	{
		displayName: 'Action',
		name: 'actionType',
		type: 'options',
		options: ACTION_TYPES,
		default: 'send',
		description: 'What to do through the connection (see the provider\'s capabilities in Get Many Providers)',
	},
	{
		displayName: 'To Email',
		name: 'toEmail',
		type: 'string',
		placeholder: 'e.g. name@example.com',
		required: true,
		default: '',
		displayOptions: { show: { actionType: ['send'] } },
		description: 'Email address of the recipient',
	},
	{
		displayName: 'Subject',
		name: 'subject',
		type: 'string',
		default: '',
		displayOptions: { show: { actionType: ['send'] } },
		description: 'Subject line of the email (optional)',
	},
	{
		displayName: 'To Phone Number',
		name: 'toPhone',
		type: 'string',
		placeholder: 'e.g. +14155550100',
		required: true,
		default: '',
		displayOptions: { show: { actionType: ['sms'] } },
		description: 'Phone number of the recipient in E.164 format: + and country code, then the number',
	},
	{
		displayName: 'Message',
		name: 'message',
		type: 'string',
		typeOptions: { rows: 4 },
		required: true,
		default: '',
		description: 'The text to send or publish (emails up to 50,000 characters, posts 3,000, SMS 1,600)',
	},
	callerKeyOptions(IDEMPOTENCY_KEY),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['integration'], operation: ['performAction'] } },
	properties,
);

function actionBody(context: IExecuteFunctions, actionType: ActionType, itemIndex: number): IDataObject {
	const message = requireText(
		context,
		context.getNodeParameter('message', itemIndex),
		'Message',
		itemIndex,
		MESSAGE_MAX_LENGTH[actionType],
	);
	if (actionType === 'sms') {
		return { to: requirePhoneNumber(context, context.getNodeParameter('toPhone', itemIndex), 'To Phone Number', itemIndex), message };
	}
	if (actionType === 'send') {
		const body: IDataObject = { to: requireEmail(context, context.getNodeParameter('toEmail', itemIndex), 'To Email', itemIndex), message };
		const subject = String(context.getNodeParameter('subject', itemIndex, '') ?? '').trim();
		if (subject) body.subject = subject;
		return body;
	}
	return { message };
}

/** `{ ok, status, actionLogId, externalId, deduped }`; `deduped: true` when the key was already used. */
export async function execute(this: IExecuteFunctions, itemIndex: number) {
	// Checked against the list: the action is a segment of the request path.
	const actionType = requireOption(this, this.getNodeParameter('actionType', itemIndex), ACTION_TYPES, 'Action', itemIndex);
	const body = actionBody(this, actionType, itemIndex);
	const idempotencyKey = callerOrStableKey(this, itemIndex, IDEMPOTENCY_KEY, `integration-action:${actionType}`);
	const connectionId = locatorParameter(this, 'connectionId', 'connection', 'Connection', itemIndex);
	return await hubRequest(
		this,
		'POST',
		`/api/integrations/${encodeURIComponent(connectionId)}/actions/${actionType}`,
		// The one route whose Idempotency-Key the Hub's types declare: a repeat returns the first action.
		{ body, idempotencyKey, itemIndex, resource: 'connection', idempotent: true },
	);
}
