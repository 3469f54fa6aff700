import fc from 'fast-check';
import type { IDataObject, INodeParameters } from 'n8n-workflow';
import { createHarness, OAUTH2_CREDENTIAL, API_TOKEN_CREDENTIAL, type Harness } from '../harness';
import { controlRequest } from '../hub/testing';
import { Collector } from './collector';
import { knownIds, operationsOf, parametersFor } from './parameterArbitraries';
import { adasCommunityId, allSecrets, exposedText, leakedSecrets, node, recordRetryWaits, requestCount, rl, runNode, withDefaults } from './support';

type Auth = 'oAuth2' | 'apiToken';
const AUTHS: Auth[] = ['oAuth2', 'apiToken'];
const getMe = { resource: 'user', operation: 'getMe' };

describe('security', () => {
	let harness: Harness;
	let collector: Collector;
	/** Every secret seen so far, including tokens that were refreshed away. */
	const seenSecrets = new Set<string>();

	const rememberSecrets = () => allSecrets(harness).forEach((secret) => seenSecrets.add(secret));
	const control = async (method: string, path: string, body?: unknown) => await controlRequest(harness.hub, method, path, body);

	beforeAll(async () => {
		harness = await createHarness();
		collector = await Collector.start();
	});
	afterAll(async () => {
		await harness?.close();
		await collector?.close();
	});
	beforeEach(async () => {
		await control('POST', '/__sandbox/reset');
		harness.setCredentialData(API_TOKEN_CREDENTIAL, { baseUrl: harness.hub.url, apiToken: harness.hub.info().users[0].apiToken });
		await harness.connectOAuth2();
		harness.logs.length = 0;
		collector.forget();
		rememberSecrets();
	});

	describe('no token or secret in output, errors or logs in any fault scenario', () => {
		const tokenOf = () => String((harness.storedCredential(OAUTH2_CREDENTIAL).oauthTokenData as IDataObject).access_token);
		const clientSecret = () => harness.hub.info().clients[0].clientSecret;
		const scenarios: Array<{ title: string; arm: () => Promise<void> }> = [
			{ title: 'an access token expired on the Hub (refresh, resend)', arm: async () => void (await control('POST', '/__sandbox/expire-access-tokens')) },
			{ title: 'a revoked grant (refresh refused, reconnect)', arm: async () => void (await control('POST', '/__sandbox/revoke-grants', {})) },
			{
				title: 'the token endpoint failing during a refresh',
				arm: async () => {
					await control('POST', '/__sandbox/expire-access-tokens');
					await control('POST', '/__sandbox/faults', { path: '/api/oauth/signin/exchange', count: 10, status: 500 });
				},
			},
			{ title: '500 on every attempt', arm: async () => void (await control('POST', '/__sandbox/faults', { path: '/api/**', count: 10, status: 500 })) },
			{ title: '429 asking for two minutes', arm: async () => void (await control('POST', '/__sandbox/faults', { path: '/api/**', count: 10, status: 429, headers: { 'Retry-After': '120' } })) },
			{ title: 'connection resets', arm: async () => void (await control('POST', '/__sandbox/faults', { path: '/api/**', count: 10, reset: true })) },
			{ title: '403 with a body', arm: async () => void (await control('POST', '/__sandbox/faults', { path: '/api/**', count: 10, status: 403, body: { code: 'forbidden', message: 'No' } })) },
			{
				title: 'a Hub that echoes the credentials in its error body and headers',
				arm: async () => {
					const echoed = `token ${tokenOf()} secret ${clientSecret()} personal ${harness.hub.info().users[0].apiToken} Bearer ${tokenOf()}`;
					await control('POST', '/__sandbox/faults', {
						path: '/api/**',
						count: 10,
						status: 400,
						body: { code: 'validation_error', message: echoed, field: echoed, error: { message: echoed } },
						headers: { 'X-Debug-Authorization': `Bearer ${tokenOf()}` },
					});
				},
			},
		];

		describe.each(AUTHS)('with %s', (authentication) => {
			it.each(scenarios)('$title', async ({ arm }) => {
				const retryWaits = recordRetryWaits();
				try {
					await arm();
					for (const continueOnFail of [false, true]) {
						const outcome = await runNode(harness, { authentication, ...getMe }, { items: [{ json: {} }, { json: {} }], continueOnFail });
						rememberSecrets();
						expect(leakedSecrets(exposedText(harness, outcome), [...seenSecrets])).toEqual([]);
						expect(exposedText(harness, outcome)).not.toMatch(/Bearer\s+adh_/);
					}
				} finally {
					retryWaits.restore();
					await control('DELETE', '/__sandbox/faults');
				}
			});
		});

		it('an unreachable Hub (connection refused)', async () => {
			const retryWaits = recordRetryWaits();
			try {
				harness.setCredentialData(API_TOKEN_CREDENTIAL, { baseUrl: 'http://127.0.0.1:9', apiToken: harness.hub.info().users[0].apiToken });
				const outcome = await runNode(harness, { authentication: 'apiToken', ...getMe });
				expect(outcome.error.message).toMatch(/connection was refused/);
				expect(leakedSecrets(exposedText(harness, outcome), [...seenSecrets])).toEqual([]);
			} finally {
				retryWaits.restore();
			}
		});
	});

	describe('a Base URL with http:// to a host other than loopback is refused before any request', () => {
		const insecure = [
			'http://api.agenticdeveloperhub.com',
			'HTTP://example.com',
			' http://example.com ',
			'http://localhost.evil.example',
			'http://127.0.0.1.evil.example',
			'http://10.0.0.5:8080',
			'http://localhost@evil.example',
			'http://127.0.0.1:80@evil.example',
			'ftp://example.com',
			'example.com',
		];

		it.each(insecure)('%s (personal token and OAuth2)', async (baseUrl) => {
			const requestsBefore = JSON.stringify(harness.hub.counters.requests);
			harness.setCredentialData(API_TOKEN_CREDENTIAL, { baseUrl, apiToken: harness.hub.info().users[0].apiToken });
			const stored = harness.storedCredential(OAUTH2_CREDENTIAL);
			harness.setCredentialData(OAUTH2_CREDENTIAL, { ...stored, baseUrl });
			for (const authentication of AUTHS) {
				const outcome = await runNode(harness, { authentication, ...getMe });
				// A user name or password in the URL is refused first, as such (never repeated); otherwise http:// is.
				expect(outcome.error?.message).toMatch(baseUrl.includes('@') ? /must not contain a user name or password/ : /must start with https:\/\//);
				expect(outcome.error.context.itemIndex).toBe(0);
			}
			// The OAuth2 credential's authorize and token URLs are no longer http(s) URLs: n8n cannot send a code or secret there.
			const resolved = await harness.resolvedCredential(OAUTH2_CREDENTIAL);
			for (const url of [resolved.authUrl, resolved.accessTokenUrl]) expect(String(url)).not.toMatch(/^\s*https?:/i);
			expect(JSON.stringify(harness.hub.counters.requests)).toBe(requestsBefore);
			expect(collector.seen).toEqual([]);
		});

		it("n8n's credential test of the personal token sends nothing to such a Base URL", async () => {
			// 127.0.0.2 is loopback on this machine, but not a host the rule accepts: the collector would see the token.
			const insecureUrl = collector.url('127.0.0.2');
			await fetch(`${insecureUrl}/reachable`);
			expect(collector.seen.map((request) => request.url)).toEqual(['/reachable']);
			collector.forget();
			const apiToken = harness.hub.info().users[0].apiToken;
			const result = await harness.testCredential(API_TOKEN_CREDENTIAL, { baseUrl: insecureUrl, apiToken });
			expect(result.status).toBe('Error');
			expect(result.message).not.toContain(apiToken);
			expect(collector.seen).toEqual([]);
		});

		// Nothing listens on port 1: an attempted request ends in the network error, not the refusal.
		it.each(['http://localhost:1', 'http://127.0.0.1:1', 'https://127.0.0.1:1'])('%s is accepted (the request is attempted)', async (baseUrl) => {
			const retryWaits = recordRetryWaits();
			try {
				harness.setCredentialData(API_TOKEN_CREDENTIAL, { baseUrl, apiToken: 'adh_pat_not-a-real-token' });
				const outcome = await runNode(harness, { authentication: 'apiToken', ...getMe });
				expect(outcome.error?.message).toMatch(/^Could not reach the Hub at /);
				expect(retryWaits.waits.length).toBeGreaterThan(0);
			} finally {
				retryWaits.restore();
			}
		});
	});

	describe("the Hub credentials are only ever sent to the Base URL's host", () => {
		const redirects = [
			{ title: 'GET 302 to another loopback port', method: 'GET', path: '/api/auth/me', status: 302, host: '127.0.0.1', parameters: getMe },
			{ title: 'GET 301 to localhost', method: 'GET', path: '/api/auth/me', status: 301, host: 'localhost', parameters: getMe },
			{ title: 'POST 307 (method and body kept)', method: 'POST', path: '/api/discussion/topics', status: 307, host: '127.0.0.1', parameters: null },
			{ title: 'POST 308 to localhost', method: 'POST', path: '/api/discussion/topics', status: 308, host: 'localhost', parameters: null },
		];

		describe.each(AUTHS)('with %s', (authentication) => {
			it.each(redirects)('a redirect from the Hub: $title', async ({ method, path, status, host, parameters }) => {
				const retryWaits = recordRetryWaits();
				try {
					await control('POST', '/__sandbox/faults', { method, path, count: 10, status, body: {}, headers: { Location: `${collector.url(host)}${path}` } });
					const topic = { resource: 'topic', operation: 'create', communityId: rl(adasCommunityId(harness.hub)), title: 'Redirected', body: 'Where to?' };
					const outcome = await runNode(harness, { authentication, ...(parameters ?? topic) });
					// The Hub did answer with the redirect, and nothing (with or without credentials) followed it.
					const route = `${method} ${path}`;
					expect(harness.hub.counters.requests[route]?.[String(status)]).toBeGreaterThan(0);
					expect(collector.seen).toEqual([]);
					// Nor does the node pass off another server's answer as the Hub's.
					expect(JSON.stringify(outcome.output ?? null)).not.toContain('collector@example.com');
				} finally {
					retryWaits.restore();
					await control('DELETE', '/__sandbox/faults');
				}
			});
		});

		// n8n 2.41 adds these fields to both credentials (they extend oAuth2Api or authenticate). They
		// govern the HTTP Request node; in the credential's own node the Base URL stays usable, as
		// n8n's declarative nodes treat their credential-owned base URL, and nothing else is reachable.
		it.each([
			['None', { allowedHttpRequestDomains: 'none' }],
			['Specific Domains without the Hub', { allowedHttpRequestDomains: 'domains', allowedDomains: 'localhost, *.example.org' }],
		])("n8n's Allowed HTTP Request Domains set to %s: the node still reaches the Base URL, and only it", async (_mode, restriction) => {
			const retryWaits = recordRetryWaits();
			try {
				for (const [type, authentication] of [
					[OAUTH2_CREDENTIAL, 'oAuth2'],
					[API_TOKEN_CREDENTIAL, 'apiToken'],
				] as const) {
					harness.setCredentialData(type, { ...harness.storedCredential(type), ...restriction });
					const outcome = await runNode(harness, { authentication, ...getMe });
					expect(outcome.error).toBeUndefined();
					expect(outcome.output?.[0].json.email).toBe('ada@example.com');
				}
				await control('POST', '/__sandbox/faults', { method: 'GET', path: '/api/auth/me', count: 10, status: 302, body: {}, headers: { Location: `${collector.url('localhost')}/api/auth/me` } });
				await runNode(harness, { authentication: 'oAuth2', ...getMe });
				expect(collector.credentialsSeen()).toEqual([]);
			} finally {
				retryWaits.restore();
				await control('DELETE', '/__sandbox/faults');
			}
		});

		it('absolute URLs, protocol-relative URLs and user-info tricks in every string parameter never reach another host', async () => {
			const targets = [`${collector.url()}/api/auth/me`, `//127.0.0.1:${collector.port}/x`, `http://localhost:${collector.port}/c/x/t/1`, `@127.0.0.1:${collector.port}`];
			const ids = [...knownIds(harness.hub), ...targets];
			const requestsBefore = requestCount(harness.hub.counters);
			const retryWaits = recordRetryWaits();
			try {
				for (const { resource, operation } of operationsOf(node.description)) {
					const samples = fc.sample(parametersFor(node.description, resource, operation, ids), { numRuns: 15, seed: 99 });
					for (const generated of samples) {
						let parameters: INodeParameters;
						try {
							parameters = withDefaults({ authentication: 'oAuth2', ...generated });
						} catch {
							continue;
						}
						try {
							await harness.execute(node, { parameters, items: [{ json: {} }] });
						} catch {
							// Failing is fine; reaching the collector is not.
						}
					}
				}
			} finally {
				retryWaits.restore();
			}
			// The generated runs did reach the Hub, and nothing reached the other host.
			expect(requestCount(harness.hub.counters)).toBeGreaterThan(requestsBefore);
			expect(collector.seen).toEqual([]);
		});
	});
});
