import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';
import { hubRequest } from '../../helpers/api';
import { earlierSettings } from '../../helpers/earlierWrites';
import { ecosystemIdOrDefault } from '../../helpers/ecosystem';
import { locatorParameter } from '../../helpers/locators';
import { skipIfDone, skipIfDoneOptions, skipSettings } from '../../helpers/skipIfDone';
import { invalidInput } from '../../helpers/validation';
import { connectionProperties } from './shared';

/** The published sync settings: lists of texts, and one whole number. */
const LIST_SETTINGS = [
	{ displayName: 'Audience IDs', name: 'audienceIds', description: 'Mailing-list audiences to sync, separated by commas (e.g. Mailchimp)' },
	{ displayName: 'Gmail Label IDs', name: 'gmailLabelIds', description: 'Gmail labels to sync, separated by commas' },
	{ displayName: 'Reddit Keywords', name: 'redditKeywords', description: 'Keywords to watch on Reddit, separated by commas' },
	{ displayName: 'Reddit Subreddits', name: 'redditSubreddits', description: 'Subreddits to watch, separated by commas, without "r/"' },
];

const properties: INodeProperties[] = [
	...connectionProperties('The connection whose sync settings to change'),
	{
		displayName: 'Settings',
		name: 'settings',
		type: 'collection',
		placeholder: 'Add Setting',
		default: {},
		options: [
			...LIST_SETTINGS.map((setting): INodeProperties => ({ ...setting, type: 'string', default: '' })),
			{ displayName: 'Gmail Window Days', name: 'gmailWindowDays', type: 'number', typeOptions: { minValue: 1 }, default: 30, description: 'How many days back to sync Gmail' },
		],
	},
	skipIfDoneOptions('state'),
];

export const description = updateDisplayOptions({ show: { resource: ['integration'], operation: ['updateSettings'] } }, properties);

function listOf(value: unknown): string[] {
	const entries = Array.isArray(value) ? value : String(value ?? '').split(',');
	return entries.map((entry) => String(entry).trim()).filter(Boolean);
}

function settingsBody(context: IExecuteFunctions, settings: IDataObject, itemIndex: number): IDataObject {
	const body: IDataObject = {};
	for (const { name } of LIST_SETTINGS) if (settings[name] !== undefined) body[name] = listOf(settings[name]);
	if (settings.gmailWindowDays !== undefined) {
		const days = Number(settings.gmailWindowDays);
		if (!Number.isInteger(days) || days < 1) throw invalidInput(context, 'Gmail Window Days', `must be a whole number of at least 1 (got ${String(settings.gmailWindowDays)})`, itemIndex);
		body.gmailWindowDays = days;
	}
	if (Object.keys(body).length === 0) throw invalidInput(context, 'Settings', 'must have at least one setting', itemIndex, 'Add the settings to change');
	return body;
}

/** `PATCH /integrations/{connectionId}/settings`: the Hub keeps the settings not sent. Output: `{ ok, syncSettings, id }`. */
export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const connectionId = locatorParameter(this, 'connectionId', 'connection', 'Connection', itemIndex);
	const body = settingsBody(this, this.getNodeParameter('settings', itemIndex, {}) as IDataObject, itemIndex);
	const skip = skipSettings(this, itemIndex);
	const update = async () =>
		await hubRequest(this, 'PATCH', `/api/integrations/${encodeURIComponent(connectionId)}/settings`, { body, itemIndex, resource: 'connection' });
	if (!skip.on) return { ...(await update()), id: connectionId };
	// The connection is read from the list of its ecosystem (the chosen one, else the default): the Hub has no GET of one.
	const ecosystemId = await ecosystemIdOrDefault(this, this.getNodeParameter('ecosystemId', itemIndex, ''), itemIndex);
	const { skipped, ...result } = await skipIfDone(this, itemIndex, skip, earlierSettings(ecosystemId, connectionId, body), update);
	// Skipped: the listed connection, answered in the shape of the PATCH's answer.
	return skipped ? { ok: true, syncSettings: result.syncSettings, id: connectionId, skipped } : { ...result, id: connectionId, skipped };
}
