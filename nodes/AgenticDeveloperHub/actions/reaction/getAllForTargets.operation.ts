import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';
import { returnAllOrLimit } from '../../descriptions/common';
import { hubRequest } from '../../helpers/api';
import { invalidInput, readLimit, requireHubId, requireOption } from '../../helpers/validation';
import { TARGET_KINDS } from './shared';

/** IDs per request: keeps the query string short (36-character UUIDs) whatever the input holds. */
const TARGETS_PER_REQUEST = 50;

const properties: INodeProperties[] = [
	{
		displayName: 'Target',
		name: 'targetKind',
		type: 'options',
		options: TARGET_KINDS,
		default: 'discussion.topics',
		description: 'Whether the IDs are of topics or of posts (replies)',
	},
	{
		displayName: 'Target IDs',
		name: 'targetIds',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 3f1c2a9e-5b7d-4c1e-9a2f-6d8b0e4c7a15, 8e2d4b6a-...',
		description: 'The topic or post IDs, separated by commas (or a list from an expression)',
	},
	...returnAllOrLimit(),
];

export const description = updateDisplayOptions({ show: { resource: ['reaction'], operation: ['getAllForTargets'] } }, properties);

function readTargetIds(context: IExecuteFunctions, itemIndex: number): string[] {
	const raw = context.getNodeParameter('targetIds', itemIndex);
	const entries = Array.isArray(raw) ? raw : String(raw ?? '').split(',');
	const ids = entries.map((entry) => (typeof entry === 'string' ? entry.trim() : entry)).filter((entry) => entry !== '');
	if (ids.length === 0) throw invalidInput(context, 'Target IDs', 'must have at least one ID', itemIndex, 'Enter topic or post IDs separated by commas');
	return [...new Set(ids.map((id) => requireHubId(context, id, 'Target IDs', itemIndex)))];
}

/**
 * The batch form of `GET /content/reactions` (`targetIds`, comma-separated): every reaction on
 * every target, one item each, in as few requests as the IDs need.
 */
export const readOnly = true;

export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const targetKind = requireOption(this, this.getNodeParameter('targetKind', itemIndex), TARGET_KINDS, 'Target', itemIndex);
	const targetIds = readTargetIds(this, itemIndex);
	const limit = readLimit(this, itemIndex);
	const reactions: IDataObject[] = [];
	for (let start = 0; start < targetIds.length && (limit === undefined || reactions.length < limit); start += TARGETS_PER_REQUEST) {
		const { items } = await hubRequest<{ items: IDataObject[] }>(this, 'GET', '/api/content/reactions', {
			qs: { targetKind, targetIds: targetIds.slice(start, start + TARGETS_PER_REQUEST).join(',') },
			itemIndex,
			resource: targetKind === 'discussion.posts' ? 'post' : 'topic',
		});
		reactions.push(...items);
	}
	return limit === undefined ? reactions : reactions.slice(0, limit);
}
