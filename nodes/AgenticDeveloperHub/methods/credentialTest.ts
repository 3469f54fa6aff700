import type { ICredentialsDecrypted, ICredentialTestFunctions, INodeCredentialTestResult } from 'n8n-workflow';
import { baseUrlRefusal, redirectRefusal, trimmedBaseUrl } from '../transport/baseUrl';
import { networkReason } from '../transport/failedCall';

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

/**
 * n8n's credential-test context offers only the legacy `request` helper, on both lines (no
 * `httpRequest`, which the lint asks for): this is its one use.
 */
async function legacyRequest(helpers: ICredentialTestFunctions['helpers'], options: object): Promise<unknown> {
	return await helpers.request(options);
}

const failed = (message: string): INodeCredentialTestResult => ({ status: 'Error', message });

/** What an answer of `status` to `GET /api/auth/me` means for the credential. */
function verdict(status: number): INodeCredentialTestResult {
	if (status >= 200 && status < 300) return { status: 'OK', message: 'Connection successful!' };
	if (REDIRECT_STATUSES.has(status)) {
		const { message, description } = redirectRefusal(status);
		return failed(`${message}. ${description}`);
	}
	if (status === 401) {
		return failed(
			'The Hub did not accept this token. Check that you copied the whole personal API token (it starts with adh_pat_), that it has not expired or been revoked, and that the Base URL points to your Hub.',
		);
	}
	if (status === 404) {
		return failed(
			'The Hub API was not found at this Base URL. Check the Base URL: it is the address of the Hub API without /api, for example https://api.agenticdeveloperhub.com.',
		);
	}
	return failed(`The Hub answered HTTP ${status} to GET /api/auth/me. Check the Base URL, or try again later.`);
}

/**
 * The personal API token credential's test (the nodes' `testedBy`), the same on both n8n lines:
 * one `GET /api/auth/me` to the Base URL (refused like the transport refuses it), no redirect
 * followed, so the token reaches no other host, and every failure explained. n8n 1.x ignores a
 * declarative test's rules, so a redirect read only "Request failed with status code 302" there.
 */
export async function agenticDeveloperHubApiTest(
	this: ICredentialTestFunctions,
	credential: ICredentialsDecrypted,
): Promise<INodeCredentialTestResult> {
	const baseUrl = trimmedBaseUrl(credential.data?.baseUrl);
	const refusal = baseUrlRefusal(baseUrl);
	if (refusal) return failed(`${refusal.message}. ${refusal.description}`);
	try {
		const answer = (await legacyRequest(this.helpers, {
			method: 'GET',
			uri: `${baseUrl}/api/auth/me`,
			headers: { Authorization: `Bearer ${String(credential.data?.apiToken ?? '')}`, Accept: 'application/json' },
			followRedirect: false,
			followAllRedirects: false,
			simple: false,
			resolveWithFullResponse: true,
		})) as { statusCode: number };
		return verdict(answer.statusCode);
	} catch (error) {
		// Never n8n's own error: it can carry the request's headers, the token among them.
		return failed(`The Hub could not be reached at the Base URL (${networkReason(error) ?? 'the request failed'}). Check the Base URL.`);
	}
}
