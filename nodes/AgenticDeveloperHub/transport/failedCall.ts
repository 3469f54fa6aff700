import type { IAllExecuteFunctions } from 'n8n-workflow';
import { isReadableBody, type ReadableBody } from './answerBody';
import type { HttpResponseParts } from './hubError';

type Helpers = IAllExecuteFunctions['helpers'];

/**
 * n8n's helpers, except that `httpRequest` shows every failure to `onFailure` while n8n gets it
 * unchanged. n8n's OAuth2 signing sends through the signing context's `helpers.httpRequest` (1.x
 * and 2.x), so the transport sees the HTTP client's own error, headers included, however n8n wraps
 * it later.
 */
export function reportingFailures(helpers: Helpers, onFailure: (error: unknown) => void): Helpers {
	const httpRequest: Helpers['httpRequest'] = async (options) => {
		const sent = helpers.httpRequest(options);
		sent.catch(onFailure);
		return await sent;
	};
	return Object.create(helpers, { httpRequest: { value: httpRequest } }) as Helpers;
}

/**
 * The parts of a failed HTTP call, wherever the n8n line keeps them; absent when no response
 * arrived (reset, refused, timeout).
 */
export function responseOf(error: unknown): HttpResponseParts | undefined {
	// n8n's HTTP client error itself, or n8n 2.x's NodeApiError around it (`cause`).
	for (const candidate of [error, (error as { cause?: unknown })?.cause]) {
		const response = (candidate as { response?: { status?: unknown; headers?: unknown; data?: unknown } })?.response;
		if (response && typeof response.status === 'number') {
			return {
				status: response.status,
				headers: (response.headers ?? {}) as Record<string, unknown>,
				body: response.data,
			};
		}
	}
	// n8n 1.x's NodeApiError drops its cause: the status survives as `httpCode` (a string, or a
	// network error code) and a JSON object body as `context.data`; the headers are lost.
	const { httpCode, context } = (error ?? {}) as { httpCode?: unknown; context?: { data?: unknown } };
	const status = typeof httpCode === 'string' && /^[1-5]\d\d$/.test(httpCode) ? Number(httpCode) : undefined;
	return status === undefined ? undefined : { status, headers: {}, body: context?.data };
}

const NETWORK_REASONS: Record<string, string> = {
	ECONNRESET: 'the connection was reset',
	ECONNREFUSED: 'the connection was refused',
	ETIMEDOUT: 'the connection timed out',
	ECONNABORTED: 'the request timed out',
	EPIPE: 'the connection was closed',
	EHOSTUNREACH: 'the host is unreachable',
	ENOTFOUND: 'the host name was not found',
	EAI_AGAIN: 'the host name could not be resolved',
};

/** Failures before a connection existed: no byte of the request can have reached the Hub. */
const NEVER_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH']);

/** The first known network error code in the error's cause chain (1.x's NodeApiError keeps it as `httpCode`). */
function networkCode(error: unknown): string | undefined {
	for (let current = error, depth = 0; current && depth < 4; depth++) {
		const { code, httpCode } = current as { code?: unknown; httpCode?: unknown };
		for (const candidate of [code, httpCode]) {
			if (typeof candidate === 'string' && NETWORK_REASONS[candidate]) return candidate;
		}
		current = (current as { cause?: unknown }).cause;
	}
	return undefined;
}

/** Why no response arrived (1.x's NodeApiError keeps the original message in `messages`). */
export function networkReason(error: unknown): string | undefined {
	const code = networkCode(error);
	if (code) return NETWORK_REASONS[code];
	for (let current = error, depth = 0; current && depth < 4; depth++) {
		const { message, messages } = current as { message?: unknown; messages?: unknown };
		const texts = [message, ...(Array.isArray(messages) ? messages : [])];
		if (texts.some((text) => /socket hang up/i.test(String(text)))) return 'the connection was closed';
		current = (current as { cause?: unknown }).cause;
	}
	return undefined;
}

/** The most of an error body worth reading: error answers are short. */
const MAX_ERROR_BODY_CHARS = 64 * 1024;

async function bodyText(body: ReadableBody): Promise<string> {
	const decoder = new TextDecoder('utf-8');
	return await new Promise((resolve) => {
		let text = '';
		const done = () => resolve(text + decoder.decode());
		body.on('data', (chunk) => {
			text += typeof chunk === 'string' ? chunk : decoder.decode(chunk as Uint8Array, { stream: true });
			if (text.length > MAX_ERROR_BODY_CHARS) {
				body.destroy?.();
				done();
			}
		});
		body.on('end', done);
		body.on('error', done);
		body.on('close', done);
	});
}

/**
 * A failed streaming request carries its error body as a stream: read it in place, so that the
 * error's code (`token_expired`, `invalid_token`, ...) can be told apart like any other answer's.
 */
export async function readStreamedErrorBody(error: unknown): Promise<void> {
	for (const candidate of [error, (error as { cause?: unknown })?.cause]) {
		const response = (candidate as { response?: { data?: unknown } })?.response;
		if (response && isReadableBody(response.data)) response.data = await bodyText(response.data);
	}
}

/** Whether the request provably never reached the Hub (refused, host unknown or unreachable). */
export function neverReachedHub(error: unknown): boolean {
	const code = networkCode(error);
	return code !== undefined && NEVER_SENT.has(code);
}
