import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';
import { returnAllOrLimit } from '../../descriptions/common';
import { hubRequest } from '../../helpers/api';
import { readLimit, requireText } from '../../helpers/validation';

const properties: INodeProperties[] = [
	{
		displayName: 'Name',
		name: 'query',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. Ada',
		description: 'Part of the name or slug of the person to find (case does not matter)',
	},
	...returnAllOrLimit(),
];

export const description = updateDisplayOptions({ show: { resource: ['user'], operation: ['search'] } }, properties);

/** `GET /users/search`: people with a public profile, as `{ slug, displayName, avatarUrl, kind }`, in one list. */
export const readOnly = true;

export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const q = requireText(this, this.getNodeParameter('query', itemIndex), 'Name', itemIndex, 200).trim();
	const limit = readLimit(this, itemIndex);
	const hits = await hubRequest<IDataObject[]>(this, 'GET', '/api/users/search', { qs: { q }, itemIndex, resource: 'user' });
	return limit === undefined ? hits : hits.slice(0, limit);
}
