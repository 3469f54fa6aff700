import { NodeApiError, NodeOperationError, type INode, type JsonObject } from 'n8n-workflow';
import type { HubErrorInfo } from './hubError';
import { redact } from './redact';

export type AuthKind = 'oAuth2' | 'apiToken';

export interface ErrorContext {
	node: INode;
	itemIndex: number;
	auth: AuthKind;
	method: string;
	endpoint: string;
	resource?: string;
	/** Attempts made, counting the first. */
	attempts: number;
	secrets: string[];
}

const OAUTH_CREDENTIAL = 'Agentic Developer Hub OAuth2 API credential';
const TOKEN_CREDENTIAL = 'Agentic Developer Hub API credential';

function hubSays(info: HubErrorInfo, secrets: string[]): string {
	return info.message ? `: ${redact(info.message, secrets)}` : '';
}

function reconnectAdvice(auth: AuthKind): string {
	return auth === 'oAuth2'
		? `Open the ${OAUTH_CREDENTIAL}, click Reconnect and sign in to the Hub again, then run the workflow again.`
		: `Check the personal API token in the ${TOKEN_CREDENTIAL}: it may be mistyped, expired or revoked. Create a new token in the Hub if needed.`;
}

function retriesText(attempts: number): string {
	return attempts > 1 ? ` after ${attempts} attempts` : '';
}

/** The Hub's own words (code, field, scope, request ID) with any secret it echoed masked. */
function withoutSecrets(info: HubErrorInfo, secrets: string[]): HubErrorInfo {
	const clean = (value: string | undefined) => (value === undefined ? undefined : redact(value, secrets));
	return { ...info, code: clean(info.code), field: clean(info.field), requiredScope: clean(info.requiredScope), requestId: clean(info.requestId) };
}

/** What a status means for one call, where it means more than the generic text (e.g. Sync Now's 503). */
export interface StatusMeaning {
	message: string;
	description: string;
}

/** What happened and how to fix it, per status, from an error summary already without secrets. */
function describeHubError(info: HubErrorInfo, ctx: ErrorContext, meaning?: StatusMeaning): { message: string; description: string } {
	const what = ctx.resource ?? 'resource';
	const { auth, secrets } = ctx;
	let message: string;
	let description: string;
	if (meaning) {
		({ message, description } = meaning);
	} else if (info.status === 400) {
		const field = info.field ? ` in field "${info.field}"` : '';
		message = `The Hub rejected the request${field}${hubSays(info, secrets)}`;
		description = info.field
			? `Fix the value of "${info.field}" and run the node again.`
			: 'Check the values you entered for this operation and run the node again.';
	} else if (info.status === 401) {
		message =
			auth === 'oAuth2'
				? `The Hub no longer accepts this credential (${info.code ?? 'unauthorized'}); it needs to be reconnected`
				: `The Hub rejected the personal API token (${info.code ?? 'unauthorized'})`;
		description = reconnectAdvice(auth);
	} else if (info.status === 403 && info.requiredScope) {
		message = `The credential is missing the "${info.requiredScope}" permission needed for this operation`;
		description =
			auth === 'oAuth2'
				? `Open the ${OAUTH_CREDENTIAL}, add "${info.requiredScope}" under Permissions, then click Reconnect so the Hub grants it.`
				: `The personal API token's Hub account does not have "${info.requiredScope}". Use a token of an account that has it.`;
	} else if (info.status === 403) {
		message = `The Hub refused this operation for your account${hubSays(info, secrets)}`;
		description =
			'Your Hub account is not allowed to do this (for example, only community admins can create topics). Ask an admin of the community or use another account.';
	} else if (info.status === 404) {
		message = `The ${what} was not found${hubSays(info, secrets)}`;
		description = `Check the ${what} ID (it may have been deleted, or your account cannot see it).`;
	} else if (info.status === 409) {
		message = `The Hub reported a conflict${hubSays(info, secrets)}`;
		description =
			info.code === 'idempotency_key_reused'
				? 'The same Idempotency-Key was already used with a different request. Use a new key for a different request.'
				: `The ${what} is in a state that does not allow this (for example locked or a duplicate). Check it in the Hub and try again.`;
	} else if (info.status === 429) {
		const wait = info.retryAfterMs !== undefined ? ` Wait ${Math.ceil(info.retryAfterMs / 1000)} seconds,` : ' Wait a minute,';
		message = `The Hub is rate limiting requests${retriesText(ctx.attempts)}`;
		description = `Too many requests in a short time.${wait} or make the workflow send fewer requests (smaller batches, fewer runs), then try again.`;
	} else if (info.status >= 500) {
		message = `The Hub failed to process the request (HTTP ${info.status})${retriesText(ctx.attempts)}`;
		description =
			'This is a problem on the Hub side. Try again later; if it keeps failing, contact the Hub support with the request ID.';
	} else {
		message = `The Hub answered HTTP ${info.status}${hubSays(info, secrets)}`;
		description = 'Check the operation and its values, then try again.';
	}
	const requestId = info.requestId ? ` [Request ID: ${info.requestId}]` : '';
	return {
		message: `${message}${requestId}`,
		description: `${description} (${ctx.method} ${ctx.endpoint}, item ${ctx.itemIndex})${requestId}`,
	};
}

/** A NodeApiError built from a clean summary only: no request options, headers or raw responses. */
export function hubApiError(hubInfo: HubErrorInfo, ctx: ErrorContext, meaning?: StatusMeaning): NodeApiError {
	const info = withoutSecrets(hubInfo, ctx.secrets);
	const { message, description } = describeHubError(info, ctx, meaning);
	const summary: JsonObject = {
		status: info.status,
		code: info.code ?? null,
		message,
		requestId: info.requestId ?? null,
		...(info.field ? { field: info.field } : {}),
		...(info.requiredScope ? { requiredScope: info.requiredScope } : {}),
	};
	return new NodeApiError(ctx.node, summary, {
		message,
		description,
		httpCode: String(info.status),
		itemIndex: ctx.itemIndex,
	});
}

/** The Hub could not be reached at all (reset, refused, timeout) even after the retries. */
export function networkError(ctx: ErrorContext, baseUrl: string, reason: string): NodeApiError {
	const message = `Could not reach the Hub at ${baseUrl} (${reason})${retriesText(ctx.attempts)}`;
	const description = `Check the Base URL in the credential and that the Hub is reachable from n8n, then try again. (${ctx.method} ${ctx.endpoint}, item ${ctx.itemIndex})`;
	return new NodeApiError(ctx.node, { message, reason } as JsonObject, {
		message,
		description,
		itemIndex: ctx.itemIndex,
	});
}

/** n8n stopped the execution (a user, or the workflow's timeout) before the Hub answered: not a network fault. */
export function stoppedError(ctx: ErrorContext): NodeOperationError {
	return new NodeOperationError(ctx.node, `The execution was stopped before the Hub answered ${ctx.method} ${ctx.endpoint}`, {
		description: 'n8n stopped the execution (Stop, or the workflow timeout in its settings); nothing more was sent to the Hub.',
		itemIndex: ctx.itemIndex,
	});
}

/** The OAuth2 credential has to be connected again: the refresh failed or the grant is gone. */
export function reconnectError(ctx: ErrorContext, why: string, requestId?: string): NodeApiError {
	const suffix = requestId ? ` [Request ID: ${requestId}]` : '';
	const message = `The ${OAUTH_CREDENTIAL} needs to be reconnected: ${why}${suffix}`;
	return new NodeApiError(ctx.node, { message, code: 'reconnect_required', requestId: requestId ?? null }, {
		message,
		description: `${reconnectAdvice('oAuth2')} (${ctx.method} ${ctx.endpoint}, item ${ctx.itemIndex})`,
		httpCode: '401',
		itemIndex: ctx.itemIndex,
	});
}

/**
 * A POST whose effect nobody can tell (its answer was lost and reading back could not settle it):
 * neither sent again nor reported as done, so that nothing happens twice and nothing is claimed.
 */
export function outcomeUnknownError(ctx: ErrorContext, did: string, where: string, why: string, requestId?: string): NodeApiError {
	const suffix = requestId ? ` [Request ID: ${requestId}]` : '';
	const message = redact(`The Hub may or may not have ${did}: check ${where} before running again [item ${ctx.itemIndex}]${suffix}`, ctx.secrets);
	const description = redact(
		`${why}. The node does not send it again while it cannot tell whether the Hub acted, so that nothing is done twice. (${ctx.method} ${ctx.endpoint}, item ${ctx.itemIndex})${suffix}`,
		ctx.secrets,
	);
	return new NodeApiError(ctx.node, { message, code: 'outcome_unknown', requestId: requestId ?? null }, {
		message,
		description,
		itemIndex: ctx.itemIndex,
	});
}
