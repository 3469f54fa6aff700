import { node, rl } from '../node/support';
import { IDS } from './fixtures';
import { runShapeCases, type ShapeCase } from './cases';

const preference = (category: string, email = true, sms = false, inApp = true) => ({ category, email, sms, inApp });

const cases: ShapeCase[] = [
	{
		name: 'Notification Trash: a POST without a body',
		parameters: { resource: 'notification', operation: 'trash', notificationId: rl(IDS.notification) },
		exchanges: [{ request: { method: 'POST', path: `/api/notifications/${IDS.notification}/trash` }, response: { status: 200, body: { success: true } } }],
		output: [{ success: true, id: IDS.notification }],
	},
	{
		name: 'Notification Get Many Preferences: one item per category',
		parameters: { resource: 'notification', operation: 'getAllPreferences' },
		exchanges: [
			{
				request: { method: 'GET', path: '/api/notifications/preferences' },
				response: { status: 200, body: { preferences: [preference('account'), preference('direct_message', false, true)] } },
			},
		],
		output: [preference('account'), preference('direct_message', false, true)],
	},
	{
		name: 'Notification Get Preference of one category',
		parameters: { resource: 'notification', operation: 'getPreference', category: 'project_due' },
		exchanges: [{ request: { method: 'GET', path: '/api/notifications/preferences/project_due' }, response: { status: 200, body: preference('project_due') } }],
		output: [preference('project_due')],
	},
	{
		name: 'Notification Set Preference: a PUT of that one category (repeatable), answered with its stored state',
		parameters: { resource: 'notification', operation: 'setPreference', category: 'community_mention', email: 'false', sms: true, inApp: true },
		exchanges: [
			{
				request: { method: 'PUT', path: '/api/notifications/preferences', body: { preferences: [preference('community_mention', false, true, true)] } },
				response: { status: 200, body: { preferences: [preference('account'), preference('community_mention', false, true, true)] } },
			},
		],
		output: [preference('community_mention', false, true, true)],
	},
	{
		name: 'Notification Delete Preference of one category',
		parameters: { resource: 'notification', operation: 'deletePreference', category: 'account' },
		exchanges: [{ request: { method: 'DELETE', path: '/api/notifications/preferences/account' }, response: { status: 204 } }],
		output: [{ deleted: true, category: 'account' }],
	},
	{
		name: 'Notification Set Preference: an unknown category (from an expression) is refused before any request',
		parameters: { resource: 'notification', operation: 'setPreference', category: 'everything' },
		continueOnFail: true,
		exchanges: [],
		output: (items) => expect(String(items[0].error)).toMatch(/"Category" must be one of .*\[item 0\]/),
	},
];

describe('Request shapes: notification trash and preferences', () => {
	runShapeCases(node, cases);
});
