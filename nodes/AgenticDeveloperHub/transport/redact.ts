import type { ICredentialDataDecryptedObject } from 'n8n-workflow';
import { oauthTokenData } from './tokenFreshness';

/** Hub token formats: access `adh_<JWT>`, refresh `adh_rt_...`, personal `adh_pat_...`. */
const HUB_TOKEN_PATTERN = /adh_[A-Za-z0-9._~+/=-]{6,}/g;
const BEARER_PATTERN = /(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]{6,}/gi;

/** The secret values a credential holds, to be masked wherever Hub text is echoed. */
export function credentialSecrets(credentials: ICredentialDataDecryptedObject): string[] {
	const tokenData = oauthTokenData(credentials);
	return secretValues([credentials.clientSecret, credentials.apiToken, tokenData.access_token, tokenData.refresh_token]);
}

/** Masks known secrets and anything shaped like a Hub token or an Authorization value. */
export function redact(value: string, secrets: string[] = []): string {
	let result = value;
	for (const secret of secrets) result = result.split(secret).join('[redacted]');
	return result.replace(HUB_TOKEN_PATTERN, '[redacted]').replace(BEARER_PATTERN, '$1 [redacted]');
}

/**
 * `value` (a Hub answer) with every exact occurrence of `secrets` in its strings masked, at any
 * depth; keys are kept as own properties (also a Hub key "__proto__"). For secrets a request
 * carries for another service, in case the Hub echoes them.
 */
export function withoutSecrets<T>(value: T, secrets: string[]): T {
	if (secrets.length === 0) return value;
	const clean = (part: unknown): unknown => {
		if (typeof part === 'string') return secrets.reduce((text, secret) => text.split(secret).join('[redacted]'), part);
		if (Array.isArray(part)) return part.map(clean);
		if (part && typeof part === 'object') return Object.fromEntries(Object.entries(part).map(([key, inner]) => [key, clean(inner)]));
		return part;
	};
	return clean(value) as T;
}

/** The values worth masking among a request's secrets for another service (very short ones would mask ordinary text). */
export function secretValues(values: unknown[]): string[] {
	return [...new Set(values.filter((value): value is string => typeof value === 'string' && value.length >= 6))];
}
