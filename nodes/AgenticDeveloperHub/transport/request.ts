import {
	NodeOperationError,
	type IAllExecuteFunctions,
	type IDataObject,
	type IExecuteFunctions,
	type IHttpRequestMethods,
	type IHttpRequestOptions,
	type ILoadOptionsFunctions,
	type IPollFunctions,
} from 'n8n-workflow';
import {
	credentialSnapshot,
	freshCredentialSnapshot,
	signingContext,
	signingToken,
	type CredentialSnapshot,
} from './credentialSnapshot';
import { defaultIdempotencyKey } from './idempotencyKey';
import { hubApiError, networkError, reconnectError, type ErrorContext } from './errorMessages';
import { networkReason, responseOf } from './failedCall';
import { headerValue, isTokenExpired, parseHubError } from './hubError';
import { redact } from './redact';
import { backoffDelayMs, retryAfterMs, retryPolicy, RetryBudget, type RetryPolicy } from './retryPolicy';
import { accessTokenOf, expiresSoon } from './tokenFreshness';
import { canRefreshExplicitly, OAUTH2_SIGNING, refreshReplacing } from './tokenRefresh';

export type HubContext = IExecuteFunctions | ILoadOptionsFunctions | IPollFunctions;

export interface HubRequestOptions {
	/** The JSON body; none is sent without it (POST routes such as `/sync` and `/read-all` publish none). */
	body?: IDataObject;
	/** Array values become repeated keys: category=a&category=b. */
	qs?: IDataObject;
	/** Named in errors; default 0. */
	itemIndex?: number;
	/** POST only; when absent, one per item and run of the node (idempotencyKey.ts), kept across retries. */
	idempotencyKey?: string;
	/** What a 404 is about, e.g. 'topic', for the error message. */
	resource?: string;
}

const SECURE_BASE_URL = /^https:\/\/|^http:\/\/(localhost|127\.0\.0\.1)(:\d+)?(\/|$)/i;

function baseUrlOf(ctx: HubContext, snapshot: CredentialSnapshot, itemIndex: number): string {
	const baseUrl = String(snapshot.data.baseUrl ?? '').trim().replace(/\/+$/, '');
	if (!SECURE_BASE_URL.test(baseUrl)) {
		throw new NodeOperationError(
			ctx.getNode(),
			'The Base URL in the Agentic Developer Hub credential must start with https://',
			{
				description: 'Plain http:// is accepted only for localhost and 127.0.0.1. Edit the credential and fix its Base URL.',
				itemIndex,
			},
		);
	}
	return baseUrl;
}

/** The last Base URL parsed, as runs send many requests to one Hub. */
let lastHost: { baseUrl: string; host: string | undefined } | undefined;

/** The Base URL's host name: the only host the Hub credentials may be sent to. */
function hostOf(baseUrl: string): string | undefined {
	if (lastHost?.baseUrl !== baseUrl) {
		let host: string | undefined;
		try {
			host = new URL(baseUrl).hostname;
		} catch {
			host = undefined;
		}
		lastHost = { baseUrl, host };
	}
	return lastHost.host;
}

interface SentResponse {
	body: unknown;
	statusCode: number;
}

/** Everything one call needs across its attempts. */
interface CallState {
	ctx: HubContext;
	/** The credential as last read; replaced after a refresh, near expiry or after a 401. */
	snapshot: CredentialSnapshot;
	request: IHttpRequestOptions;
	errorContext: ErrorContext;
	baseUrl: string;
	/** Whether the transport refreshes itself (n8n's `helpers.refreshOAuth2Token` exists). */
	explicitRefresh: boolean;
	policy: RetryPolicy;
	budget: RetryBudget;
	refreshedAfterExpiry: boolean;
	/** Whether a 401 already made the call read the credential again. */
	rereadAfter401: boolean;
}

/**
 * One Hub call: picks the credential, refreshes ahead of expiry, signs through n8n, refreshes once
 * on `401 token_expired`, retries 429 / 5xx / network errors within the policy, and turns every
 * failure into one NodeApiError without secrets.
 */
export async function sendHubRequest(
	ctx: HubContext,
	method: IHttpRequestMethods,
	endpoint: string,
	options: HubRequestOptions = {},
): Promise<unknown> {
	const itemIndex = options.itemIndex ?? 0;
	const snapshot = await credentialSnapshot(ctx, itemIndex);
	const { auth } = snapshot;
	const baseUrl = baseUrlOf(ctx, snapshot, itemIndex);
	if (auth === 'oAuth2' && !accessTokenOf(snapshot.data)) {
		throw new NodeOperationError(ctx.getNode(), 'The Agentic Developer Hub OAuth2 credential is not connected yet', {
			description: 'Open the credential and click "Connect my account" to sign in to the Hub, then run the workflow again.',
			itemIndex,
		});
	}
	// Every POST carries a key, the same on each of its retries, so the Hub runs it at most once.
	const idempotencyKey =
		method === 'POST' ? (options.idempotencyKey ?? defaultIdempotencyKey(ctx, itemIndex, `${method} ${endpoint}`)) : undefined;
	const policy = retryPolicy();
	const call: CallState = {
		ctx,
		snapshot,
		baseUrl,
		request: {
			method,
			url: `${baseUrl}${endpoint.startsWith('/') ? endpoint : `/${endpoint}`}`,
			qs: options.qs,
			arrayFormat: 'repeat',
			body: options.body,
			json: true,
			returnFullResponse: true,
			headers: { Accept: 'application/json', ...(idempotencyKey ? { 'Idempotency-Key': idempotencyKey } : {}) },
			// The credentials are for the Hub only. Its API never redirects, so a redirect (which
			// could lead anywhere) is not followed, and no request may leave the Base URL's host.
			disableFollowRedirect: true,
			allowedDomains: hostOf(baseUrl),
		},
		errorContext: {
			// n8n copies the whole node on every getNode(): only an error needs it.
			get node() {
				return ctx.getNode();
			},
			itemIndex,
			auth,
			method,
			endpoint,
			resource: options.resource,
			attempts: 1,
			secrets: snapshot.secrets,
		},
		explicitRefresh: auth === 'oAuth2' && canRefreshExplicitly(ctx),
		policy,
		budget: new RetryBudget(policy),
		refreshedAfterExpiry: false,
		rereadAfter401: false,
	};

	for (;;) {
		const usedToken = call.explicitRefresh ? await tokenToSend(call) : undefined;
		try {
			return await sendOnce(call);
		} catch (error) {
			const next = await afterFailure(call, error, usedToken);
			if (next === 'resend') continue;
			if (next === 'alreadyDone') return {};
			await call.budget.wait(next.waitMs);
			call.errorContext.attempts += 1;
		}
	}
}

/**
 * The access token to send, refreshed first when it expires within the margin. A snapshot near
 * expiry is read again first: another item or execution may have refreshed it already.
 */
async function tokenToSend(call: CallState): Promise<string | undefined> {
	const { ctx, errorContext } = call;
	if (expiresSoon(call.snapshot.data)) useSnapshot(call, await freshCredentialSnapshot(ctx, errorContext.itemIndex));
	const token = accessTokenOf(call.snapshot.data);
	if (!token || !expiresSoon(call.snapshot.data)) return token;
	await refreshOrReconnect(ctx, call.snapshot.credentialType, token, errorContext);
	useSnapshot(call, await freshCredentialSnapshot(ctx, errorContext.itemIndex));
	return accessTokenOf(call.snapshot.data);
}

function useSnapshot(call: CallState, snapshot: CredentialSnapshot): void {
	call.snapshot = snapshot;
	call.errorContext.secrets = [...new Set([...call.errorContext.secrets, ...snapshot.secrets])];
}

/** Signs through n8n (a fresh copy of the options, so no Authorization header stays in ours). */
async function sendOnce(call: CallState): Promise<unknown> {
	const { ctx, snapshot, errorContext } = call;
	const request = { ...call.request, headers: { ...call.request.headers } };
	// n8n signs with the snapshot instead of reading the credential again. Not when n8n refreshes
	// on its own (no explicit refresh): then it must read what it refreshes and persists.
	const signer = errorContext.auth === 'apiToken' || call.explicitRefresh ? signingContext(ctx, snapshot) : ctx;
	const response = (await ctx.helpers.httpRequestWithAuthentication.call(
		signer as IAllExecuteFunctions,
		snapshot.credentialType,
		request,
		errorContext.auth === 'oAuth2'
			? { oauth2: { ...OAUTH2_SIGNING, skipTokenRefresh: call.explicitRefresh } }
			: // A personal token is never refreshed: no resend of the same token on a 401.
				{ preAuthenticationRetryStatusCode: [] },
	)) as SentResponse;
	return response.statusCode === 204 || response.body === undefined || response.body === '' ? {} : response.body;
}

/**
 * What to do after a failed attempt: resend at once (token refreshed), take it as done, wait and
 * retry, or throw.
 */
async function afterFailure(
	call: CallState,
	error: unknown,
	usedToken: string | undefined,
): Promise<'resend' | 'alreadyDone' | { waitMs: number }> {
	const { ctx, errorContext, policy, baseUrl } = call;
	const { credentialType } = call.snapshot;
	if (error instanceof NodeOperationError && /needs to be reconnected/i.test(error.message)) {
		throw reconnectError(errorContext, 'the Hub refused to refresh the access token');
	}
	const response = responseOf(error);
	if (!response) {
		const reason = networkReason(error);
		// Never rethrow n8n's own error: it can carry the request options, Authorization included.
		if (!reason) {
			throw networkError(errorContext, baseUrl, redact(String((error as Error)?.message ?? 'the request failed'), errorContext.secrets));
		}
		return retryOrThrow(call, backoffDelayMs(policy, call.budget.retries + 1), () => networkError(errorContext, baseUrl, reason));
	}
	const info = parseHubError(response);
	if (info.status === 401 && errorContext.auth === 'oAuth2') {
		if (call.explicitRefresh && usedToken && !call.refreshedAfterExpiry && isTokenExpired(info, response.headers)) {
			call.refreshedAfterExpiry = true;
			await refreshOrReconnect(ctx, credentialType, usedToken, errorContext, info.requestId);
			useSnapshot(call, await freshCredentialSnapshot(ctx, errorContext.itemIndex));
			return 'resend';
		}
		if (await credentialChangedSince(call)) return 'resend';
		throw reconnectError(errorContext, `the Hub answered ${info.code ?? 'unauthorized'}`, info.requestId);
	}
	if (info.status === 401 && (await credentialChangedSince(call))) return 'resend';
	// A retried DELETE that finds its target gone is done: most likely the attempt whose answer was
	// lost deleted it, and the target is gone either way.
	if (info.status === 404 && call.request.method === 'DELETE' && errorContext.attempts > 1) return 'alreadyDone';
	if (info.status === 429) {
		info.retryAfterMs = retryAfterMs(headerValue(response.headers, 'retry-after')) ?? backoffDelayMs(policy, call.budget.retries + 1);
		const waitMs = info.retryAfterMs <= policy.maxRetryAfterMs ? info.retryAfterMs : undefined;
		return retryOrThrow(call, waitMs, () => hubApiError(info, errorContext));
	}
	const waitMs = info.status >= 500 ? backoffDelayMs(policy, call.budget.retries + 1) : undefined;
	return retryOrThrow(call, waitMs, () => hubApiError(info, errorContext));
}

/**
 * After a 401 (other than one the transport refreshes for): whether the stored credential now holds
 * another token than the snapshot the request was signed with (reconnected or edited during the
 * run). Read again at most once per call, so a refused token never loops.
 */
async function credentialChangedSince(call: CallState): Promise<boolean> {
	if (call.rereadAfter401) return false;
	call.rereadAfter401 = true;
	const sent = signingToken(call.snapshot);
	useSnapshot(call, await freshCredentialSnapshot(call.ctx, call.errorContext.itemIndex));
	const stored = signingToken(call.snapshot);
	return stored !== undefined && stored !== sent;
}

/** A retry after `waitMs` when the budget allows it; else the error. */
function retryOrThrow(call: CallState, waitMs: number | undefined, failure: () => Error): { waitMs: number } {
	// Every POST carries an Idempotency-Key, so every call may be retried.
	if (waitMs !== undefined && call.budget.allows(waitMs)) return { waitMs };
	throw failure();
}

async function refreshOrReconnect(
	ctx: HubContext,
	credentialType: string,
	staleToken: string,
	errorContext: ErrorContext,
	requestId?: string,
): Promise<void> {
	const outcome = await refreshReplacing(ctx, credentialType, staleToken);
	if (outcome.ok) return;
	const why = outcome.revoked
		? 'the Hub refused to refresh the access token (the connection was revoked or has expired)'
		: `the access token expired and could not be refreshed (${networkReason(outcome.error) ?? 'the token request failed'})`;
	throw reconnectError(errorContext, why, requestId);
}
