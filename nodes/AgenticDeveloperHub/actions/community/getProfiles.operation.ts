import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';
import { communityRoute, hubRequest } from '../../helpers/api';
import { fetchProfiles } from '../../helpers/authorNames';
import { communityParameter } from '../../helpers/locators';
import { invalidInput, requireHubId, requireOption, requireText } from '../../helpers/validation';
import { communityProperty } from './shared';

const LOOK_UP_OPTIONS = [
	{ name: 'By User IDs', value: 'ids', description: 'Names for a list of user IDs (e.g. the customerId of topics)' },
	{ name: 'By Name', value: 'name', description: 'People whose name contains the text' },
];

const properties: INodeProperties[] = [
	communityProperty,
	{
		displayName: 'Look Up',
		name: 'lookUpBy',
		type: 'options',
		options: LOOK_UP_OPTIONS,
		default: 'ids',
		description: 'Whether to name people by their user IDs or to find them by name',
	},
	{
		displayName: 'User IDs',
		name: 'userIds',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 3f1c2a9e-5b7d-4c1e-9a2f-6d8b0e4c7a15, 8e2d4b6a-3333-4c5d-9e6f-000000000002',
		description: 'User IDs, separated by commas (or a list from an expression). More than 200 are sent in batches of 200.',
		displayOptions: { show: { lookUpBy: ['ids'] } },
	},
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. Grace',
		description: 'Part of the name (or slug) of the people to find',
		displayOptions: { show: { lookUpBy: ['name'] } },
	},
];

export const description = updateDisplayOptions({ show: { resource: ['community'], operation: ['getProfiles'] } }, properties);

/** The user IDs of the field: a comma-separated text or a list, each a valid ID, without repeats. */
function readUserIds(context: IExecuteFunctions, itemIndex: number): string[] {
	const raw = context.getNodeParameter('userIds', itemIndex, '');
	const parts = Array.isArray(raw) ? raw : String(raw ?? '').split(',');
	const ids = parts.map((part) => String(part).trim()).filter(Boolean);
	if (ids.length === 0) throw invalidInput(context, 'User IDs', 'must name at least one user ID', itemIndex);
	return [...new Set(ids.map((id) => requireHubId(context, id, 'User IDs', itemIndex)))];
}

/** One output item per profile found (`customerId`, `displayName`, `slug`, `avatarUrl`). */
export const readOnly = true;

export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const lookUpBy = requireOption(this, this.getNodeParameter('lookUpBy', itemIndex, 'ids'), LOOK_UP_OPTIONS, 'Look Up', itemIndex);
	if (lookUpBy === 'ids') {
		const ids = readUserIds(this, itemIndex);
		const communityId = await communityParameter(this, 'communityId', itemIndex);
		return await fetchProfiles(this, communityId, ids, itemIndex);
	}
	const name = requireText(this, this.getNodeParameter('name', itemIndex, ''), 'Name', itemIndex).trim();
	const communityId = await communityParameter(this, 'communityId', itemIndex);
	const { items } = await hubRequest<{ items: IDataObject[] }>(this, 'GET', communityRoute(communityId, '/profiles'), {
		qs: { q: name },
		itemIndex,
		resource: 'community',
	});
	return items;
}
