import {
	NodeOperationError,
	type IAllExecuteFunctions,
	type IDataObject,
	type IExecuteFunctions,
	type IHttpRequestMethods,
	type IHttpRequestOptions,
	type ILoadOptionsFunctions,
	type IPollFunctions,
	type ITriggerFunctions,
} from 'n8n-workflow';
import { credentialSnapshot, freshCredentialSnapshot, signingToken, type CredentialSnapshot } from './credentialSnapshot';
import { executionCancelSignal, sendWithPersonalToken, signingContext, type SentResponse } from './signing';
import { baseUrlOf, hostOf } from './baseUrl';
import { defaultIdempotencyKey } from './idempotencyKey';
import { hubApiError, networkError, reconnectError, stoppedError, type ErrorContext, type StatusMeaning } from './errorMessages';
import { networkReason, neverReachedHub, readStreamedErrorBody, responseOf } from './failedCall';
import { readAnswer } from './answerBody';
import { answerOfPublishedType, UnexpectedAnswerType } from './answerShape';
import { HubBoundError } from './bounds';
import { GuardedPost } from './guardedPost';
import { headerValue, isTokenExpired, parseHubError } from './hubError';
import { redact } from './redact';
import { backoffDelayMs, retryAfterMs, retryPolicyFor, RetryBudget, type RetryPolicy } from './retryPolicy';
import { accessTokenOf, expiresSoon } from './tokenFreshness';
import { canRefreshExplicitly, OAUTH2_SIGNING, refreshReplacing } from './tokenRefresh';

export type HubContext = IExecuteFunctions | ILoadOptionsFunctions | IPollFunctions | ITriggerFunctions;

import type { HubRequestOptions } from './requestOptions';

export type { HubRequestOptions } from './requestOptions';

/**
 * What a call resolves to: the body, and the headers (a read-back reads the Hub's Date); the status
 * when the Hub answered this call itself (not a record read back), e.g. a DM Send's 200 for a repeat.
 */
export type CallResult = Pick<SentResponse, 'body' | 'headers'> & { statusCode?: number };

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
	/** A POST that the Hub does not dedupe; undefined for every other request. */
	guard?: GuardedPost;
	finalStatuses?: Record<number, StatusMeaning>;
	/** An event stream: answered with its live body; its failures are not retried here. */
	streaming: boolean;
	/** What n8n's HTTP client threw in the last attempt, before n8n wrapped it. */
	failure?: unknown;
}

/**
 * One Hub call: picks the credential, refreshes ahead of expiry, signs through n8n, refreshes once
 * on `401 token_expired`, retries 429 and refused connections, and 5xx and dropped connections for
 * requests safe to repeat, within the policy (a POST the Hub does not dedupe goes through a
 * GuardedPost instead), and turns every failure into one NodeApiError without secrets.
 */
export async function sendHubRequest(
	ctx: HubContext,
	method: IHttpRequestMethods,
	endpoint: string,
	options: HubRequestOptions = {},
): Promise<unknown> {
	return (await hubCall(ctx, method, endpoint, options)).body;
}

/** The same call, answered with the headers too (an event stream: its live body and its content type). */
export async function sendHubRequestForResponse(
	ctx: HubContext,
	method: IHttpRequestMethods,
	endpoint: string,
	options: HubRequestOptions,
): Promise<CallResult> {
	return await hubCall(ctx, method, endpoint, options);
}

async function hubCall(ctx: HubContext, method: IHttpRequestMethods, endpoint: string, options: HubRequestOptions): Promise<CallResult> {
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
	// Every POST carries a key, the same on each of its retries. The Hub dedupes by it where its
	// types declare it (and may elsewhere); only `idempotent` POSTs rely on that.
	const idempotencyKey =
		method === 'POST' ? (options.idempotencyKey ?? defaultIdempotencyKey(ctx, itemIndex, `${method} ${endpoint}`)) : undefined;
	const policy = retryPolicyFor(ctx);
	const { stream } = options;
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
			json: !stream,
			returnFullResponse: true,
			headers: {
				Accept: stream ? 'text/event-stream' : 'application/json',
				// Decompression would hold events back until a compressed block fills.
				...(stream ? { 'Accept-Encoding': 'identity' } : {}),
				...(idempotencyKey ? { 'Idempotency-Key': idempotencyKey } : {}),
			},
			// Every answer is read as a stream: a JSON answer is counted as it arrives (answerBody.ts).
			encoding: 'stream',
			...(stream ? { abortSignal: stream.signal, timeout: stream.idleTimeoutMs } : {}),
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
			secrets: [...snapshot.secrets, ...(options.secrets ?? [])],
		},
		explicitRefresh: auth === 'oAuth2' && canRefreshExplicitly(ctx),
		policy,
		// A stream's caller reconnects with its own (abortable) backoff.
		budget: new RetryBudget(stream ? { ...policy, maxRetries: 0 } : policy),
		refreshedAfterExpiry: false,
		rereadAfter401: false,
		finalStatuses: options.finalStatuses,
		streaming: stream !== undefined,
	};
	if (method === 'POST' && !options.idempotent) {
		const readBackGet = async (path: string, qs?: IDataObject) => await hubCall(ctx, 'GET', path, { qs, itemIndex });
		call.guard = new GuardedPost(ctx, idempotencyKey!, call.request.body, options.readBack, call.errorContext, readBackGet);
		const earlier = await call.guard.earlierResult();
		if (earlier) return { body: earlier.done, headers: {} };
	}

	for (;;) {
		const usedToken = call.explicitRefresh ? await tokenToSend(call) : undefined;
		try {
			const result = await sendOnce(call);
			call.guard?.made(result.body);
			return result;
		} catch (error) {
			// The Hub's answer broke a bound or its published type: no retry makes it another.
			if (error instanceof HubBoundError || error instanceof UnexpectedAnswerType) {
				throw new NodeOperationError(call.errorContext.node, error, { itemIndex: call.errorContext.itemIndex });
			}
			for (const failed of new Set([error, call.failure])) await readStreamedErrorBody(failed);
			const next = await afterFailure(call, error, usedToken);
			if (next === 'resend') continue;
			if ('done' in next) return { body: next.done, headers: {} };
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

/** Signs and sends one attempt (a fresh copy of the options, so no Authorization header stays in ours). */
async function sendOnce(call: CallState): Promise<CallResult> {
	const { ctx, snapshot, errorContext } = call;
	const request = { ...call.request, headers: { ...call.request.headers } };
	call.failure = undefined;
	let response: SentResponse;
	if (errorContext.auth === 'apiToken') {
		response = await sendWithPersonalToken(ctx, snapshot, request, (failure) => (call.failure = failure));
	} else {
		// n8n signs with the snapshot instead of reading the credential again. Not when n8n refreshes
		// on its own (no explicit refresh): then it must read what it refreshes and persists.
		const signer = signingContext(ctx, call.explicitRefresh ? snapshot : undefined, (failure) => (call.failure = failure));
		response = (await ctx.helpers.httpRequestWithAuthentication.call(signer as IAllExecuteFunctions, snapshot.credentialType, request, {
			oauth2: { ...OAUTH2_SIGNING, skipTokenRefresh: call.explicitRefresh },
		})) as SentResponse;
	}
	const headers = response.headers ?? {};
	if (call.streaming) return { body: response.body, headers };
	const answer = await readAnswer(response.body, headers, `${errorContext.method} ${errorContext.endpoint}`, (request.abortSignal as AbortSignal | undefined) ?? executionCancelSignal(ctx));
	const body = answerOfPublishedType(response.statusCode === 204 ? undefined : answer, errorContext);
	return { body, headers, statusCode: response.statusCode };
}

/**
 * What to do after a failed attempt: resend at once (token refreshed), take it as done, wait and
 * retry, or throw.
 */
async function afterFailure(
	call: CallState,
	error: unknown,
	usedToken: string | undefined,
): Promise<'resend' | { done: unknown } | { waitMs: number }> {
	const { ctx, errorContext, policy, baseUrl } = call;
	const { credentialType } = call.snapshot;
	if (error instanceof NodeOperationError && /needs to be reconnected/i.test(error.message)) {
		throw reconnectError(errorContext, 'the Hub refused to refresh the access token');
	}
	// What the HTTP client threw, when n8n's signing sent the request: n8n may wrap it losing parts.
	const thrown = call.failure ?? error;
	const response = responseOf(thrown);
	if (!response) {
		if (executionCancelSignal(ctx)?.aborted) throw stoppedError(errorContext);
		const reason = networkReason(thrown);
		// Never rethrow n8n's own error: it can carry the request options, Authorization included.
		if (!reason) {
			throw networkError(errorContext, baseUrl, redact(String((error as Error)?.message ?? 'the request failed'), errorContext.secrets));
		}
		const failure = () => networkError(errorContext, baseUrl, reason);
		// Only a failure before any connection proves that a POST the Hub does not dedupe did nothing.
		if (call.guard && !neverReachedHub(thrown)) {
			return await call.guard.afterUnclearFailure(`The connection failed before the Hub's answer arrived (${reason})`, call.budget, () => nextBackoff(call), failure);
		}
		return retryOrThrow(call, nextBackoff(call), failure);
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
	if (info.status === 404 && call.request.method === 'DELETE' && errorContext.attempts > 1) return { done: {} };
	// The Hub's API never redirects: a redirect is not followed (it could lead anywhere), and says so.
	if (info.status >= 300 && info.status < 400) throw hubApiError(info, errorContext, REDIRECT_REFUSED(info.status));
	const meaning = call.finalStatuses?.[info.status];
	if (meaning) throw hubApiError(info, errorContext, meaning);
	if (info.status === 429) {
		info.retryAfterMs = retryAfterMs(headerValue(response.headers, 'retry-after')) ?? backoffDelayMs(policy, call.budget.retries + 1);
		const waitMs = info.retryAfterMs <= policy.maxRetryAfterMs ? info.retryAfterMs : undefined;
		return retryOrThrow(call, waitMs, () => hubApiError(info, errorContext));
	}
	const failure = () => hubApiError(info, errorContext);
	if (call.guard && info.status >= 500) {
		return await call.guard.afterUnclearFailure(`The Hub answered HTTP ${info.status}`, call.budget, () => nextBackoff(call), failure, info.requestId);
	}
	return retryOrThrow(call, info.status >= 500 ? nextBackoff(call) : undefined, failure);
}

const REDIRECT_REFUSED = (status: number): StatusMeaning => ({
	message: `The Base URL answered with a redirect (HTTP ${status}), which is not followed so that the credentials never reach another address`,
	description: "Set the credential's Base URL to the Hub API's own address (without /api), for example https://api.agenticdeveloperhub.com.",
});

/** The backoff before the call's next retry (it grows with each one). */
function nextBackoff(call: CallState): number {
	return backoffDelayMs(call.policy, call.budget.retries + 1);
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

/**
 * A retry after `waitMs` when the budget allows it; else the error. For any request after a 429 or
 * a refused connection; after other failures only for requests that may be repeated (a POST that
 * the Hub does not dedupe goes through its guard instead).
 */
function retryOrThrow(call: CallState, waitMs: number | undefined, failure: () => Error): { waitMs: number } {
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
