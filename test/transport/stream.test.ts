import { createServer, type Server } from 'http';
import type { AddressInfo } from 'net';
import { API_TOKEN_CREDENTIAL, createHarness, type Harness, type TriggerRun } from '../harness';
import { HubStreamProbe } from '../harness/fixtures/streamProbe';
import { controlRequest } from '../hub/testing';
import { expectNoSecrets } from './support';

const probe = new HubStreamProbe();

/** openHubStream (transport/stream.ts) in n8n-core's TriggerContext with n8n's real helpers. */
describe('Transport: event streams', () => {
	let harness: Harness;
	const runs: TriggerRun[] = [];
	const open = async (parameters: Record<string, unknown>) => {
		const run = await harness.trigger(probe, { parameters: { authentication: 'apiToken', ...parameters } as never });
		runs.push(run);
		return run;
	};
	const ended = (run: TriggerRun) => run.items().length > 0 || run.errors.length > 0;

	beforeAll(async () => {
		harness = await createHarness();
		harness.useApiToken();
		await harness.connectOAuth2();
	});
	afterEach(async () => {
		for (const run of runs.splice(0)) await run.close();
		await controlRequest(harness.hub, 'POST', '/__sandbox/streams/settings', { readyOnly: false, maxLifeSeconds: 300 });
	});
	afterAll(async () => await harness.close());

	/** A server on loopback standing in for the Hub; the personal-token credential points at it. */
	async function withServer(handler: Parameters<typeof createServer>[1], run: () => Promise<void>): Promise<void> {
		const server: Server = createServer(handler);
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		const stored = harness.storedCredential(API_TOKEN_CREDENTIAL);
		harness.setCredentialData(API_TOKEN_CREDENTIAL, { ...stored, baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}` });
		try {
			await run();
		} finally {
			harness.setCredentialData(API_TOKEN_CREDENTIAL, stored);
			server.closeAllConnections();
			await new Promise<void>((resolve) => server.close(() => resolve()));
		}
	}

	it('delivers the events of a chat stream as they come, and the end of the stream', async () => {
		const chat = ((await (await fetch(`${harness.hub.url}/api/chat/dms`, { headers: { Authorization: `Bearer ${harness.hub.info().users[0].apiToken}` } })).json()) as any).chats[0];
		await controlRequest(harness.hub, 'POST', '/__sandbox/streams/settings', { maxLifeSeconds: 1 });
		const run = await open({ endpoint: `/api/chat/dms/${chat.chatId}/stream?after=${chat.lastMessage.seq - 2}`, resource: 'chat' });
		await run.waitUntil(() => run.items().some((item) => item.event === 'end of stream') || run.errors.length > 0, 'the stream ended');
		expect(run.errors).toEqual([]);
		expect(run.items().map((item) => [item.event, (item.data as { seq?: number } | null)?.seq])).toEqual([
			['message', chat.lastMessage.seq - 1],
			['message', chat.lastMessage.seq],
			['end of stream', undefined],
		]);
	});

	it('a 404 before the stream opens reads like any other answer, from the streamed error body', async () => {
		const run = await open({ endpoint: '/api/chat/dms/no-such-chat/stream', resource: 'chat' });
		await run.waitUntil(() => ended(run), 'the connect failed');
		expect(run.errors[0].message).toMatch(/^The chat was not found: Chat not found \[Request ID: req_/);
		expectNoSecrets(harness, { error: run.errors[0] });
	});

	it('refuses an answer that is not an event stream, naming what came instead', async () => {
		await withServer(
			(_request, response) => {
				response.writeHead(200, { 'Content-Type': 'application/json', 'X-Request-Id': 'req_fake' });
				response.end('{"items":[]}');
			},
			async () => {
				const run = await open({});
				await run.waitUntil(() => ended(run), 'the connect failed');
				expect(run.errors[0].message).toBe('The Hub answered GET /api/notifications/stream with "application/json" instead of an event stream [Request ID: req_fake]');
			},
		);
	});

	it('sends the token as a header only, asks for an uncompressed event stream, and closes while still connecting', async () => {
		const seen: Array<{ url?: string; headers: Record<string, unknown> }> = [];
		let closedByClient = false;
		await withServer(
			(request, response) => {
				seen.push({ url: request.url, headers: request.headers });
				// Never answers: the close function must still end the connect.
				response.on('close', () => (closedByClient = true));
			},
			async () => {
				const run = await open({});
				for (let tries = 0; tries < 100 && seen.length === 0; tries++) await new Promise((resolve) => setTimeout(resolve, 20));
				await run.close();
				for (let tries = 0; tries < 100 && !closedByClient; tries++) await new Promise((resolve) => setTimeout(resolve, 20));
				expect(closedByClient).toBe(true);
				expect(run.errors).toEqual([]);
			},
		);
		expect(seen).toHaveLength(1);
		expect(seen[0].url).toBe('/api/notifications/stream');
		expect(seen[0].headers.authorization).toBe(`Bearer ${harness.hub.info().users[0].apiToken}`);
		expect(seen[0].headers.accept).toBe('text/event-stream');
		expect(seen[0].headers['accept-encoding']).toBe('identity');
	});

	it('a silent connection is dropped after the idle timeout', async () => {
		await withServer(
			(_request, response) => {
				response.writeHead(200, { 'Content-Type': 'text/event-stream' });
				response.flushHeaders();
			},
			async () => {
				const run = await open({ idleTimeoutMs: 300 });
				await run.waitUntil(() => ended(run), 'the silent stream was dropped', 10_000);
				expect(run.items()).toEqual([]);
				expect(run.errors[0]).toBeDefined();
			},
		);
	});

	it('bytes that form no event do not keep a stream open past its maximum life', async () => {
		const timers: NodeJS.Timeout[] = [];
		await withServer(
			(_request, response) => {
				response.writeHead(200, { 'Content-Type': 'text/event-stream' });
				response.flushHeaders();
				// A comment byte every 50 ms: never silent for the idle timeout, never an event.
				timers.push(setInterval(() => response.write(':'), 50));
			},
			async () => {
				const run = await open({ idleTimeoutMs: 5_000, maxLifeMs: 400 });
				await run.waitUntil(() => ended(run), 'the trickling stream was closed', 10_000);
				timers.forEach((timer) => clearInterval(timer));
				expect(run.items()).toEqual([]);
				expect(run.errors[0]).toBeDefined();
			},
		);
	});
});
