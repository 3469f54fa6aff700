import { lineUnderTest, figure } from './support/environment';
import { startForwardProxy, startProxiedN8n, type ForwardProxy } from './support/forwardProxy';
import { hubNode, httpNode, runBeside } from './support/beside';
import { useSession, type E2eSession } from './support/session';
import { e2eWorkflow, type CredentialRef } from './support/workflows';
import type { N8nInstance } from '../../scripts/lib/n8n';

/*
 * Conformance row: an HTTP proxy from the environment. A second n8n of the run's line starts with
 * HTTP_PROXY / HTTPS_PROXY pointing at a forward proxy this test runs, and NO_PROXY empty. Neither
 * line exempts anything by default: both choose the proxy per request with `proxy-from-env`'s
 * getProxyForUrl (n8n 1.123: n8n-core's http-proxy agents; n8n 2.41: @n8n/backend-network's
 * EnvProxy agents), which skips only what NO_PROXY lists; 2.41 adds hosts to NO_PROXY only for its
 * own instance AI evaluation. So the sandbox Hub at a loopback address is proxied like any host, and
 * every request the Hub answers must have come through the proxy: the Hub's counts equal the
 * proxy's, for the HTTP Request node, this node and the realtime trigger's stream.
 */

const ME = 'GET /api/auth/me';
const STREAM = 'GET /api/notifications/stream';

describe('conformance: an HTTP proxy from the environment', () => {
	const session = useSession();
	let proxy: ForwardProxy;
	let proxied: { n8n: N8nInstance; client: E2eSession['n8n'] };
	let behind: E2eSession;

	const answered = async (route: string) => Object.values(((await session.counters()).requests[route] ?? {}) as Record<string, number>).reduce((a, b) => a + b, 0);
	const throughProxy = (path: string) => proxy.seen.filter((line) => line === `GET ${session.hub.url}${path}`).length;

	beforeAll(async () => {
		proxy = await startForwardProxy();
		proxied = await startProxiedN8n(session.environment, proxy);
		behind = { ...session, n8n: proxied.client };
	});
	afterAll(async () => {
		await proxied?.n8n.stop();
		await proxy?.close();
	});

	it('the HTTP Request node and this node send every Hub request through the proxy; nothing goes around it', async () => {
		const ada = session.user('ada@example.com');
		const token: CredentialRef = { type: 'agenticDeveloperHubApi', name: 'Proxied token', id: (await behind.n8n.createCredential('Proxied token', 'agenticDeveloperHubApi', { baseUrl: session.hub.url, apiToken: ada.apiToken })).id };
		const { id: headerId } = await behind.n8n.createCredential('Proxied header', 'httpHeaderAuth', { name: 'Authorization', value: `Bearer ${ada.apiToken}` });
		const before = { hub: await answered(ME), proxy: throughProxy('/api/auth/me') };
		const run = await runBeside(
			behind,
			'Conformance: behind a proxy',
			[hubNode(token, { resource: 'user', operation: 'getMe' }), httpNode({ type: 'httpHeaderAuth' as CredentialRef['type'], id: headerId, name: 'Proxied header' }, `${session.hub.url}/api/auth/me`)],
			[{}, {}],
		);
		expect(run.status).toBe('success');
		for (const node of ['Hub', 'HTTP']) expect({ node, emails: run.outputs[node][0].map((item) => item.json.email) }).toEqual({ node, emails: [ada.email, ada.email] });
		const hubSaw = (await answered(ME)) - before.hub;
		const proxySaw = throughProxy('/api/auth/me') - before.proxy;
		figure(`proxy: ${ME}, answered by the Hub / seen by the proxy (${lineUnderTest().name})`, [hubSaw, proxySaw]);
		expect(hubSaw).toBe(4);
		expect(proxySaw).toBe(hubSaw);
	});

	it('the realtime trigger\'s stream goes through the proxy', async () => {
		const ada = session.user('ada@example.com');
		const token: CredentialRef = { type: 'agenticDeveloperHubApi', name: 'Proxied stream token', id: (await behind.n8n.createCredential('Proxied stream token', 'agenticDeveloperHubApi', { baseUrl: session.hub.url, apiToken: ada.apiToken })).id };
		const { id } = await behind.n8n.createWorkflow(e2eWorkflow('realtime-notification', token));
		const before = { hub: Number((await session.counters()).streams.opened.notifications), proxy: proxy.seen.filter((line) => line.includes('/api/notifications/stream')).length };
		await behind.n8n.activateWorkflow(id);
		const deadline = Date.now() + 60_000;
		while (Number((await session.counters()).streams.opened.notifications) === before.hub && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 250));
		const opened = Number((await session.counters()).streams.opened.notifications) - before.hub;
		const viaProxy = proxy.seen.filter((line) => line.includes('/api/notifications/stream')).length - before.proxy;
		await behind.n8n.deactivateWorkflow(id);
		figure(`proxy: ${STREAM}, opened at the Hub / seen by the proxy (${lineUnderTest().name})`, [opened, viaProxy]);
		expect(opened).toBeGreaterThanOrEqual(1);
		// Read after the Hub's count: a stream the Hub opened has passed the proxy by then.
		expect(viaProxy).toBeGreaterThanOrEqual(opened);
	});
});
