import { updateDisplayOptions, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';
import { returnAllOrLimit } from '../../descriptions/common';
import { hubRequestAll } from '../../helpers/api';
import { readLimit } from '../../helpers/validation';

const properties: INodeProperties[] = [...returnAllOrLimit()];

export const description = updateDisplayOptions(
	{ show: { resource: ['directMessage'], operation: ['getAllChats'] } },
	properties,
);

/** Newest activity first, each with the other person's user ID, the last message and the unread count. */
export const readOnly = true;

export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const limit = readLimit(this, itemIndex);
	return await hubRequestAll(this, '/api/chat/dms', { itemsKey: 'chats', maxPageSize: 500 }, { itemIndex, limit });
}
