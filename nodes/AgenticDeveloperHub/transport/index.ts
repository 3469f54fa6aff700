import type { IDataObject, IHttpRequestMethods } from 'n8n-workflow';
import { credentialSnapshot } from './credentialSnapshot';
import { fetchAllPages, type PaginationSpec } from './pagination';
import { redact } from './redact';
import { sendHubRequest, sendHubRequestForResponse, type CallResult, type HubContext, type HubRequestOptions } from './request';
import { sharedRead } from './sharedReads';

export type { CallResult, HubContext, HubRequestOptions } from './request';
export type { PaginationSpec } from './pagination';
export type { ReadBack, ReadBackFinding, ReadBackLookup } from './guardedPost';
export type { StatusMeaning } from './errorMessages';

/**
 * One Hub request with the node's credential: auth, token lifecycle, retries and error mapping.
 * `endpoint` is like '/api/discussion/topics'; a 204 resolves to {}.
 */
export async function hubApiRequest<T = IDataObject>(
	this: HubContext,
	method: IHttpRequestMethods,
	endpoint: string,
	options?: HubRequestOptions,
): Promise<T> {
	const send = async () => await sendHubRequest(this, method, endpoint, options);
	// A read that says when it began may take the answer of an identical one (sharedReads.ts).
	if (method === 'GET' && options?.shareAfter !== undefined) return (await sharedRead(this, endpoint, { ...options, shareAfter: options.shareAfter }, send)) as T;
	return (await send()) as T;
}

/** The same request, answered with its headers (the Hub's `Date`) and status. */
export async function hubApiResponse(
	context: HubContext,
	method: IHttpRequestMethods,
	endpoint: string,
	options?: HubRequestOptions,
): Promise<CallResult> {
	return await sendHubRequestForResponse(context, method, endpoint, options ?? {});
}

/** Every item of a paginated list (no limit = Return All), or the first `limit` items. */
export async function hubApiRequestAllItems<T = IDataObject>(
	this: HubContext,
	endpoint: string,
	spec: PaginationSpec,
	options?: HubRequestOptions & { limit?: number },
): Promise<T[]> {
	return await fetchAllPages<T>(this, endpoint, spec, options);
}

/** Text the Hub wrote (e.g. a failed action's `error`) with the credential's secrets masked. */
export async function hubTextWithoutSecrets(context: HubContext, text: string, itemIndex = 0): Promise<string> {
	const { secrets } = await credentialSnapshot(context, itemIndex);
	return redact(text, secrets);
}
