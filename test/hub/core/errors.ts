/**
 * Errors the sandbox answers with, in the three shapes of hub-api.md section 2 plus the OAuth
 * token-endpoint shape of section 1.4. The pipeline picks the shape per request (hub.ts
 * `errorShapeFor`); handlers just throw HubError.
 * - `nested` `{ error: { code, message, field?, required_scope? } }`: the published `Error`, resource routes;
 * - `problem` RFC 9457 problem details: the published `ProblemDetails`, `/api/integrations/*`;
 * - `flat` `{ code, message, field?, required_scope? }`: the *Errors* page's shape (setting `errorShape: 'flat'`,
 *   faults with `shape: 'flat'`, and the OAuth pages and control API);
 * - `oauth`: the token endpoints (section 1.4).
 */
export const ERROR_SHAPES = ['flat', 'nested', 'problem', 'oauth'] as const;
export type ErrorShape = (typeof ERROR_SHAPES)[number];

export interface HubErrorDetails {
	/** The input field a 400 validation_error is about. */
	field?: string;
	/** The scope a 403 insufficient_scope is missing. */
	requiredScope?: string;
	headers?: Record<string, string>;
	/** Forces a shape regardless of the route's (e.g. the OAuth shape on /api/auth/refresh). */
	shape?: ErrorShape;
}

export class HubError extends Error {
	constructor(
		readonly status: number,
		readonly code: string,
		message: string,
		readonly details: HubErrorDetails = {},
	) {
		super(message);
	}
}

export const validationError = (field: string, message: string) =>
	new HubError(400, 'validation_error', message, { field });

export const notFound = (what: string) => new HubError(404, 'not_found', `${what} not found`);

export const forbidden = (message: string) => new HubError(403, 'forbidden', message);

export const conflict = (message: string, code = 'conflict') => new HubError(409, code, message);

const PROBLEM_TITLES: Record<number, string> = {
	400: 'Bad Request',
	401: 'Unauthorized',
	403: 'Forbidden',
	404: 'Not Found',
	405: 'Method Not Allowed',
	409: 'Conflict',
	413: 'Payload Too Large',
	415: 'Unsupported Media Type',
	429: 'Too Many Requests',
	500: 'Internal Server Error',
	502: 'Bad Gateway',
	503: 'Service Unavailable',
	504: 'Gateway Timeout',
};

export interface RenderedError {
	status: number;
	contentType: string;
	body: Record<string, unknown>;
	headers: Record<string, string>;
}

export function renderError(error: HubError, routeShape: ErrorShape): RenderedError {
	const shape = error.details.shape ?? routeShape;
	const headers = { ...(error.details.headers ?? {}) };
	const { status, code, message } = error;
	const { field, requiredScope } = error.details;
	switch (shape) {
		case 'oauth':
			return {
				status,
				contentType: 'application/json',
				headers: { 'Cache-Control': 'no-store', ...headers },
				body: { error: code, error_description: message, code, message },
			};
		case 'nested':
			return {
				status,
				contentType: 'application/json',
				headers,
				body: {
					error: {
						code,
						message,
						...(field ? { field } : {}),
						...(requiredScope ? { required_scope: requiredScope } : {}),
					},
				},
			};
		case 'problem':
			return {
				status,
				contentType: 'application/problem+json',
				headers,
				body: {
					type: `https://api.agenticdeveloperhub.com/problems/${code}`,
					title: PROBLEM_TITLES[status] ?? 'Error',
					status,
					detail: message,
					code,
					...(field ? { field } : {}),
					...(requiredScope ? { required_scope: requiredScope } : {}),
				},
			};
		default:
			return {
				status,
				contentType: 'application/json',
				headers,
				body: {
					code,
					message,
					...(field ? { field } : {}),
					...(requiredScope ? { required_scope: requiredScope } : {}),
				},
			};
	}
}
