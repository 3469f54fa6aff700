import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';
import { returnAllOrLimit } from '../../descriptions/common';
import { hubRequest } from '../../helpers/api';
import { addNames, includeAuthorNamesProperty, namesCommunityParameter, namesCommunityProperty } from '../../helpers/authorNames';
import { readLimit } from '../../helpers/validation';
import { readTarget, targetProperties } from './shared';

const properties: INodeProperties[] = [
	...targetProperties,
	...returnAllOrLimit(),
	includeAuthorNamesProperty('reaction'),
	namesCommunityProperty(),
];

export const description = updateDisplayOptions({ show: { resource: ['reaction'], operation: ['getAll'] } }, properties);

/** The Hub returns every reaction of a target in one unpaginated list. */
export const readOnly = true;

export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const limit = readLimit(this, itemIndex);
	const target = readTarget(this, itemIndex);
	const namesCommunityId = await namesCommunityParameter(this, itemIndex);
	const { items } = await hubRequest<{ items: IDataObject[] }>(this, 'GET', '/api/content/reactions', {
		qs: target,
		itemIndex,
		resource: target.targetKind === 'discussion.posts' ? 'post' : 'topic',
	});
	const output = limit === undefined ? items : items.slice(0, limit);
	return namesCommunityId ? await addNames(this, output, namesCommunityId, itemIndex) : output;
}
