import { updateDisplayOptions, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';
import { hubRequest } from '../../helpers/api';
import { locatorParameter } from '../../helpers/locators';
import { ecosystemIdOrDefault } from '../../helpers/ecosystem';
import { earlierSync } from '../../helpers/earlierWrites';
import { syncReadBack } from '../../helpers/readBack';
import { skipIfDone, skipIfDoneOptions, skipSettings } from '../../helpers/skipIfDone';
import type { StatusMeaning } from '../../transport';
import { connectionProperties } from './shared';

const properties: INodeProperties[] = [...connectionProperties('The connection to sync now'), skipIfDoneOptions('readBack')];

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
	const skip = skipSettings(this, itemIndex);
	const sync = async () =>
		await hubRequest(this, 'POST', `/api/integrations/${encodeURIComponent(connectionId)}/sync`, {
			itemIndex,
			resource: 'connection',
			readBack: syncReadBack(connectionId),
			finalStatuses: { 503: NO_SYNC_WORKER },
		});
	if (!skip.on) return { ...(await sync()), id: connectionId };
	// Skipped when the connection shows a sync within Look Back (in the chosen or the default ecosystem).
	const ecosystemId = await ecosystemIdOrDefault(this, this.getNodeParameter('ecosystemId', itemIndex, ''), itemIndex);
	const { skipped, ...result } = await skipIfDone(this, itemIndex, skip, earlierSync(ecosystemId, connectionId), sync);
	return skipped ? { ok: true, id: connectionId, skipped } : { ...result, id: connectionId, skipped };
}
