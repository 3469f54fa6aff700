import { randomUUID } from 'crypto';
import { connectAccount } from '../test/e2e/support/connect';
import { compareMedians } from './lib/measure';
import { withRealN8n, type Credential, type RealN8n } from './lib/realN8n';
import { figure, ratio, type Figure } from './lib/report';

const NAME = 'real n8n 2.41.1, 1,000 Topic Get: node vs HTTP Request node + generic OAuth2 credential';
const TARGET = 'target <= 1.00x';
const TOKEN_NAME = 'real n8n 2.41.1, 1,000 Topic Get, personal token: node vs HTTP Request node + Header Auth';
const PER_ITEM_NAME = 'real n8n 2.41.1, 1,000 Topic Get, token by expression per item: node vs HTTP Request node + Header Auth by expression';
const TOKEN_TARGET = 'target <= 0.50x';
const PER_ITEM_TARGET = 'reported (each item its own credential read, as n8n\'s own nodes)';
const ITEMS = 1_000;
const NODE_TYPE = 'n8n-nodes-agentic-developer-hub.agenticDeveloperHub';
/** More rounds than the in-process figures: the HTTP Request node's time varies most between rounds. */
const REAL_N8N_REPETITIONS = 9;
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
		parameters: { authentication: credential.type === 'agenticDeveloperHubApi' ? 'apiToken' : 'oAuth2', resource: 'topic', operation: 'get', topicId: { __rl: true, mode: 'id', value: '={{ $json.topicId }}' }, simplify: false },
		credentials: { [credential.type]: { id: credential.id, name: credential.name } },
	};
}

/** n8n's floor under both contenders: the Set node evaluating the same item expression (its `id`), no request. */
function expressionFloorNode(): Record<string, unknown> {
	return {
		type: 'n8n-nodes-base.set',
		typeVersion: 3.4,
		parameters: { mode: 'manual', assignments: { assignments: [{ id: randomUUID(), name: 'id', value: '={{ $json.topicId }}', type: 'string' }] }, includeOtherFields: false, options: {} },
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
			genericAuthType: credential.type,
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
		// A webhook answers 404 for about a second after activation; a loaded machine can make n8n's
		// SQLite health check fail for a moment ("Database is not ready!", 503): both are n8n's, retried.
		const transient = response.status === 404 || (response.status === 503 && text.includes('Database is not ready'));
		if (!transient || Date.now() > deadline) return { status: response.status, json: text.startsWith('{') ? JSON.parse(text) : text };
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

	const credential = async (name: string, type: string, data: Record<string, unknown>): Promise<Credential> => ({ type, name, id: (await client.createCredential(name, type, data)).id });
	const token = await credential('Hub (token)', 'agenticDeveloperHubApi', { baseUrl: hub.url, apiToken: ada.apiToken });
	const perItemToken = await credential('Hub (token per item)', 'agenticDeveloperHubApi', { baseUrl: hub.url, apiToken: '={{ $json.hubToken }}' });
	const header = await credential('Header (token)', 'httpHeaderAuth', { name: 'Authorization', value: `Bearer ${ada.apiToken}` });
	const perItemHeader = await credential('Header (token per item)', 'httpHeaderAuth', { name: 'Authorization', value: '={{ "Bearer " + $json.hubToken }}' });
	const workers = {
		node: ourNode(ours),
		http: httpRequestNode(generic, hub.url),
		nodeToken: ourNode(token),
		httpToken: httpRequestNode(header, hub.url),
		nodePerItem: ourNode(perItemToken),
		httpPerItem: httpRequestNode(perItemHeader, hub.url),
		floor: expressionFloorNode(),
	};
	type Contender = keyof typeof workers;
	const urls = {} as Record<Contender, string>;
	for (const [key, worker] of Object.entries(workers) as Array<[Contender, Record<string, unknown>]>) {
		const webhookPath = `bench-${key}-${randomUUID().slice(0, 8)}`;
		const { id } = await client.createWorkflow(workflow(`Bench: ${key}`, webhookPath, worker));
		await client.activateWorkflow(id);
		urls[key] = `${client.url}/webhook/${webhookPath}`;
	}
	const runOnce = (key: Contender) => async () => {
		const answer = await post(urls[key], { items: topicIds.map((topicId) => ({ topicId, hubToken: ada.apiToken })) });
		if (answer.status !== 200 || answer.json?.id !== topicIds[0]) throw new Error(`${key} workflow answered ${answer.status}: ${JSON.stringify(answer.json).slice(0, 300)}`);
	};
	const before = await hub.control('GET', '/__sandbox/counters');
	await runOnce('node')();
	await runOnce('http')();
	const after = await hub.control('GET', '/__sandbox/counters');
	const topicGets = (counters: any) => Object.values(counters.requests['GET /api/discussion/topics/:id'] ?? {}).reduce((a: number, b) => a + Number(b), 0);
	const requestsPerRun = (topicGets(after) - topicGets(before)) / 2;
	const contenders = Object.fromEntries((Object.keys(workers) as Contender[]).map((key) => [key, runOnce(key)]));
	const medians = (await compareMedians(contenders, { warmUp: 1, repetitions: REAL_N8N_REPETITIONS })) as Record<Contender, number>;
	const versus = (name: string, target: string, node: Contender, http: Contender, limit?: number) =>
		figure(
			name,
			`${ratio(medians[node], medians[http])} (node ${medians[node].toFixed(0)} ms, HTTP Request ${medians[http].toFixed(0)} ms; n8n's floor ${medians.floor.toFixed(0)} ms)`,
			target,
			limit === undefined ? undefined : medians[node] <= medians[http] * limit,
		);
	return [
		figure(
			NAME,
			`${ratio(medians.node, medians.http)} (node ${medians.node.toFixed(0)} ms, HTTP Request ${medians.http.toFixed(0)} ms, ${requestsPerRun} Hub requests per run)`,
			TARGET,
			medians.node <= medians.http,
		),
		versus(TOKEN_NAME, TOKEN_TARGET, 'nodeToken', 'httpToken', 0.5),
		versus(PER_ITEM_NAME, PER_ITEM_TARGET, 'nodePerItem', 'httpPerItem'),
	];
}

export async function measureRealN8n(): Promise<Figure[]> {
	return await withRealN8n([NAME, TOKEN_NAME, PER_ITEM_NAME], TARGET, measure);
}
