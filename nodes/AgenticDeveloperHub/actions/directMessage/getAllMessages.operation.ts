import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';
import { returnAllOrLimit } from '../../descriptions/common';
import { chatLocator } from '../../descriptions/locators';
import { hubRequestAll } from '../../helpers/api';
import { addNames, includeAuthorNamesProperty, namesCommunityParameter, namesCommunityProperty } from '../../helpers/authorNames';
import { locatorParameter } from '../../helpers/locators';
import { readLimit } from '../../helpers/validation';

const MESSAGES_MAX_PAGE_SIZE = 200;
const SENDER_FIELDS = { idField: 'senderUserId', nameField: 'senderName' };

const properties: INodeProperties[] = [
	chatLocator(),
	...returnAllOrLimit(),
	includeAuthorNamesProperty('sender', SENDER_FIELDS.nameField),
	namesCommunityProperty(),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['directMessage'], operation: ['getAllMessages'] } },
	properties,
).map((property) =>
	property.name === 'limit'
		? { ...property, description: 'Max number of messages to return: the newest ones, oldest first' }
		: property,
);

/**
 * The Hub pages messages newest window first, each page oldest to newest. With a Limit we fetch
 * whole pages (so the newest messages are all there, one request for up to 200), then keep the
 * newest `limit`; the output is always in conversation order (ascending `seq`).
 */
export const readOnly = true;

export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const limit = readLimit(this, itemIndex);
	const chatId = locatorParameter(this, 'chatId', 'chat', 'Chat', itemIndex);
	const namesCommunityId = await namesCommunityParameter(this, itemIndex);
	const wholePages = limit === undefined ? undefined : Math.ceil(limit / MESSAGES_MAX_PAGE_SIZE) * MESSAGES_MAX_PAGE_SIZE;
	const messages = await hubRequestAll(
		this,
		`/api/chat/dms/${encodeURIComponent(chatId)}/messages`,
		{ itemsKey: 'items', maxPageSize: MESSAGES_MAX_PAGE_SIZE },
		{ itemIndex, limit: wholePages, resource: 'chat' },
	);
	const inOrder = [...messages].sort((a: IDataObject, b: IDataObject) => Number(a.seq) - Number(b.seq));
	const output = limit === undefined ? inOrder : inOrder.slice(-limit);
	return namesCommunityId ? await addNames(this, output, namesCommunityId, itemIndex, SENDER_FIELDS) : output;
}
