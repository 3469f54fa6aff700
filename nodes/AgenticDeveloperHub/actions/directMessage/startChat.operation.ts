import { updateDisplayOptions, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';
import { recipientProperty, openChat } from './shared';

const properties: INodeProperties[] = [recipientProperty()];

export const description = updateDisplayOptions(
	{ show: { resource: ['directMessage'], operation: ['startChat'] } },
	properties,
);

/** Returns the existing chat with that person when there is one (`created: false`). */
export async function execute(this: IExecuteFunctions, itemIndex: number) {
	return await openChat(this, itemIndex);
}
