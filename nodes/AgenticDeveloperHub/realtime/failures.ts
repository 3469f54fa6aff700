import { NodeApiError } from 'n8n-workflow';

/**
 * Whether trying again later may help: the Hub could not be reached, was busy (429) or failed
 * (5xx). Anything else (a refused or revoked credential, a missing permission, a bad parameter,
 * a Base URL that is not the Hub's API) needs the user.
 */
export function isTransient(error: unknown): boolean {
	if (!(error instanceof NodeApiError)) return false;
	if (!error.httpCode) return true;
	const status = Number(error.httpCode);
	return status === 429 || status >= 500;
}

/** Whether the Hub refused the credential itself (so asking again with it is pointless). */
export function isCredentialRefusal(error: unknown): boolean {
	const status = Number((error as { httpCode?: unknown })?.httpCode);
	return status === 401 || status === 403;
}
