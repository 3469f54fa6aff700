import http from 'http';
import type { AddressInfo } from 'net';
import { figure } from './support/environment';
import { useSession } from './support/session';

/** A local server that records every request it receives and answers it with `answer`. */
async function recordingServer(answer: (response: http.ServerResponse) => void) {
	const received: Array<{ url?: string; authorization?: string }> = [];
	const server = http.createServer((request, response) => {
		received.push({ url: request.url, authorization: request.headers.authorization });
		answer(response);
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const port = (server.address() as AddressInfo).port;
	return { port, received, close: async () => await new Promise<void>((resolve) => server.close(() => resolve())) };
}

describe("the personal API token credential's test against a Base URL that redirects", () => {
	const session = useSession();

	it('refuses the redirect: the other host receives nothing, and the test fails saying why', async () => {
		const elsewhere = await recordingServer((response) => response.end('{"id":"someone","email":"someone@example.com"}'));
		const redirecting = await recordingServer((response) => {
			response.writeHead(302, { Location: `http://127.0.0.1:${elsewhere.port}/api/auth/me` });
			response.end();
		});
		const apiToken = session.user('grace@example.com').apiToken;
		const baseUrl = `http://localhost:${redirecting.port}`;
		try {
			const { id } = await session.n8n.createCredential('Redirecting Base URL', 'agenticDeveloperHubApi', { baseUrl, apiToken });
			const result = await session.n8n.data<{ status: string; message: string }>('POST', '/rest/credentials/test', {
				credentials: { id, name: 'Redirecting Base URL', type: 'agenticDeveloperHubApi', data: { baseUrl, apiToken } },
			});
			figure('credential test against a 302', { result, redirectingHostRequests: redirecting.received.length, otherHostRequests: elsewhere.received.length });
			expect(redirecting.received).toHaveLength(1);
			expect(elsewhere.received).toEqual([]);
			expect(result.status).toBe('Error');
			expect(result.message).not.toContain(apiToken);
			// The same message on both lines: the nodes' test method (n8n 1.x ignores a declarative
			// test's rules, and said only "Request failed with status code 302").
			expect(result.message).toMatch(/redirect \(HTTP 302\), which is refused so that the credentials never reach another address/);
		} finally {
			await Promise.all([elsewhere.close(), redirecting.close()]);
		}
	});
});
