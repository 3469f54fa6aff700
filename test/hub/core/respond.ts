import type { ServerResponse } from 'http';
import { HubError, renderError, type ErrorShape } from './errors';
import type { Reply } from './router';

/** Any thrown value as a reply in `shape`; anything but a HubError is a 500 `internal_error`. */
export function errorToReply(error: unknown, shape: ErrorShape, label: string): Reply {
	const hubError =
		error instanceof HubError ? error : new HubError(500, 'internal_error', 'The sandbox Hub hit an unexpected error');
	if (!(error instanceof HubError)) {
		// Only the error's class: request bodies and messages may carry secrets.
		process.stderr.write(`sandbox hub: ${label} failed: ${(error as Error)?.name}\n`);
	}
	const rendered = renderError(hubError, shape);
	return {
		status: rendered.status,
		body: rendered.body,
		headers: { 'Content-Type': rendered.contentType, ...rendered.headers },
	};
}

/** Writes a reply with its `X-Request-Id`: JSON unless it carries `html` or `text`. */
export function writeReply(response: ServerResponse, requestId: string, reply: Reply): void {
	if (response.headersSent || response.destroyed) return;
	const headers: Record<string, string> = { 'X-Request-Id': requestId, ...(reply.headers ?? {}) };
	if (reply.stream) {
		response.writeHead(reply.status, { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-store', ...headers });
		response.flushHeaders();
		reply.stream(response);
		return;
	}
	let payload = '';
	if (reply.html !== undefined) {
		headers['Content-Type'] ??= 'text/html; charset=utf-8';
		payload = reply.html;
	} else if (reply.text !== undefined) {
		headers['Content-Type'] ??= 'text/plain; charset=utf-8';
		payload = reply.text;
	} else if (reply.body !== undefined && reply.status !== 204) {
		headers['Content-Type'] ??= 'application/json';
		payload = JSON.stringify(reply.body);
	}
	response.writeHead(reply.status, headers);
	response.end(payload);
}

/** The request target as a URL; `//x` is a path here, not a host, and garbage becomes `/`. */
export function requestUrl(target: string | undefined): URL {
	try {
		return new URL(`http://sandbox.invalid${target?.startsWith('/') ? target : '/'}`);
	} catch {
		return new URL('http://sandbox.invalid/');
	}
}
