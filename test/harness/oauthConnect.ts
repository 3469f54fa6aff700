import { ClientOAuth2, type ClientOAuth2Options } from '@n8n/client-oauth2';
import { createHash, randomBytes } from 'crypto';
import type { ICredentialDataDecryptedObject, IWorkflowExecuteAdditionalData } from 'n8n-workflow';
import { signInAndConsent } from '../hub/testing';
import type { HarnessCredentialsHelper, StoredCredential } from './credentialsHelper';

/** n8n's callback URL for an instance at http://localhost:5678 (the sandbox registers it). */
export const N8N_OAUTH_CALLBACK = 'http://localhost:5678/rest/oauth2-credential/callback';

/** OAuth2CredentialController.convertCredentialToOptions, for the resolved credential. */
function clientOptions(credential: ICredentialDataDecryptedObject): ClientOAuth2Options {
	const scope = typeof credential.scope === 'string' ? credential.scope : 'openid';
	return {
		clientId: String(credential.clientId),
		clientSecret: String(credential.clientSecret ?? ''),
		accessTokenUri: String(credential.accessTokenUrl ?? ''),
		authorizationUri: String(credential.authUrl ?? ''),
		authentication: (credential.authentication as 'header' | 'body') ?? 'header',
		redirectUri: N8N_OAUTH_CALLBACK,
		scopes: scope.split(','),
		scopesSeparator: scope.includes(',') ? ',' : ' ',
		ignoreSSLIssues: Boolean(credential.ignoreSSLIssues ?? false),
	};
}

function assertHttpUrl(url: unknown, field: string): void {
	// n8n's validateOAuthUrl refuses anything that is not an http(s) URL before the flow starts.
	try {
		if (!/^https?:$/.test(new URL(String(url)).protocol)) throw new Error();
	} catch {
		throw new Error(`Invalid OAuth URL in ${field}: ${String(url)}`);
	}
}

/**
 * The connect flow of n8n's OAuth2 credential controller, step by step: resolve the credential
 * (hidden fields and scope from its expressions), save a CSRF secret and a PKCE verifier, build the
 * authorize URL with @n8n/client-oauth2, let the user sign in and consent, check the state, exchange
 * the code (PKCE verifier in the body) and store the raw token response as `oauthTokenData`.
 */
export async function connectOAuth2Credential(
	helper: HarnessCredentialsHelper,
	additionalData: IWorkflowExecuteAdditionalData,
	stored: StoredCredential,
	user: { email: string; password: string },
): Promise<void> {
	const withoutScope = { ...stored.data };
	delete withoutScope.scope;
	const resolved = await helper.applyDefaults(additionalData, withoutScope, stored.type, 'internal');
	assertHttpUrl(resolved.authUrl, 'authUrl');
	assertHttpUrl(resolved.accessTokenUrl, 'accessTokenUrl');

	const csrfSecret = randomBytes(16).toString('hex');
	const state = Buffer.from(JSON.stringify({ token: csrfSecret, createdAt: Date.now(), data: stored.id })).toString('base64');
	const options: ClientOAuth2Options = { ...clientOptions(resolved), state };
	if (typeof resolved.authQueryParameters === 'string' && resolved.authQueryParameters) {
		options.query = Object.fromEntries(new URLSearchParams(resolved.authQueryParameters));
	}
	if (resolved.grantType === 'pkce') {
		const codeVerifier = randomBytes(32).toString('base64url');
		options.query = {
			...options.query,
			code_challenge: createHash('sha256').update(codeVerifier).digest('base64url'),
			code_challenge_method: 'S256',
		};
		stored.data = { ...stored.data, codeVerifier };
	}
	stored.data = { ...stored.data, csrfSecret };
	const authorizeUrl = new ClientOAuth2(options).code.getUri();

	const back = await signInAndConsent(authorizeUrl, user);
	if (back.origin + back.pathname !== N8N_OAUTH_CALLBACK) throw new Error(`The Hub redirected to ${back.origin}${back.pathname}`);
	const error = back.searchParams.get('error');
	if (error) throw new Error(`The Hub sent back ${error}: ${back.searchParams.get('error_description') ?? ''}`);
	if (back.searchParams.get('state') !== state) throw new Error('The OAuth callback state is invalid!');

	// The callback: raw stored data for the verifier, resolved data for the client options.
	const original = stored.data;
	const callbackOptions = clientOptions(await helper.applyDefaults(additionalData, original, stored.type, 'internal'));
	const exchangeOptions: Partial<ClientOAuth2Options> =
		resolved.grantType === 'pkce'
			? { body: { code_verifier: String(original.codeVerifier) } }
			: resolved.authentication === 'body'
				? { body: { client_id: callbackOptions.clientId, client_secret: String(callbackOptions.clientSecret) } }
				: {};
	if (resolved.grantType !== 'pkce' && resolved.authentication === 'body') delete callbackOptions.clientSecret;
	const token = await new ClientOAuth2(callbackOptions).code.getToken(`${N8N_OAUTH_CALLBACK}${back.search}`, exchangeOptions);

	const previous = typeof original.oauthTokenData === 'object' && original.oauthTokenData ? original.oauthTokenData : {};
	const next: ICredentialDataDecryptedObject = { ...original, oauthTokenData: { ...previous, ...token.data } };
	delete next.csrfSecret;
	stored.data = next;
	helper.store.oauthTokenWrites += 1;
}
