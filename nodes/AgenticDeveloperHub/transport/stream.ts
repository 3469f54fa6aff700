import { NodeApiError, type IDataObject, type JsonObject } from 'n8n-workflow';
import { headerValue } from './hubError';
import { sendHubRequest, type HubContext, type StreamRequestOptions } from './request';
import type { EventStreamBody } from './serverSentEvents';

/** An open `text/event-stream` answer of the Hub. */
export interface HubEventStream {
	body: EventStreamBody;
	requestId?: string;
}

interface StreamResponse {
	body: EventStreamBody & { destroy?(): void };
	headers: Record<string, unknown>;
	statusCode: number;
}

/**
 * Opens one of the Hub's event streams through the one request path: the same credential
 * snapshot, header auth (never the `access_token` query parameter, which can end up in logs),
 * refresh through n8n's single-flight path on `401 token_expired`, and the same error messages.
 * Failures are not retried here: the caller reconnects with its own backoff.
 */
export async function openHubStream(
	ctx: HubContext,
	endpoint: string,
	options: StreamRequestOptions & { qs?: IDataObject; resource?: string },
): Promise<HubEventStream> {
	const { qs, resource, ...stream } = options;
	const response = (await sendHubRequest(ctx, 'GET', endpoint, { qs, resource, stream })) as StreamResponse;
	const requestId = headerValue(response.headers, 'x-request-id');
	const contentType = headerValue(response.headers, 'content-type') ?? '';
	if (!/^text\/event-stream\b/i.test(contentType)) {
		response.body.destroy?.();
		const suffix = requestId ? ` [Request ID: ${requestId}]` : '';
		const message = `The Hub answered GET ${endpoint} with "${contentType || 'no content type'}" instead of an event stream${suffix}`;
		throw new NodeApiError(ctx.getNode(), { message, requestId: requestId ?? null } as JsonObject, {
			message,
			description: 'Check that the Base URL in the credential is the Hub\'s API address (without /api).',
			httpCode: String(response.statusCode),
		});
	}
	return { body: response.body, requestId };
}
