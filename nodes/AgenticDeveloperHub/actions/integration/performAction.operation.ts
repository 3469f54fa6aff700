import {
	NodeApiError,
	updateDisplayOptions,
	type IDataObject,
	type IExecuteFunctions,
	type INodeProperties,
	type JsonObject,
} from 'n8n-workflow';
import { callerKeyOptions, callerOrStableKey, type CallerKey } from '../../helpers/idempotency';
import { skipSettings } from '../../helpers/skipIfDone';
import { locatorParameter } from '../../helpers/locators';
import { requireOption } from '../../helpers/validation';
import { hubRequest } from '../../helpers/api';
import { hubTextWithoutSecrets } from '../../transport';
import { actionBody } from './actionBodies';
import { ACTION_FIELDS, ACTION_TYPES } from './actionFields';
import { connectionProperties } from './shared';

const IDEMPOTENCY_KEY: CallerKey = {
	displayName: 'Idempotency Key',
	name: 'idempotencyKey',
	maxLength: 255,
	header: true,
	description:
		'Your own key for this action (at most 255 letters, digits and punctuation); the Hub performs an action only once per key. By default the node derives one per execution and item, so a retried action is never repeated.',
};

const properties: INodeProperties[] = [
	...connectionProperties('The connection to act through; it must be active and support the action'),
	{
		displayName: 'Action',
		name: 'actionType',
		type: 'options',
		options: ACTION_TYPES,
		default: 'send',
		description: 'What to do through the connection (see the provider\'s capabilities in Get Many Providers)',
	},
	...ACTION_FIELDS,
	callerKeyOptions(IDEMPOTENCY_KEY),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['integration'], operation: ['performAction'] } },
	properties,
);

/**
 * The Hub answers a failed action with 200 `{ ok: false, status: "error", error }`: a node error
 * carrying the Hub's message (so Continue On Fail applies), never an output item that looks done.
 */
async function failedAction(context: IExecuteFunctions, result: IDataObject, itemIndex: number): Promise<NodeApiError> {
	const said = typeof result.error === 'string' && result.error.trim() ? await hubTextWithoutSecrets(context, result.error.trim(), itemIndex) : '';
	const message = `The Hub could not perform the action${said ? `: ${said}` : ''}`;
	const logId = typeof result.actionLogId === 'string' ? ` (action log ${result.actionLogId})` : '';
	return new NodeApiError(context.getNode(), { message, actionLogId: result.actionLogId ?? null } as JsonObject, {
		message,
		description: `The provider refused or failed the action${logId}. Check the connection and the values, then try again with a new Idempotency Key: the Hub answers a repeated key with the same result.`,
		itemIndex,
	});
}

/** `{ ok, status, actionLogId, externalId, deduped }`; `deduped: true` when the key was already used. */
export async function execute(this: IExecuteFunctions, itemIndex: number) {
	// Checked against the list: the action is a segment of the request path.
	const actionType = requireOption(this, this.getNodeParameter('actionType', itemIndex), ACTION_TYPES, 'Action', itemIndex);
	const body = actionBody(this, actionType, itemIndex);
	const connectionId = locatorParameter(this, 'connectionId', 'connection', 'Connection', itemIndex);
	const idempotencyKey = callerOrStableKey(this, itemIndex, IDEMPOTENCY_KEY, `integration-action:${actionType}`, [connectionId, body]);
	const result = await hubRequest(
		this,
		'POST',
		`/api/integrations/${encodeURIComponent(connectionId)}/actions/${actionType}`,
		// The one route whose Idempotency-Key the Hub's types declare: a repeat returns the first action.
		{ body, idempotencyKey, itemIndex, resource: 'connection', idempotent: true },
	);
	if (result.ok === false || result.status === 'error') throw await failedAction(this, result, itemIndex);
	if (!skipSettings(this, itemIndex).on) return result;
	// A repeat the Hub recognised collapses onto the first action: `deduped: true` (the published type).
	return { ...result, skipped: result.deduped === true };
}
