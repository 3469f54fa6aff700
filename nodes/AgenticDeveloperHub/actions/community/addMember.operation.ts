import { updateDisplayOptions, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';
import { communityLocator } from '../../descriptions/locators';
import { communityRoute, hubRequest } from '../../helpers/api';
import { earlierMember } from '../../helpers/earlierWrites';
import { communityParameter } from '../../helpers/locators';
import { skipIfDone, skipIfDoneOptions, skipSettings } from '../../helpers/skipIfDone';
import { requireHubId, requireOption } from '../../helpers/validation';
import { memberReadBack } from './readBacks';
import { ROLE_OPTIONS } from './shared';

const properties: INodeProperties[] = [
	communityLocator({ description: 'The community to add the person to (you must be one of its admins)' }),
	{
		displayName: 'User ID',
		name: 'userId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 3f1c2a9e-5b7d-4c1e-9a2f-6d8b0e4c7a15',
		description: 'The Hub user ID of the person to add (Get Profiles finds it by name)',
	},
	{
		displayName: 'Role',
		name: 'role',
		type: 'options',
		options: ROLE_OPTIONS,
		default: 'member',
		description: 'The role the person gets; adding someone who is already a member changes their role',
	},
	skipIfDoneOptions('state'),
];

export const description = updateDisplayOptions({ show: { resource: ['community'], operation: ['addMember'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const customerId = requireHubId(this, this.getNodeParameter('userId', itemIndex), 'User ID', itemIndex);
	const role = requireOption(this, this.getNodeParameter('role', itemIndex, 'member'), ROLE_OPTIONS, 'Role', itemIndex);
	const skip = skipSettings(this, itemIndex);
	const communityId = await communityParameter(this, 'communityId', itemIndex);
	const add = async () =>
		await hubRequest(this, 'POST', communityRoute(communityId, '/members'), {
			body: { customerId, role },
			itemIndex,
			resource: 'user',
			readBack: memberReadBack(communityId, customerId, role),
		});
	return await skipIfDone(this, itemIndex, skip, earlierMember(communityId, customerId, role), add);
}
