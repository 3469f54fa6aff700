import type { HttpResponseParts } from './hubError';

/** The parts of a failed HTTP call; absent when no response arrived (reset, refused, timeout). */
export function responseOf(error: unknown): HttpResponseParts | undefined {
	const candidates = [error, (error as { cause?: unknown })?.cause];
	for (const candidate of candidates) {
		const response = (candidate as { response?: { status?: unknown; headers?: unknown; data?: unknown } })?.response;
		if (response && typeof response.status === 'number') {
			return {
				status: response.status,
				headers: (response.headers ?? {}) as Record<string, unknown>,
				body: response.data,
			};
		}
	}
	return undefined;
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

/** The first known network error code in the error's cause chain. */
function networkCode(error: unknown): string | undefined {
	for (let current = error, depth = 0; current && depth < 4; depth++) {
		const code = (current as { code?: unknown }).code;
		if (typeof code === 'string' && NETWORK_REASONS[code]) return code;
		current = (current as { cause?: unknown }).cause;
	}
	return undefined;
}

export function networkReason(error: unknown): string | undefined {
	const code = networkCode(error);
	if (code) return NETWORK_REASONS[code];
	for (let current = error, depth = 0; current && depth < 4; depth++) {
		if (/socket hang up/i.test(String((current as Error).message))) return 'the connection was closed';
		current = (current as { cause?: unknown }).cause;
	}
	return undefined;
}

/** Whether the request provably never reached the Hub (refused, host unknown or unreachable). */
export function neverReachedHub(error: unknown): boolean {
	const code = networkCode(error);
	return code !== undefined && NEVER_SENT.has(code);
}
