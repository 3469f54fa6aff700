import http from 'http';
import type { AddressInfo } from 'net';
import { API_TOKEN_CREDENTIAL, createHarness, type Harness } from '../harness';

/** A local server that answers every request with `answer` and records what it received. */
async function recordingServer(answer: (request: http.IncomingMessage, response: http.ServerResponse) => void) {
	const received: Array<{ url?: string; authorization?: string }> = [];
	const server = http.createServer((request, response) => {
		received.push({ url: request.url, authorization: request.headers.authorization });
		answer(request, response);
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	return { url, received, close: async () => await new Promise<void>((resolve) => server.close(() => resolve())) };
}

/**
 * The personal-token credential's test, run the way n8n's credential tester runs it (on both
 * n8n lines): a Base URL that redirects elsewhere never carries the token there.
 */
describe('Agentic Developer Hub API credential test against a redirecting Base URL', () => {
	let harness: Harness;

	beforeAll(async () => {
		harness = await createHarness();
	});
	afterAll(async () => harness?.close());

	it.each([301, 302, 303, 307, 308])('refuses a %i to another host, which receives nothing', async (status) => {
		const elsewhere = await recordingServer((_request, response) => response.end('{"id":"u1","email":"x@example.com"}'));
		const redirecting = await recordingServer((_request, response) => {
			response.writeHead(status, { Location: `${elsewhere.url}/api/auth/me` });
			response.end();
		});
		const apiToken = 'adh_pat_redirect-test-token-value';
		try {
			const result = await harness.testCredential(API_TOKEN_CREDENTIAL, { baseUrl: redirecting.url.replace('127.0.0.1', 'localhost'), apiToken });
			expect(redirecting.received).toHaveLength(1);
			expect(elsewhere.received).toEqual([]);
			expect(result.status).toBe('Error');
			expect(result.message).not.toContain(apiToken);
			// The same on both lines: the nodes' test method (n8n 1.x ignores a declarative test's rules).
			expect(result.message).toMatch(new RegExp(`redirect \\(HTTP ${status}\\), which is refused`));
		} finally {
			await Promise.all([elsewhere.close(), redirecting.close()]);
		}
	});
});
