import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { invalidInput, parseJsonObject, requireEmail, requirePhoneNumber, requireText } from '../../helpers/validation';
import type { ActionType } from './actionFields';

/*
 * The request body of each action type, as the Hub's published `IntegrationActionRequest` defines
 * it, built from the node's parameters and checked before any request: every error names the field
 * and the item. Optional fields left empty are not sent.
 */

type Builder = (context: IExecuteFunctions, itemIndex: number) => IDataObject;

/** A submitted subreddit name (`IntegrationActionSubmit.subreddit`). */
const SUBREDDIT = /^[A-Za-z0-9_]{2,21}$/;
const SUBMIT_TITLE_MAX_LENGTH = 300;
const MEDIA_URL = /^https?:\/\/\S+$/i;

function parameter(context: IExecuteFunctions, name: string, itemIndex: number): unknown {
	return context.getNodeParameter(name, itemIndex, '');
}

function additionalFields(context: IExecuteFunctions, itemIndex: number): IDataObject {
	return (context.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject) ?? {};
}

/** An optional text: trimmed; undefined when empty. */
function optionalText(value: unknown): string | undefined {
	const text = typeof value === 'string' ? value.trim() : value === undefined || value === null ? '' : String(value);
	return text === '' ? undefined : text;
}

/** Sets `body[key]` when `value` is not undefined. */
function putIf(body: IDataObject, key: string, value: unknown): IDataObject {
	if (value !== undefined) body[key] = value as IDataObject[keyof IDataObject];
	return body;
}

/** Comma-separated email addresses (or a list of them, from an expression), each checked. */
function emailList(context: IExecuteFunctions, value: unknown, field: string, itemIndex: number): string[] {
	const entries = Array.isArray(value) ? value : String(value ?? '').split(',');
	return entries
		.map((entry) => String(entry ?? '').trim())
		.filter((entry) => entry !== '')
		.map((entry) => requireEmail(context, entry, field, itemIndex));
}

/** Comma-separated texts (or a list), without empty entries. */
function textList(value: unknown): string[] {
	const entries = Array.isArray(value) ? value : String(value ?? '').split(',');
	return entries.map((entry) => String(entry ?? '').trim()).filter((entry) => entry !== '');
}

function mediaItems(context: IExecuteFunctions, itemIndex: number): IDataObject[] {
	const media = context.getNodeParameter('media', itemIndex, {}) as IDataObject;
	const items = Array.isArray(media?.items) ? (media.items as IDataObject[]) : [];
	return items.map((item) => {
		const url = requireText(context, item.url, 'Media URL', itemIndex).trim();
		if (!MEDIA_URL.test(url)) {
			throw invalidInput(context, 'Media URL', `must be an http(s) URL (got "${url}")`, itemIndex);
		}
		return putIf({ url }, 'altText', optionalText(item.altText));
	});
}

/** `post` and `comment`: `{ text? | media? (at least one), replyTo? }`. */
function publication(context: IExecuteFunctions, itemIndex: number): IDataObject {
	const body: IDataObject = {};
	putIf(body, 'text', optionalText(parameter(context, 'text', itemIndex)));
	const media = mediaItems(context, itemIndex);
	if (media.length > 0) body.media = media;
	if (body.text === undefined && body.media === undefined) {
		throw invalidInput(context, 'Text', 'or "Media" must not be empty', itemIndex, 'Give the text to publish, at least one media item, or both');
	}
	return putIf(body, 'replyTo', optionalText(parameter(context, 'replyTo', itemIndex)));
}

const requiredText = (context: IExecuteFunctions, name: string, field: string, itemIndex: number, maxLength?: number) =>
	requireText(context, parameter(context, name, itemIndex), field, itemIndex, maxLength).trim();

const BUILDERS: Record<ActionType, Builder> = {
	send(context, itemIndex) {
		const to = emailList(context, parameter(context, 'toEmail', itemIndex), 'To', itemIndex);
		if (to.length === 0) throw invalidInput(context, 'To', 'must not be empty', itemIndex, 'Give at least one email address');
		const body: IDataObject = { to, subject: requiredText(context, 'subject', 'Subject', itemIndex) };
		const extra = additionalFields(context, itemIndex);
		for (const [key, field] of [['cc', 'CC'], ['bcc', 'BCC']] as const) {
			const list = emailList(context, extra[key], field, itemIndex);
			if (list.length > 0) body[key] = list;
		}
		putIf(body, 'bodyText', optionalText(parameter(context, 'bodyText', itemIndex)));
		putIf(body, 'bodyHtml', optionalText(parameter(context, 'bodyHtml', itemIndex)));
		if (body.bodyText === undefined && body.bodyHtml === undefined) {
			throw invalidInput(context, 'Text Body', 'or "HTML Body" must not be empty', itemIndex, 'Give the email as text, as HTML, or both');
		}
		return body;
	},
	sms(context, itemIndex) {
		return {
			to: requirePhoneNumber(context, parameter(context, 'toPhone', itemIndex), 'To Phone Number', itemIndex),
			body: requiredText(context, 'message', 'Message', itemIndex),
		};
	},
	post: publication,
	comment: publication,
	submit(context, itemIndex) {
		const subreddit = requiredText(context, 'subreddit', 'Subreddit', itemIndex).replace(/^\/?r\//i, '');
		if (!SUBREDDIT.test(subreddit)) {
			throw invalidInput(context, 'Subreddit', `must be 2 to 21 letters, digits or "_" (got "${subreddit}")`, itemIndex);
		}
		const body: IDataObject = { subreddit, title: requiredText(context, 'title', 'Title', itemIndex, SUBMIT_TITLE_MAX_LENGTH) };
		putIf(body, 'url', optionalText(parameter(context, 'url', itemIndex)));
		return putIf(body, 'text', optionalText(parameter(context, 'text', itemIndex)));
	},
	subscribe(context, itemIndex) {
		const body = audienceMember(context, itemIndex);
		const extra = additionalFields(context, itemIndex);
		putIf(body, 'firstName', optionalText(extra.firstName));
		putIf(body, 'lastName', optionalText(extra.lastName));
		const tags = textList(extra.tags);
		if (tags.length > 0) body.tags = tags;
		if (extra.fields !== undefined) {
			const fields = parseJsonObject(context, extra.fields, 'Fields (JSON)', itemIndex);
			if (Object.keys(fields).length > 0) body.fields = fields;
		}
		return body;
	},
	unsubscribe: audienceMember,
	broadcast(context, itemIndex) {
		const body: IDataObject = {
			audienceId: requiredText(context, 'audienceId', 'Audience ID', itemIndex),
			subject: requiredText(context, 'subject', 'Subject', itemIndex),
			bodyHtml: requiredText(context, 'bodyHtml', 'HTML Body', itemIndex),
		};
		const extra = additionalFields(context, itemIndex);
		putIf(body, 'fromName', optionalText(extra.fromName));
		const replyTo = optionalText(extra.replyTo);
		if (replyTo !== undefined) body.replyTo = requireEmail(context, replyTo, 'Reply To', itemIndex);
		return putIf(body, 'bodyText', optionalText(extra.bodyText));
	},
	broadcast_send(context, itemIndex) {
		return { broadcastId: requiredText(context, 'broadcastId', 'Broadcast ID', itemIndex) };
	},
};

/** `subscribe` and `unsubscribe`: `{ audienceId, email }`. */
function audienceMember(context: IExecuteFunctions, itemIndex: number): IDataObject {
	return {
		audienceId: requiredText(context, 'audienceId', 'Audience ID', itemIndex),
		email: requireEmail(context, parameter(context, 'email', itemIndex), 'Email', itemIndex),
	};
}

/** The body of `actionType` for this item, checked; throws an error naming the field and the item. */
export function actionBody(context: IExecuteFunctions, actionType: ActionType, itemIndex: number): IDataObject {
	return BUILDERS[actionType](context, itemIndex);
}
