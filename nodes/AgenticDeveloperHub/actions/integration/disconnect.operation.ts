import { updateDisplayOptions, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';
import { hubRequest } from '../../helpers/api';
import { locatorParameter } from '../../helpers/locators';
import { deleteUnlessGone, skipIfDoneOptions, skipSettings } from '../../helpers/skipIfDone';
import { connectionProperties } from './shared';

const properties: INodeProperties[] = [
	...connectionProperties('The connection to remove; the Hub forgets its stored secrets'),
	skipIfDoneOptions('gone'),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['integration'], operation: ['disconnect'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const connectionId = locatorParameter(this, 'connectionId', 'connection', 'Connection', itemIndex);
	const skip = skipSettings(this, itemIndex);
	const remove = async () =>
		await hubRequest(this, 'DELETE', `/api/integrations/${encodeURIComponent(connectionId)}`, { itemIndex, resource: 'connection' });
	return { deleted: true, id: connectionId, ...(await deleteUnlessGone(skip, remove)) };
}
