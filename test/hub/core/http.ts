import type { IncomingHttpHeaders, IncomingMessage } from 'http';
import { HubError } from './errors';

export interface HubRequest {
	method: string;
	/** Path without the query string, e.g. `/api/discussion/topics/abc`. */
	path: string;
	query: URLSearchParams;
	headers: IncomingHttpHeaders;
	params: Record<string, string>;
	/** Parsed JSON or form body (`undefined` when the request had none). */
	body: unknown;
	/** The raw body text, e.g. for idempotency fingerprints. */
	rawBody: string;
	requestId: string;
}

export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

export async function readRawBody(message: IncomingMessage, maxBytes: number): Promise<string> {
	const chunks: Buffer[] = [];
	let size = 0;
	// Reads to the end even past the limit: leaving the loop early would destroy the socket, and
	// the client would see a reset instead of the 413.
	for await (const chunk of message) {
		size += (chunk as Buffer).length;
		if (size <= maxBytes) chunks.push(chunk as Buffer);
	}
	if (size > maxBytes) {
		throw new HubError(413, 'payload_too_large', `Request body exceeds ${maxBytes} bytes`);
	}
	return Buffer.concat(chunks).toString('utf8');
}

/**
 * JSON or form bodies, as the Hub accepts both (hub-api.md 1.4, 1.5, 1.6). `badInputCode` is
 * `invalid_request` on OAuth endpoints and `validation_error` on resource routes.
 */
export function parseBody(
	raw: string,
	contentTypeHeader: string | undefined,
	badInputCode: 'invalid_request' | 'validation_error',
): unknown {
	if (raw.length === 0) return undefined;
	const contentType = (contentTypeHeader ?? '').split(';')[0].trim().toLowerCase();
	const fail = (message: string) =>
		new HubError(400, badInputCode, message, badInputCode === 'validation_error' ? { field: 'body' } : {});
	if (contentType === 'application/json' || contentType.endsWith('+json')) {
		try {
			return JSON.parse(raw);
		} catch {
			throw fail('Request body is not valid JSON');
		}
	}
	if (contentType === 'application/x-www-form-urlencoded') {
		const form: Record<string, string> = {};
		for (const [key, value] of new URLSearchParams(raw)) form[key] = value;
		return form;
	}
	throw fail(
		`Unsupported content type "${contentType || 'none'}": send application/json or application/x-www-form-urlencoded`,
	);
}

export function headerValue(headers: IncomingHttpHeaders, name: string): string | undefined {
	const value = headers[name.toLowerCase()];
	return Array.isArray(value) ? value[0] : value;
}

/** `?page=&pageSize=` with the route's default and maximum (larger values are clamped). */
export function pageParams(
	query: URLSearchParams,
	defaultSize: number,
	maxSize: number,
): { page: number; pageSize: number } {
	const page = positiveInt(query.get('page'), 'page') ?? 1;
	const requested = positiveInt(query.get('pageSize'), 'pageSize') ?? defaultSize;
	return { page, pageSize: Math.min(requested, maxSize) };
}

function positiveInt(value: string | null, field: string): number | undefined {
	if (value === null || value === '') return undefined;
	if (!/^\d+$/.test(value) || Number(value) < 1) {
		throw new HubError(400, 'validation_error', `${field} must be a whole number of at least 1`, { field });
	}
	return Number(value);
}

export function paginate<T>(items: T[], page: number, pageSize: number): T[] {
	return items.slice((page - 1) * pageSize, page * pageSize);
}
