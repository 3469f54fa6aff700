import { updateDisplayOptions, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';
import { hubRequest } from '../../helpers/api';
import { locatorParameter } from '../../helpers/locators';
import { connectionProperties } from './shared';

const properties: INodeProperties[] = [...connectionProperties('The connection to sync now')];

export const description = updateDisplayOptions({ show: { resource: ['integration'], operation: ['sync'] } }, properties);

/** The Hub accepts the sync and runs it in the background: `{ ok, id }`. */
export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const connectionId = locatorParameter(this, 'connectionId', 'connection', 'Connection', itemIndex);
	const result = await hubRequest(this, 'POST', `/api/integrations/${encodeURIComponent(connectionId)}/sync`, {
		itemIndex,
		resource: 'connection',
	});
	return { ...result, id: connectionId };
}
