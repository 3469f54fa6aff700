import { updateDisplayOptions, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';
import { hubRequest } from '../../helpers/api';
import { requireText } from '../../helpers/validation';
import { readTarget, targetProperties } from './shared';

const properties: INodeProperties[] = [
	...targetProperties,
	{
		displayName: 'Emoji',
		name: 'emoji',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 👍',
		description: 'The emoji to react with (one emoji character or a short name, at most 64 characters)',
	},
];

export const description = updateDisplayOptions({ show: { resource: ['reaction'], operation: ['add'] } }, properties);

/** Adding the same emoji twice returns the existing reaction. */
export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const emoji = requireText(this, this.getNodeParameter('emoji', itemIndex), 'Emoji', itemIndex, 64).trim();
	const target = readTarget(this, itemIndex);
	return await hubRequest(this, 'POST', '/api/content/reactions', {
		body: { ...target, emoji },
		itemIndex,
		resource: target.targetKind === 'discussion.posts' ? 'post' : 'topic',
		// One reaction per user, target and emoji.
		idempotent: true,
	});
}
