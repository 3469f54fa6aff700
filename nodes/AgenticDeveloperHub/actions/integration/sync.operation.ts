import { updateDisplayOptions, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';
import { hubRequest } from '../../helpers/api';
import { locatorParameter } from '../../helpers/locators';
import { syncReadBack } from '../../helpers/readBack';
import type { StatusMeaning } from '../../transport';
import { connectionProperties } from './shared';

const properties: INodeProperties[] = [...connectionProperties('The connection to sync now')];

export const description = updateDisplayOptions({ show: { resource: ['integration'], operation: ['sync'] } }, properties);

/** The Hub's 503 to Sync Now (hub-api.md section 5, item 12): not worth retrying within the run. */
const NO_SYNC_WORKER: StatusMeaning = {
	message: 'The Hub cannot sync this connection now: no sync worker is registered for it',
	description:
		'The Hub answered 503 to Sync Now, which means no sync worker is running for this kind of connection. The node does not retry it within the run: try again later, or ask the Hub administrators to start the sync worker.',
};

/** The Hub accepts the sync and runs it in the background: `{ ok, id }`. */
export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const connectionId = locatorParameter(this, 'connectionId', 'connection', 'Connection', itemIndex);
	const result = await hubRequest(this, 'POST', `/api/integrations/${encodeURIComponent(connectionId)}/sync`, {
		itemIndex,
		resource: 'connection',
		readBack: syncReadBack(connectionId),
		finalStatuses: { 503: NO_SYNC_WORKER },
	});
	return { ...result, id: connectionId };
}
