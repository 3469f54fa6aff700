import { NodeOperationError, type IDataObject } from 'n8n-workflow';
import { headerValue } from './hubError';
import { pause } from './pause';
import { sendHubRequestForResponse, type HubContext } from './request';
import type { StreamRequestOptions } from './requestOptions';
import type { EventStreamBody } from './serverSentEvents';

/** An open `text/event-stream` answer of the Hub. */
export interface HubEventStream {
	body: EventStreamBody;
	requestId?: string;
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
	options: StreamRequestOptions & { qs?: IDataObject; resource?: string; maxLifeMs?: number },
): Promise<HubEventStream> {
	const { qs, resource, signal, idleTimeoutMs, maxLifeMs } = options;
	// Our own connection, so that the idle watchdog can close it too.
	const connection = new AbortController();
	const forward = () => connection.abort();
	if (signal.aborted) forward();
	else signal.addEventListener('abort', forward, { once: true });
	const opening = sendHubRequestForResponse(ctx, 'GET', endpoint, { qs, resource, stream: { signal: connection.signal, idleTimeoutMs } });
	opening.catch(() => signal.removeEventListener('abort', forward));
	const response = await opening;
	const requestId = headerValue(response.headers, 'x-request-id');
	const contentType = headerValue(response.headers, 'content-type') ?? '';
	if (!/^text\/event-stream\b/i.test(contentType)) {
		connection.abort();
		const suffix = requestId ? ` [Request ID: ${requestId}]` : '';
		const message = `The Hub answered GET ${endpoint} with "${contentType || 'no content type'}" instead of an event stream${suffix}`;
		// Not worth reconnecting for: the Base URL leads somewhere else.
		throw new NodeOperationError(ctx.getNode(), message, {
			description: 'Check that the Base URL in the credential is the Hub\'s API address (without /api).',
		});
	}
	const body = watchedForSilence(response.body as EventStreamBody, connection, { idleTimeoutMs, maxLifeMs }, () => signal.removeEventListener('abort', forward));
	return { body, requestId };
}

/**
 * n8n's request timeout stops counting once the answer's headers are in, and the Hub sends no
 * keep-alives: a connection that died without closing would wait forever. This closes the
 * connection when no byte arrived for `idleTimeoutMs` (the Hub ends every stream sooner), and in
 * any case after `maxLifeMs`: a byte now and then, forming no event, cannot keep it open forever.
 */
function watchedForSilence(
	body: EventStreamBody,
	connection: AbortController,
	limits: { idleTimeoutMs: number; maxLifeMs?: number },
	onDone: () => void,
): EventStreamBody {
	const { idleTimeoutMs, maxLifeMs = Infinity } = limits;
	const openedAt = Date.now();
	let lastByteAt = openedAt;
	const watchdog = new AbortController();
	const finish = () => {
		if (watchdog.signal.aborted) return;
		watchdog.abort();
		onDone();
	};
	body.on('end', finish);
	body.on('error', finish);
	body.on('close', finish);
	connection.signal.addEventListener('abort', finish, { once: true });
	void (async () => {
		while (!watchdog.signal.aborted) {
			await pause(Math.min(lastByteAt + idleTimeoutMs, openedAt + maxLifeMs) - Date.now(), watchdog.signal);
			const now = Date.now();
			if (!watchdog.signal.aborted && (now - lastByteAt >= idleTimeoutMs || now - openedAt >= maxLifeMs)) connection.abort();
		}
	})();
	// Listening for data here would start the flow before the caller listens: wrap its listener instead.
	const watched = {
		on(event: string, listener: (value?: unknown) => void) {
			if (event !== 'data') return body.on(event as 'end', listener as () => void);
			return body.on('data', (chunk) => {
				lastByteAt = Date.now();
				listener(chunk);
			});
		},
	} as EventStreamBody;
	return watched;
}
