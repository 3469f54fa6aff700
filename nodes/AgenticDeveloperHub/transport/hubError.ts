import type { IDataObject } from 'n8n-workflow';

/** What the transport knows about one failed Hub response, from any of its three error shapes. */
export interface HubErrorInfo {
	status: number;
	code?: string;
	message?: string;
	field?: string;
	requiredScope?: string;
	requestId?: string;
	retryAfterMs?: number;
}

export interface HttpResponseParts {
	status: number;
	headers: Record<string, unknown>;
	body: unknown;
}

function text(value: unknown): string | undefined {
	return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

export function headerValue(headers: Record<string, unknown>, name: string): string | undefined {
	const wanted = name.toLowerCase();
	for (const [key, value] of Object.entries(headers ?? {})) {
		if (key.toLowerCase() !== wanted) continue;
		return text(Array.isArray(value) ? value[0] : value);
	}
	return undefined;
}

function isNameCharacter(code: number): boolean {
	return code === 95 || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

/**
 * `Bearer error="invalid_token", error_description="token_expired", scope="x"` as a map (names
 * lower-cased). One pass over the header, each character looked at a bounded number of times: a
 * header of any size the Hub sends is read in linear time (a regular expression here was quadratic).
 */
export function parseWwwAuthenticate(header: string | undefined): Record<string, string> {
	const result: Record<string, string> = Object.create(null) as Record<string, string>;
	if (!header) return result;
	let from = 0;
	for (;;) {
		const equals = header.indexOf('="', from);
		if (equals < 0) return result;
		const close = header.indexOf('"', equals + 2);
		if (close < 0) return result;
		let nameStart = equals;
		while (nameStart > from && isNameCharacter(header.charCodeAt(nameStart - 1))) nameStart -= 1;
		if (nameStart === equals) {
			from = equals + 1;
			continue;
		}
		result[header.slice(nameStart, equals).toLowerCase()] = header.slice(equals + 2, close);
		from = close + 1;
	}
}

/** `https://hub/problems/not_found` or `not_found` -> `not_found`. */
function problemCode(type: string | undefined): string | undefined {
	if (!type || type === 'about:blank') return undefined;
	return type.split('/').filter(Boolean).pop();
}

function parseBody(body: unknown): unknown {
	if (typeof body !== 'string') return body;
	try {
		return JSON.parse(body);
	} catch {
		return undefined;
	}
}

/**
 * Reads the default shape `{code, message, field}`, the nested `{error: {code, message}}`, RFC 9457
 * problem details `{type, title, status, detail}`, the OAuth shape `{error, error_description}`,
 * and the WWW-Authenticate challenge of 401/403 answers.
 */
export function parseHubError(response: HttpResponseParts): HubErrorInfo {
	const body = (parseBody(response.body) ?? {}) as IDataObject;
	const nested = typeof body.error === 'object' && body.error !== null ? (body.error as IDataObject) : undefined;
	const challenge = parseWwwAuthenticate(headerValue(response.headers, 'www-authenticate'));

	const code =
		text(body.code) ??
		text(nested?.code) ??
		(typeof body.error === 'string' ? text(body.error) : undefined) ??
		problemCode(text(body.type)) ??
		text(challenge.error_description) ??
		text(challenge.error);
	const message =
		text(body.message) ??
		text(nested?.message) ??
		text(body.detail) ??
		text(body.error_description) ??
		text(body.title);

	return {
		status: response.status,
		code,
		message,
		field: text(body.field) ?? text(nested?.field),
		requiredScope: text(body.required_scope) ?? text(nested?.required_scope) ?? text(challenge.scope),
		requestId: headerValue(response.headers, 'x-request-id'),
		retryAfterMs: undefined,
	};
}

/** Whether a 401 says the access token merely expired (refresh and resend) rather than being bad. */
export function isTokenExpired(info: HubErrorInfo, headers: Record<string, unknown>): boolean {
	if (info.status !== 401) return false;
	if (info.code === 'token_expired') return true;
	return parseWwwAuthenticate(headerValue(headers, 'www-authenticate')).error_description === 'token_expired';
}
