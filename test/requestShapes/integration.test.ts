import type { INodeParameters } from 'n8n-workflow';
import { node, rl } from '../node/support';
import { actionResult, BLUESKY, connection, ECOSYSTEMS, IDS, OWN_KEY, PROVIDER } from './fixtures';
import { runShapeCases, type ShapeCase } from './cases';
import { API_TOKEN, type Exchange } from './support';

const simplifiedConnection = (overrides: Record<string, unknown> = {}) => {
	const { id, displayName, provider, serviceType, status, lastSyncAt, lastError } = connection(overrides);
	return { id, displayName, provider, serviceType, status, lastSyncAt, lastError };
};

const listEcosystems: Exchange = { request: { method: 'GET', path: '/api/ecosystem/ecosystems' }, response: { status: 200, body: ECOSYSTEMS } };

/** Perform Action through the Twilio connection: the body the node must send for these parameters. */
function action(name: string, actionType: string, fields: INodeParameters, body: unknown, idempotencyKey?: string): ShapeCase {
	return {
		name: `Perform Action: ${name}`,
		parameters: { resource: 'integration', operation: 'performAction', connectionId: rl(IDS.connection), actionType, ...fields },
		exchanges: [
			{
				request: { method: 'POST', path: `/api/integrations/${IDS.connection}/actions/${actionType}`, body, idempotencyKey },
				response: { status: 200, body: actionResult() },
			},
		],
		output: [actionResult()],
	};
}

const cases: ShapeCase[] = [
	{
		name: 'Integration Get Many Providers (Limit 1)',
		parameters: { resource: 'integration', operation: 'getAllProviders', limit: 1 },
		exchanges: [{ request: { method: 'GET', path: '/api/integrations/providers' }, response: { status: 200, body: { providers: [PROVIDER, BLUESKY] } } }],
		output: [PROVIDER],
	},
	{
		name: 'Integration Get Many Connections of the default ecosystem (looked up: GET /integrations needs ecosystemId)',
		parameters: { resource: 'integration', operation: 'getAllConnections', returnAll: true },
		exchanges: [
			listEcosystems,
			{ request: { method: 'GET', path: '/api/integrations', query: { ecosystemId: IDS.ecosystem } }, response: { status: 200, body: { connections: [connection()] } } },
		],
		output: [simplifiedConnection()],
	},
	{
		name: 'Integration Get Many Connections of a chosen ecosystem (a reverse-domain ID), raw',
		parameters: { resource: 'integration', operation: 'getAllConnections', ecosystemId: rl(IDS.otherEcosystem), returnAll: true, simplify: false },
		exchanges: [
			{ request: { method: 'GET', path: '/api/integrations', query: { ecosystemId: IDS.otherEcosystem } }, response: { status: 200, body: { connections: [connection()] } } },
		],
		output: [connection()],
	},
	{
		name: 'Integration Connect with an API key',
		parameters: {
			resource: 'integration',
			operation: 'connect',
			connectionType: 'api_key',
			providerId: 'twilio',
			serviceType: 'sms',
			ecosystemId: rl(IDS.ecosystem),
			fields: JSON.stringify({ accountSid: 'AC123', authToken: 'twilio-secret' }),
		},
		exchanges: [
			{
				request: {
					method: 'POST',
					path: '/api/integrations/connect',
					body: { type: 'api_key', providerId: 'twilio', serviceType: 'sms', ecosystemId: IDS.ecosystem, fields: { accountSid: 'AC123', authToken: 'twilio-secret' } },
				},
				response: { status: 200, body: connection() },
			},
		],
		output: [connection()],
	},
	{
		name: 'Integration Connect with an app password',
		parameters: {
			resource: 'integration',
			operation: 'connect',
			connectionType: 'app_password',
			providerId: 'bluesky',
			serviceType: 'social',
			ecosystemId: rl(IDS.ecosystem),
			identifier: 'ada.bsky.social',
			password: 'app-pass-1234',
		},
		exchanges: [
			{
				request: {
					method: 'POST',
					path: '/api/integrations/connect',
					body: { type: 'app_password', providerId: 'bluesky', serviceType: 'social', ecosystemId: IDS.ecosystem, identifier: 'ada.bsky.social', password: 'app-pass-1234' },
				},
				response: { status: 200, body: connection({ provider: 'bluesky', serviceType: 'social', username: 'ada.bsky.social' }) },
			},
		],
		output: [connection({ provider: 'bluesky', serviceType: 'social', username: 'ada.bsky.social' })],
	},
	{
		name: 'Integration Disconnect',
		parameters: { resource: 'integration', operation: 'disconnect', connectionId: rl(IDS.connection) },
		exchanges: [{ request: { method: 'DELETE', path: `/api/integrations/${IDS.connection}` }, response: { status: 200, body: { ok: true } } }],
		output: [{ deleted: true, id: IDS.connection }],
	},
	{
		name: 'Integration Sync Now: a POST without a body',
		parameters: { resource: 'integration', operation: 'sync', connectionId: rl(IDS.connection) },
		exchanges: [{ request: { method: 'POST', path: `/api/integrations/${IDS.connection}/sync` }, response: { status: 202, body: { ok: true } } }],
		output: [{ ok: true, id: IDS.connection }],
	},
	action(
		'Send Email to two people, with CC, BCC, text and HTML',
		'send',
		{
			toEmail: 'ada@example.com, grace@example.com',
			subject: 'Build green',
			bodyText: 'All good',
			bodyHtml: '<p>All good</p>',
			additionalFields: { cc: 'alan@example.com', bcc: 'audit@example.com' },
		},
		{ to: ['ada@example.com', 'grace@example.com'], subject: 'Build green', cc: ['alan@example.com'], bcc: ['audit@example.com'], bodyText: 'All good', bodyHtml: '<p>All good</p>' },
	),
	action('Send Email as HTML only', 'send', { toEmail: 'ada@example.com', subject: 'Hi', bodyHtml: '<b>Hi</b>' }, { to: ['ada@example.com'], subject: 'Hi', bodyHtml: '<b>Hi</b>' }),
	action(
		'Send SMS, with the caller\'s Idempotency Key',
		'sms',
		{ toPhone: '+44 20 7946 0958', message: 'Your build is green', options: { idempotencyKey: OWN_KEY } },
		{ to: '+442079460958', body: 'Your build is green' },
		OWN_KEY,
	),
	action(
		'Publish Post with media',
		'post',
		{ text: 'Release day', media: { items: [{ url: 'https://example.com/a.png', altText: 'Chart' }, { url: 'https://example.com/b.png', altText: '' }] } },
		{ text: 'Release day', media: [{ url: 'https://example.com/a.png', altText: 'Chart' }, { url: 'https://example.com/b.png' }] },
	),
	action('Publish Post as a reply, text only', 'post', { text: 'Agreed', replyTo: 'at://did:plc:abc/post/1' }, { text: 'Agreed', replyTo: 'at://did:plc:abc/post/1' }),
	action('Publish Comment with media only', 'comment', { media: { items: [{ url: 'https://example.com/c.gif' }] }, replyTo: 't3_abc' }, { media: [{ url: 'https://example.com/c.gif' }], replyTo: 't3_abc' }),
	action('Submit Reddit Post (a link)', 'submit', { subreddit: 'r/n8n', title: 'A new node', url: 'https://example.com/node' }, { subreddit: 'n8n', title: 'A new node', url: 'https://example.com/node' }),
	action(
		'Add Subscriber with names, tags and fields',
		'subscribe',
		{ audienceId: 'aud-1', email: 'ada@example.com', additionalFields: { firstName: 'Ada', lastName: 'Lovelace', tags: 'vip, beta', fields: '{"company": "Analytical"}' } },
		{ audienceId: 'aud-1', email: 'ada@example.com', firstName: 'Ada', lastName: 'Lovelace', tags: ['vip', 'beta'], fields: { company: 'Analytical' } },
	),
	action('Remove Subscriber', 'unsubscribe', { audienceId: 'aud-1', email: 'ada@example.com' }, { audienceId: 'aud-1', email: 'ada@example.com' }),
	action(
		'Create Broadcast',
		'broadcast',
		{ audienceId: 'aud-1', subject: 'News', bodyHtml: '<h1>News</h1>', additionalFields: { fromName: 'Ada', replyTo: 'ada@example.com', bodyText: 'News' } },
		{ audienceId: 'aud-1', subject: 'News', bodyHtml: '<h1>News</h1>', fromName: 'Ada', replyTo: 'ada@example.com', bodyText: 'News' },
	),
	action('Send Broadcast', 'broadcast_send', { broadcastId: 'bc-42' }, { broadcastId: 'bc-42' }),
	{
		name: 'Perform Action answered 200 { ok: false }: with Continue On Fail, an error item carrying the Hub\'s message',
		parameters: { resource: 'integration', operation: 'performAction', connectionId: rl(IDS.connection), actionType: 'sms', toPhone: '+14155550100', message: 'Hi' },
		continueOnFail: true,
		exchanges: [
			{
				request: { method: 'POST', path: `/api/integrations/${IDS.connection}/actions/sms`, body: { to: '+14155550100', body: 'Hi' } },
				response: { status: 200, body: actionResult({ ok: false, status: 'error', externalId: null, error: 'Twilio: the number is not reachable' }) },
			},
		],
		output: [{ error: 'The Hub could not perform the action: Twilio: the number is not reachable' }],
	},
];

/** Perform Action inputs the published types refuse: each is refused before any request, naming the field and the item. */
const refusals: Array<[string, INodeParameters, RegExp]> = [
	['an email without any recipient', { actionType: 'send', toEmail: ' , ', subject: 'Hi', bodyText: 'x' }, /^"To" must not be empty \[item 0\]$/],
	['an email to a malformed address', { actionType: 'send', toEmail: 'ada@example.com, nobody', subject: 'Hi', bodyText: 'x' }, /^"To" must be an email address \(got "nobody"\) \[item 0\]$/],
	['a malformed CC address', { actionType: 'send', toEmail: 'ada@example.com', subject: 'Hi', bodyText: 'x', additionalFields: { cc: 'x@' } }, /^"CC" must be an email address/],
	['an email without a subject', { actionType: 'send', toEmail: 'ada@example.com', bodyText: 'x' }, /^"Subject" must not be empty \[item 0\]$/],
	['an email without a text or HTML body', { actionType: 'send', toEmail: 'ada@example.com', subject: 'Hi' }, /^"Text Body" or "HTML Body" must not be empty \[item 0\]$/],
	['an SMS without a message', { actionType: 'sms', toPhone: '+14155550100' }, /^"Message" must not be empty \[item 0\]$/],
	['a post without text or media', { actionType: 'post', replyTo: 'x' }, /^"Text" or "Media" must not be empty \[item 0\]$/],
	['a comment with a media item that is not a URL', { actionType: 'comment', media: { items: [{ url: 'file:///etc/passwd' }] } }, /^"Media URL" must be an http\(s\) URL/],
	['a malformed subreddit', { actionType: 'submit', subreddit: 'r/n8n builders', title: 'Hi' }, /^"Subreddit" must be 2 to 21 letters, digits or "_"/],
	['a Reddit title over 300 characters', { actionType: 'submit', subreddit: 'n8n', title: 'x'.repeat(301) }, /^"Title" is 301 characters long; the Hub allows at most 300 \[item 0\]$/],
	['a subscriber without an audience', { actionType: 'subscribe', email: 'ada@example.com' }, /^"Audience ID" must not be empty \[item 0\]$/],
	['a subscriber with a malformed email', { actionType: 'unsubscribe', audienceId: 'aud-1', email: 'ada' }, /^"Email" must be an email address/],
	['an email the published format refuses (a double dot)', { actionType: 'subscribe', audienceId: 'aud-1', email: 'ada@example..com' }, /^"Email" must be an email address \(got "ada@example\.\.com"\)/],
	['subscriber fields that are not a JSON object', { actionType: 'subscribe', audienceId: 'a', email: 'ada@example.com', additionalFields: { fields: '[1]' } }, /^"Fields \(JSON\)" must be a JSON object/],
	['a broadcast without an HTML body', { actionType: 'broadcast', audienceId: 'a', subject: 'News' }, /^"HTML Body" must not be empty \[item 0\]$/],
	['a broadcast with a malformed Reply To', { actionType: 'broadcast', audienceId: 'a', subject: 'News', bodyHtml: '<p/>', additionalFields: { replyTo: 'nope' } }, /^"Reply To" must be an email address/],
	['sending a broadcast without its ID', { actionType: 'broadcast_send' }, /^"Broadcast ID" must not be empty \[item 0\]$/],
	[
		'an Idempotency Key that cannot be an HTTP header',
		{ actionType: 'broadcast_send', broadcastId: 'bc-1', options: { idempotencyKey: '\u202e🎉' } },
		/^"Idempotency Key" may have only letters, digits and punctuation \(no spaces or other characters\) \[item 0\]$/,
	],
];

describe('Request shapes: integrations', () => {
	const shapes = runShapeCases(node, cases);

	it.each(refusals)('Perform Action refuses %s before any request', async (_case, fields, message) => {
		const error = await shapes.refused(node, { resource: 'integration', operation: 'performAction', connectionId: rl(IDS.connection), ...fields });
		expect(error.constructor.name).toBe('NodeOperationError');
		expect(error.message).toMatch(message);
	});

	it('Perform Action answered 200 { ok: false } fails the item with the Hub\'s message, secrets masked', async () => {
		const error = await shapes.exchange(
			[
				{
					request: { method: 'POST', path: `/api/integrations/${IDS.connection}/actions/sms`, body: { to: '+14155550100', body: 'Hi' } },
					response: { status: 200, body: actionResult({ ok: false, status: 'error', externalId: null, error: `Provider said: bad auth ${API_TOKEN}` }) },
				},
			],
			async () => {
				try {
					await shapes.execute(node, { resource: 'integration', operation: 'performAction', connectionId: rl(IDS.connection), actionType: 'sms', toPhone: '+14155550100', message: 'Hi' });
				} catch (caught) {
					return caught as Error & { context?: { itemIndex?: number } };
				}
				throw new Error('Expected the action to fail');
			},
		);
		expect(error.constructor.name).toBe('NodeApiError');
		expect(error.message).toBe('The Hub could not perform the action: Provider said: bad auth [redacted]');
		expect(error.context?.itemIndex).toBe(0);
		expect(JSON.stringify(error)).not.toContain(API_TOKEN);
	});

	it('Integration Get Many Connections fails clearly when the Hub has no default ecosystem', async () => {
		const error = await shapes.exchange(
			[{ request: { method: 'GET', path: '/api/ecosystem/ecosystems' }, response: { status: 200, body: [ECOSYSTEMS[0]] } }],
			async () => await shapes.execute(node, { resource: 'integration', operation: 'getAllConnections' }).then(() => undefined, (caught: Error) => caught),
		);
		expect(error?.message).toBe('Your Hub account has no default ecosystem');
	});
});
