/**
 * What the published types leave loose and this project checks anyway (hub-api.md sections 2 and 5).
 * Everything here is applied on top of `hub-openapi.json` by `strictSchemas`; nothing in that file is
 * edited, so a new copy of the Hub's types can be dropped in as is.
 */

/** E.164: + then 2 to 15 digits, no leading zero (hub-api.md section 5, item 1). */
export const E164_PATTERN = '^\\+[1-9][0-9]{1,14}$';

/**
 * Rules hub-api.md section 5 states in words, keyed by `components.schemas` title (the oneOf branches of
 * IntegrationActionRequest carry a title). Each is merged into that schema with `allOf`.
 */
export const WORDED_RULES: Record<string, object> = {
	// "send ... bodyText? | bodyHtml? (at least one)"
	IntegrationActionSend: { anyOf: [{ required: ['bodyText'] }, { required: ['bodyHtml'] }] },
	// "post is { text? | media? (at least one), replyTo? }"
	IntegrationActionPost: { anyOf: [{ required: ['text'] }, { required: ['media'] }] },
	IntegrationActionComment: { anyOf: [{ required: ['text'] }, { required: ['media'] }] },
	// "sms is { to (E.164), body (min 1) }"
	IntegrationActionSms: { properties: { to: { pattern: E164_PATTERN } } },
};

/**
 * Properties the project's error answers may carry beyond the published `Error` and `ProblemDetails`
 * schemas: hub-api.md section 2 marks `field` and `required_scope` inside `error` as a [decision], and
 * RFC 9457 allows extension members in problem details.
 */
export const ERROR_EXTENSIONS: Record<string, Record<string, object>> = {
	'Error.error': { field: { type: 'string' }, required_scope: { type: 'string' } },
	ProblemDetails: { code: { type: 'string' }, field: { type: 'string' }, required_scope: { type: 'string' } },
};

/**
 * `IntegrationActionRequest` is a oneOf whose branches overlap (post and comment are the same shape), so
 * the Hub picks the branch by the `{actionType}` path segment; so does the validator.
 */
export const ACTION_BRANCHES: Record<string, string> = {
	send: 'IntegrationActionSend',
	post: 'IntegrationActionPost',
	sms: 'IntegrationActionSms',
	submit: 'IntegrationActionSubmit',
	comment: 'IntegrationActionComment',
	subscribe: 'IntegrationActionSubscribe',
	unsubscribe: 'IntegrationActionUnsubscribe',
	broadcast: 'IntegrationActionBroadcast',
	broadcast_send: 'IntegrationActionBroadcastSend',
};
