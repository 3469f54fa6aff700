import type { ICredentialDataDecryptedObject } from 'n8n-workflow';
import { oauthTokenData } from './tokenFreshness';

/** Hub token formats: access `adh_<JWT>`, refresh `adh_rt_...`, personal `adh_pat_...`. */
const HUB_TOKEN_PATTERN = /adh_[A-Za-z0-9._~+/=-]{6,}/g;
const BEARER_PATTERN = /(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]{6,}/gi;

/** The secret values a credential holds, to be masked wherever Hub text is echoed. */
export function credentialSecrets(credentials: ICredentialDataDecryptedObject): string[] {
	const tokenData = oauthTokenData(credentials);
	return [credentials.clientSecret, credentials.apiToken, tokenData.access_token, tokenData.refresh_token]
		.filter((value): value is string => typeof value === 'string' && value.length >= 6);
}

/** Masks known secrets and anything shaped like a Hub token or an Authorization value. */
export function redact(value: string, secrets: string[] = []): string {
	let result = value;
	for (const secret of secrets) result = result.split(secret).join('[redacted]');
	return result.replace(HUB_TOKEN_PATTERN, '[redacted]').replace(BEARER_PATTERN, '$1 [redacted]');
}
