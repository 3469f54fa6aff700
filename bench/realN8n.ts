import { randomUUID } from 'crypto';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'fs';
import os from 'os';
import path from 'path';
import { buildPackage, installCommunityPackage, packPackage } from '../scripts/lib/communityPackage';
import { oauthCallbackUrl, startN8n, type N8nInstance } from '../scripts/lib/n8n';
import { N8nClient } from '../scripts/lib/n8nClient';
import { freePort } from '../scripts/lib/processes';
import { defaultRuntimeDir, provisionN8n } from '../scripts/lib/provision';
import { startSandboxHub, type SandboxHub } from '../scripts/lib/sandboxHub';
import { connectAccount, createOAuthCredential, registerClient } from '../test/e2e/support/connect';
import { remoteViolationReport } from '../test/hub/testing';
import { compareMedians } from './lib/measure';
import { figure, notMeasured, ratio, type Figure } from './lib/report';

const NAME = 'real n8n 2.41.1, 1,000 Topic Get: node vs HTTP Request node + generic OAuth2 credential';
const TARGET = 'target <= 1.00x';
const ITEMS = 1_000;
const NODE_TYPE = 'n8n-nodes-agentic-developer-hub.agenticDeveloperHub';
const SCOPES = 'profile:read discussions:read';

type Credential = { type: string; id: string; name: string };

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

/** Newest modification time (ms) of the files under `folder`, 0 when it does not exist. */
function newestChange(folder: string): number {
	if (!existsSync(folder)) return 0;
	return readdirSync(folder, { recursive: true, withFileTypes: true })
		.filter((entry) => entry.isFile())
		.reduce((newest, entry) => Math.max(newest, statSync(path.join(entry.parentPath, entry.name)).mtimeMs), 0);
}

/** Builds only when dist/ is older than the sources, so a bench run does not rebuild under another job's feet. */
function buildIfStale(): void {
	const root = path.resolve(__dirname, '..');
	const sources = Math.max(newestChange(path.join(root, 'nodes')), newestChange(path.join(root, 'credentials')));
	if (newestChange(path.join(root, 'dist')) < sources) buildPackage();
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
async function measure(workDir: string): Promise<Figure[]> {
	const runtime = await provisionN8n();
	const userFolder = path.join(workDir, 'n8n-user');
	buildIfStale();
	installCommunityPackage(packPackage(path.join(workDir, 'pack')), userFolder);
	let hub: SandboxHub | undefined;
	let n8n: N8nInstance | undefined;
	try {
		hub = await startSandboxHub({ logFile: path.join(workDir, 'hub.log') });
		// Its own task-broker port too: another n8n (e.g. the e2e suite's) may hold the default 5679.
		const env = { N8N_RUNNERS_BROKER_PORT: String(await freePort()) };
		n8n = await startN8n(runtime, { port: await freePort(), userFolder, logFile: path.join(workDir, 'n8n.log'), env });
		const client = new N8nClient(n8n.url);
		await client.setupOwner();
		const ada = hub.info.users[0];
		const community = (await (await fetch(`${hub.url}/api/communities/agentic-builders`, { headers: { Authorization: `Bearer ${ada.apiToken}` } })).json()) as { id: string };
		const { items: topics } = await hub.control('POST', '/__sandbox/activity/topics', { user: ada.email, communityId: community.id, title: 'Bench', body: 'Measured', count: 20 });
		const topicIds = Array.from({ length: ITEMS }, (_unused, index) => topics[index % topics.length].id as string);

		const app = await registerClient(hub, oauthCallbackUrl(n8n.url));
		const ours: Credential = {
			type: 'agenticDeveloperHubOAuth2Api',
			id: await createOAuthCredential(client, hub, app, { name: 'Hub (node)', permissions: SCOPES.split(' ') }),
			name: 'Hub (node)',
		};
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
		for (const credential of [ours, generic]) await connectAccount(client, credential.id, ada);

		const urls: Record<'node' | 'http', string> = { node: '', http: '' };
		for (const [key, worker] of [
			['node', ourNode(ours)],
			['http', httpRequestNode(generic, hub.url)],
		] as const) {
			const webhookPath = `bench-${key}-${randomUUID().slice(0, 8)}`;
			const { id } = await client.createWorkflow(workflow(`Bench: ${key}`, webhookPath, worker));
			await client.activateWorkflow(id);
			urls[key] = `${n8n.url}/webhook/${webhookPath}`;
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
	} finally {
		await n8n?.stop();
		if (hub) await reportViolations(hub.url);
		await hub?.stop();
	}
}

/** A violation of the Hub's published types in the real-n8n run fails the bench (its exit code). */
async function reportViolations(hubUrl: string): Promise<void> {
	const report = await remoteViolationReport(hubUrl, 'during the real-n8n benchmark');
	if (!report) return;
	process.stderr.write(`${report}\n`);
	process.exitCode = 1;
}

export async function measureRealN8n(): Promise<Figure[]> {
	if (process.env.BENCH_SKIP_REAL_N8N) return [notMeasured(NAME, TARGET, 'BENCH_SKIP_REAL_N8N is set')];
	if (!existsSync(path.join(defaultRuntimeDir, '.provisioned.json'))) {
		return [notMeasured(NAME, TARGET, 'n8n 2.41.1 is not provisioned in .cache: run `npm run test:e2e` or `ts-node scripts/provision-n8n.ts` once')];
	}
	const workDir = mkdtempSync(path.join(os.tmpdir(), 'adh-bench-'));
	try {
		return await measure(workDir);
	} catch (error) {
		return [notMeasured(NAME, TARGET, `the real-n8n run failed: ${(error as Error).message.split('\n')[0]}; logs in ${workDir}`)];
	} finally {
		if (!process.env.BENCH_KEEP_LOGS) rmSync(workDir, { recursive: true, force: true });
	}
}
