import { updateDisplayOptions, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';
import { hubRequest } from '../../helpers/api';
import { requireHubId } from '../../helpers/validation';

const properties: INodeProperties[] = [
	{
		displayName: 'Reaction ID',
		name: 'reactionId',
		type: 'string',
		required: true,
		default: '',
		description: 'ID of your reaction to remove, as returned by Add or Get Many',
	},
];

export const description = updateDisplayOptions({ show: { resource: ['reaction'], operation: ['remove'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const reactionId = requireHubId(this, this.getNodeParameter('reactionId', itemIndex), 'Reaction ID', itemIndex);
	await hubRequest(this, 'DELETE', `/api/content/reactions/${encodeURIComponent(reactionId)}`, {
		itemIndex,
		resource: 'reaction',
	});
	return { deleted: true, id: reactionId };
}
