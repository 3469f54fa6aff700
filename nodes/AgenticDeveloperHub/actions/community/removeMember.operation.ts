import { updateDisplayOptions, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';
import { memberLocator } from '../../descriptions/locators';
import { hubRequest } from '../../helpers/api';
import { locatorParameter } from '../../helpers/locators';
import { deleteUnlessGone, skipIfDoneOptions, skipSettings } from '../../helpers/skipIfDone';
import { communityPath, communityProperty } from './shared';

const properties: INodeProperties[] = [
	communityProperty,
	memberLocator({ description: 'The member to remove, picked from the list (by name) or by user ID. Admins remove anyone; others only themselves.' }),
	skipIfDoneOptions('gone'),
];

export const description = updateDisplayOptions({ show: { resource: ['community'], operation: ['removeMember'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const customerId = locatorParameter(this, 'memberId', 'member', 'Member', itemIndex);
	const skip = skipSettings(this, itemIndex);
	const path = await communityPath(this, itemIndex, `/members/${encodeURIComponent(customerId)}`);
	const remove = async () => await hubRequest(this, 'DELETE', path, { itemIndex, resource: 'member' });
	return { removed: true, customerId, ...(await deleteUnlessGone(skip, remove)) };
}
