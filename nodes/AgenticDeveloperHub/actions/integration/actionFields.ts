import type { INodeProperties } from 'n8n-workflow';

/** The action types the Hub's published `IntegrationActionRequest` defines (its oneOf, by `{actionType}`). */
export type ActionType =
	| 'send'
	| 'post'
	| 'sms'
	| 'submit'
	| 'comment'
	| 'subscribe'
	| 'unsubscribe'
	| 'broadcast'
	| 'broadcast_send';

export const ACTION_TYPES: Array<{ name: string; value: ActionType; description: string }> = [
	{ name: 'Add Subscriber', value: 'subscribe', description: 'Add an email address to an audience (mailing list)' },
	{ name: 'Create Broadcast', value: 'broadcast', description: 'Create an email broadcast to an audience' },
	{ name: 'Publish Comment', value: 'comment', description: 'Publish a comment through a social connection' },
	{ name: 'Publish Post', value: 'post', description: 'Publish a post through a social connection' },
	{ name: 'Remove Subscriber', value: 'unsubscribe', description: 'Remove an email address from an audience' },
	{ name: 'Send Broadcast', value: 'broadcast_send', description: 'Send a broadcast created before' },
	{ name: 'Send Email', value: 'send', description: 'Send an email through an email connection' },
	{ name: 'Send SMS', value: 'sms', description: 'Send a text message through an SMS connection' },
	{ name: 'Submit Reddit Post', value: 'submit', description: 'Submit a link or text post to a subreddit' },
];

function forActions(actionTypes: ActionType[], property: INodeProperties): INodeProperties {
	return { ...property, displayOptions: { show: { actionType: actionTypes } } };
}

const text = (displayName: string, name: string, description: string, extra: Partial<INodeProperties> = {}): INodeProperties => ({
	displayName,
	name,
	type: 'string',
	default: '',
	description,
	...extra,
});

/** The optional fields of the given action types, under "Add Field". */
function additionalFields(actionTypes: ActionType[], options: INodeProperties[]): INodeProperties {
	return forActions(actionTypes, {
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options,
	});
}

const emailList = (displayName: string, name: string, description: string): INodeProperties =>
	text(displayName, name, description, { placeholder: 'e.g. ada@example.com, grace@example.com' });

/** Every field of every action type, each shown only for the action types that take it. */
export const ACTION_FIELDS: INodeProperties[] = [
	// send
	forActions(['send'], { ...emailList('To', 'toEmail', 'Email addresses of the recipients, separated by commas'), required: true }),
	forActions(['send', 'broadcast'], text('Subject', 'subject', 'Subject line of the email', { required: true })),
	forActions(['send'], text('Text Body', 'bodyText', 'The email as plain text; give this, the HTML Body, or both', { typeOptions: { rows: 4 } })),
	forActions(['send'], text('HTML Body', 'bodyHtml', 'The email as HTML; give this, the Text Body, or both', { typeOptions: { rows: 4 } })),
	additionalFields(['send'], [
		emailList('BCC', 'bcc', 'Email addresses that receive a blind copy, separated by commas'),
		emailList('CC', 'cc', 'Email addresses that receive a copy, separated by commas'),
	]),
	// sms
	forActions(['sms'], text('To Phone Number', 'toPhone', 'Phone number of the recipient in E.164 format: + and country code, then the number', {
		placeholder: 'e.g. +14155550100',
		required: true,
	})),
	forActions(['sms'], text('Message', 'message', 'The text message to send', { required: true, typeOptions: { rows: 3 } })),
	// post, comment
	forActions(['post', 'comment'], text('Text', 'text', 'The text to publish; give this, Media, or both', { typeOptions: { rows: 4 } })),
	forActions(['post', 'comment'], {
		displayName: 'Media',
		name: 'media',
		type: 'fixedCollection',
		placeholder: 'Add Media',
		typeOptions: { multipleValues: true },
		default: {},
		description: 'Images or videos to publish, by URL',
		options: [
			{
				displayName: 'Item',
				name: 'items',
				values: [
					text('URL', 'url', 'Where the provider can download the image or video', { placeholder: 'e.g. https://example.com/chart.png' }),
					text('Alt Text', 'altText', 'A description of the image for people who cannot see it'),
				],
			},
		],
	}),
	forActions(['post', 'comment'], text('Reply To ID', 'replyTo', 'ID at the provider of the post or comment this one replies to. Leave empty for a new post.')),
	// submit
	forActions(['submit'], text('Subreddit', 'subreddit', 'Name of the subreddit, without "r/" (2 to 21 letters, digits or "_")', {
		placeholder: 'e.g. n8n',
		required: true,
	})),
	forActions(['submit'], text('Title', 'title', 'Title of the post (at most 300 characters)', { required: true })),
	forActions(['submit'], text('Link URL', 'url', 'For a link post: the URL to share')),
	forActions(['submit'], text('Text', 'text', 'For a text post: the text', { typeOptions: { rows: 4 } })),
	// subscribe, unsubscribe, broadcast
	forActions(['subscribe', 'unsubscribe', 'broadcast'], text('Audience ID', 'audienceId', 'ID of the audience (mailing list) at the provider', { required: true })),
	forActions(['subscribe', 'unsubscribe'], text('Email', 'email', 'Email address of the subscriber', { placeholder: 'e.g. name@example.com', required: true })),
	additionalFields(['subscribe'], [
		text('Fields (JSON)', 'fields', 'More fields of the subscriber as a JSON object, e.g. {"company": "Acme"}', { type: 'json', default: '{}' }),
		text('First Name', 'firstName', 'First name of the subscriber'),
		text('Last Name', 'lastName', 'Last name of the subscriber'),
		text('Tags', 'tags', 'Tags for the subscriber, separated by commas'),
	]),
	forActions(['broadcast'], text('HTML Body', 'bodyHtml', 'The broadcast email as HTML', { required: true, typeOptions: { rows: 4 } })),
	additionalFields(['broadcast'], [
		text('From Name', 'fromName', 'The sender name recipients see'),
		text('Reply To', 'replyTo', 'Email address that replies go to'),
		text('Text Body', 'bodyText', 'The broadcast email as plain text, for clients without HTML', { typeOptions: { rows: 4 } }),
	]),
	// broadcast_send
	forActions(['broadcast_send'], text('Broadcast ID', 'broadcastId', 'ID of the broadcast to send, as returned in External ID by Create Broadcast', {
		required: true,
	})),
];
