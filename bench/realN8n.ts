import { randomUUID } from 'crypto';
import { connectAccount } from '../test/e2e/support/connect';
import { compareMedians } from './lib/measure';
import { withRealN8n, type Credential, type RealN8n } from './lib/realN8n';
import { figure, ratio, type Figure } from './lib/report';

const NAME = 'real n8n 2.41.1, 1,000 Topic Get: node vs HTTP Request node + generic OAuth2 credential';
const TARGET = 'target <= 1.00x';
const ITEMS = 1_000;
const NODE_TYPE = 'n8n-nodes-agentic-developer-hub.agenticDeveloperHub';
const SCOPES = 'profile:read discussions:read';

/** Webhook (`{items: [{topicId}]}` in its body) -> one item per entry -> `worker`; answers with the first item. */
function workflow(name: string, webhookPath: string, worker: Record<string, unknown>): Record<string, unknown> {
	return {
		name,
		nodes: [
			{
				id: randomUUID(),
				name: 'Webhook',
				type: 'n8n-nodes-base.webhook',
				typeVersion: 2,
				position: [0, 0],
				webhookId: randomUUID(),
				parameters: { httpMethod: 'POST', path: webhookPath, responseMode: 'lastNode', responseData: 'firstEntryJson', options: {} },
			},
			{
				id: randomUUID(),
				name: 'Items',
				type: 'n8n-nodes-base.splitOut',
				typeVersion: 1,
				position: [200, 0],
				parameters: { fieldToSplitOut: 'body.items', options: {} },
			},
			{ id: randomUUID(), position: [400, 0], ...worker, name: 'Worker' },
		],
		connections: {
			Webhook: { main: [[{ node: 'Items', type: 'main', index: 0 }]] },
			Items: { main: [[{ node: 'Worker', type: 'main', index: 0 }]] },
		},
	};
}

function ourNode(credential: Credential): Record<string, unknown> {
	return {
		type: NODE_TYPE,
		typeVersion: 1,
		parameters: { authentication: 'oAuth2', resource: 'topic', operation: 'get', topicId: { __rl: true, mode: 'id', value: '={{ $json.topicId }}' }, simplify: false },
		credentials: { [credential.type]: { id: credential.id, name: credential.name } },
	};
}

function httpRequestNode(credential: Credential, hubUrl: string): Record<string, unknown> {
	return {
		type: 'n8n-nodes-base.httpRequest',
		typeVersion: 4.2,
		parameters: {
			method: 'GET',
			url: `=${hubUrl}/api/discussion/topics/{{ $json.topicId }}`,
			authentication: 'genericCredentialType',
			genericAuthType: 'oAuth2Api',
			options: {},
		},
		credentials: { [credential.type]: { id: credential.id, name: credential.name } },
	};
}

async function post(url: string, body: unknown): Promise<{ status: number; json: any }> {
	const deadline = Date.now() + 20_000;
	for (;;) {
		const response = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
		const text = await response.text();
		// A webhook answers 404 for about a second after activation.
		if (response.status !== 404 || Date.now() > deadline) return { status: response.status, json: text.startsWith('{') ? JSON.parse(text) : text };
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
}

/** The same 1,000 Topic Gets in a real n8n: this node against the HTTP Request node with n8n's generic OAuth2 credential. */
async function measure({ hub, n8n: client, app, connectedCredential }: RealN8n): Promise<Figure[]> {
	const ada = hub.info.users[0];
	const community = (await (await fetch(`${hub.url}/api/communities/agentic-builders`, { headers: { Authorization: `Bearer ${ada.apiToken}` } })).json()) as { id: string };
	const { items: topics } = await hub.control('POST', '/__sandbox/activity/topics', { user: ada.email, communityId: community.id, title: 'Bench', body: 'Measured', count: 20 });
	const topicIds = Array.from({ length: ITEMS }, (_unused, index) => topics[index % topics.length].id as string);

	const ours = await connectedCredential('Hub (node)', SCOPES.split(' '));
	const generic: Credential = {
		type: 'oAuth2Api',
		id: (
			await client.createCredential('Hub (generic OAuth2)', 'oAuth2Api', {
				grantType: 'pkce',
				authUrl: `${hub.url}/api/oauth/signin/start`,
				accessTokenUrl: `${hub.url}/api/oauth/signin/exchange`,
				clientId: app.clientId,
				clientSecret: app.clientSecret,
				scope: SCOPES,
				authQueryParameters: '',
				authentication: 'body',
			})
		).id,
		name: 'Hub (generic OAuth2)',
	};
	await connectAccount(client, generic.id, ada);

	const urls: Record<'node' | 'http', string> = { node: '', http: '' };
	for (const [key, worker] of [
		['node', ourNode(ours)],
		['http', httpRequestNode(generic, hub.url)],
	] as const) {
		const webhookPath = `bench-${key}-${randomUUID().slice(0, 8)}`;
		const { id } = await client.createWorkflow(workflow(`Bench: ${key}`, webhookPath, worker));
		await client.activateWorkflow(id);
		urls[key] = `${client.url}/webhook/${webhookPath}`;
	}
	const runOnce = (key: 'node' | 'http') => async () => {
		const answer = await post(urls[key], { items: topicIds.map((topicId) => ({ topicId })) });
		if (answer.status !== 200 || answer.json?.id !== topicIds[0]) throw new Error(`${key} workflow answered ${answer.status}: ${JSON.stringify(answer.json).slice(0, 300)}`);
	};
	const before = await hub.control('GET', '/__sandbox/counters');
	await runOnce('node')();
	await runOnce('http')();
	const after = await hub.control('GET', '/__sandbox/counters');
	const topicGets = (counters: any) => Object.values(counters.requests['GET /api/discussion/topics/:id'] ?? {}).reduce((a: number, b) => a + Number(b), 0);
	const requestsPerRun = (topicGets(after) - topicGets(before)) / 2;
	const medians = await compareMedians({ node: runOnce('node'), http: runOnce('http') }, { warmUp: 0 });
	return [
		figure(
			NAME,
			`${ratio(medians.node, medians.http)} (node ${medians.node.toFixed(0)} ms, HTTP Request ${medians.http.toFixed(0)} ms, ${requestsPerRun} Hub requests per run)`,
			TARGET,
			medians.node <= medians.http,
		),
	];
}

export async function measureRealN8n(): Promise<Figure[]> {
	return await withRealN8n([NAME], TARGET, measure);
}
