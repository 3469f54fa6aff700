import { updateDisplayOptions, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';
import { communityRoute, hubRequest } from '../../helpers/api';
import { communityParameter } from '../../helpers/locators';
import { communityProperty } from './shared';

const properties: INodeProperties[] = [communityProperty];

export const description = updateDisplayOptions({ show: { resource: ['community'], operation: ['getMyMembership'] } }, properties);

/** Your role in the community: `role` is null when you are not a member. */
export const readOnly = true;

export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const communityId = await communityParameter(this, 'communityId', itemIndex);
	const { role } = await hubRequest(this, 'GET', communityRoute(communityId, '/members/me'), {
		itemIndex,
		resource: 'community',
	});
	return { communityId, role: role ?? null, isMember: typeof role === 'string' };
}
