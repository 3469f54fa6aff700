import { NodeApiError, type IAllExecuteFunctions, type ICredentialDataDecryptedObject, type IHttpRequestOptions } from 'n8n-workflow';
import type { CredentialSnapshot } from './credentialSnapshot';
import { reportingFailures } from './failedCall';
import { oauthTokenData } from './tokenFreshness';

type SigningBase = Pick<IAllExecuteFunctions, 'getCredentials' | 'helpers'>;

/** What n8n's HTTP helpers answer with `returnFullResponse`. */
export interface SentResponse {
	body: unknown;
	headers: Record<string, unknown>;
	statusCode: number;
}

/** An answer of 300 or more, shaped as n8n's HTTP client error, for the transport's failure handling. */
export class HubAnswerError extends Error {
	readonly response: { status: number; headers: Record<string, unknown>; data: unknown };

	constructor(answer: SentResponse) {
		super(`The Hub answered HTTP ${answer.statusCode}`);
		this.response = { status: answer.statusCode, headers: answer.headers ?? {}, data: answer.body };
	}
}

/**
 * One attempt with the personal token, signed by n8n from the credential's `authenticate` block
 * (httpRequestWithAuthentication) with the data read for this item, so that a token written as an
 * expression is this item's. Sent exactly once: both n8n lines resend a request after a 401 with the
 * same credential (2.x unless told otherwise, 1.x always), but only when the request throws; it is
 * asked not to (`ignoreHttpStatusErrors`), and the transport reads the status itself.
 */
export async function sendWithPersonalToken(
	ctx: SigningBase & Pick<IAllExecuteFunctions, 'getNode'>,
	snapshot: CredentialSnapshot,
	request: IHttpRequestOptions,
	onFailure: (failure: HubAnswerError) => void,
): Promise<SentResponse> {
	// n8n's httpRequestWithAuthentication adds the execution's cancel signal itself (both lines, where
	// the context has one): a stopped or timed-out execution aborts the request in flight.
	const answer = (await ctx.helpers.httpRequestWithAuthentication.call(
		ctx as IAllExecuteFunctions,
		snapshot.credentialType,
		{ ...request, ignoreHttpStatusErrors: true },
		{ credentialsDecrypted: { id: '', name: snapshot.credentialType, type: snapshot.credentialType, data: { ...snapshot.data } } },
	)) as SentResponse;
	// A redirect (not followed) is no answer either.
	if (answer.statusCode < 300) return answer;
	const failure = new HubAnswerError(answer);
	onFailure(failure);
	throw new NodeApiError(ctx.getNode(), { message: failure.message }, { httpCode: String(answer.statusCode) });
}

/** The execution's cancel signal, where the context has one (not in a trigger's or a list search's). */
export function executionCancelSignal(ctx: object): AbortSignal | undefined {
	const { getExecutionCancelSignal } = ctx as { getExecutionCancelSignal?: () => AbortSignal | undefined };
	return typeof getExecutionCancelSignal === 'function' ? getExecutionCancelSignal.call(ctx) : undefined;
}

/** What n8n may sign with: a copy (n8n adds to what it reads) without the refresh token. */
function signingCopy(snapshot: CredentialSnapshot): ICredentialDataDecryptedObject {
	const tokens = { ...oauthTokenData(snapshot.data) };
	delete tokens.refresh_token;
	return { ...snapshot.data, oauthTokenData: tokens };
}

/**
 * The context n8n's OAuth2 signing runs in: the node's own, except that
 * - with a snapshot, reading this credential returns it instead of resolving it again, without the
 *   refresh token: only the transport refreshes (single-flight, tokenRefresh.ts). n8n 1.x refreshes
 *   by itself on any 401, whatever `skipTokenRefresh` says; without a refresh token that attempt
 *   fails before it sends anything, so it can never redeem a refresh token already used;
 * - n8n's HTTP helper reports each failure to `onFailure` (failedCall.ts), as 1.x's NodeApiError
 *   keeps neither the HTTP error nor its headers.
 */
export function signingContext<T extends SigningBase>(
	ctx: T,
	snapshot: CredentialSnapshot | undefined,
	onFailure: (error: unknown) => void,
): T {
	const reading = snapshot ? readingCredentialAs(ctx, snapshot.credentialType, signingCopy(snapshot)) : ctx;
	return Object.create(reading, { helpers: { value: reportingFailures(ctx.helpers, onFailure) } }) as T;
}

/** The context, except that reading `credentialType` returns a copy of `data`. */
function readingCredentialAs<T extends Pick<IAllExecuteFunctions, 'getCredentials'>>(
	ctx: T,
	credentialType: string,
	data: ICredentialDataDecryptedObject,
): T {
	const getCredentials = async (type: string, itemIndex?: number) =>
		type === credentialType ? { ...data } : await ctx.getCredentials(type, itemIndex);
	return Object.create(ctx, { getCredentials: { value: getCredentials } }) as T;
}
