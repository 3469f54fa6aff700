import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { hubRequest } from '../../helpers/api';
import { requireHubId } from '../../helpers/validation';

export function recipientProperty(displayOptions?: INodeProperties['displayOptions']): INodeProperties {
	const property: INodeProperties = {
		displayName: 'Recipient User ID',
		name: 'recipientId',
		type: 'string',
		required: true,
		default: '',
		description:
			'Hub user ID of the person to message (for example the `customerId` of a topic or post, or `otherUserId` of a chat)',
	};
	if (displayOptions) property.displayOptions = displayOptions;
	return property;
}

/** Opens (or finds) the chat with the `recipientId` parameter's user: `{ id, otherUserId, created }`. */
export async function openChat(context: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const recipientId = requireHubId(context, context.getNodeParameter('recipientId', itemIndex), 'Recipient User ID', itemIndex);
	// One chat per pair of users.
	return await hubRequest(context, 'POST', '/api/chat/dms', { body: { recipientId }, itemIndex, resource: 'user', idempotent: true });
}
