import { randomUUID } from 'crypto';
import { readFileSync } from 'fs';
import { createRequire } from 'module';
import path from 'path';
import type { N8nClient } from '../../../scripts/lib/n8nClient';
import type { E2eEnvironment } from './environment';

/* Workflow JSON under test/e2e/workflows, given a credential and run by n8n through its webhook. */

export const NODE_TYPE = 'n8n-nodes-agentic-developer-hub.agenticDeveloperHub';
export const TRIGGER_TYPE = 'n8n-nodes-agentic-developer-hub.agenticDeveloperHubTrigger';
export const REALTIME_TRIGGER_TYPE = 'n8n-nodes-agentic-developer-hub.agenticDeveloperHubRealtimeTrigger';
const HUB_NODE_TYPES = [NODE_TYPE, TRIGGER_TYPE, REALTIME_TRIGGER_TYPE];

export interface CredentialRef {
	type: 'agenticDeveloperHubOAuth2Api' | 'agenticDeveloperHubApi';
	id: string;
	name: string;
}

export interface WorkflowNode {
	name: string;
	type: string;
	parameters: Record<string, unknown>;
	credentials?: Record<string, { id: string; name: string }>;
	[key: string]: unknown;
}

export interface WorkflowJson {
	name: string;
	nodes: WorkflowNode[];
	connections: Record<string, unknown>;
	[key: string]: unknown;
}

export function readWorkflow(file: string): WorkflowJson {
	return JSON.parse(readFileSync(file, 'utf8')) as WorkflowJson;
}

/** The workflow with every Hub node (action and trigger) using `credential`. */
export function withCredential(workflow: WorkflowJson, credential: CredentialRef): WorkflowJson {
	const authentication = credential.type === 'agenticDeveloperHubApi' ? 'apiToken' : 'oAuth2';
	return {
		...workflow,
		nodes: workflow.nodes.map((node) =>
			HUB_NODE_TYPES.includes(node.type)
				? { ...node, parameters: { ...node.parameters, authentication }, credentials: { [credential.type]: { id: credential.id, name: credential.name } } }
				: node,
		),
	};
}

export function e2eWorkflow(name: string, credential: CredentialRef): WorkflowJson {
	return withCredential(readWorkflow(path.join(__dirname, '..', 'workflows', `${name}.json`)), credential);
}

/** The first Webhook node's path. */
function webhookPath(workflow: WorkflowJson): string {
	const webhook = workflow.nodes.find((node) => node.type === 'n8n-nodes-base.webhook');
	if (!webhook) throw new Error(`${workflow.name} has no Webhook node`);
	return String(webhook.parameters.path);
}

export interface ActiveWebhookWorkflow {
	id: string;
	/** POSTs `body` to the webhook; n8n answers with the last node's items (or an error). */
	call(body?: unknown): Promise<{ status: number; body: any }>;
}

async function post(url: string, body: unknown): Promise<Response> {
	return await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
}

/** The workflow with its Webhook on a path (and id) no other active workflow uses. */
function withUniqueWebhook(workflow: WorkflowJson): WorkflowJson {
	const suffix = randomUUID();
	return {
		...workflow,
		nodes: workflow.nodes.map((node) =>
			node.type === 'n8n-nodes-base.webhook'
				? { ...node, webhookId: suffix, parameters: { ...node.parameters, path: `${String(node.parameters.path)}-${suffix.slice(0, 8)}` } }
				: node,
		),
	};
}

/** Saves and activates a webhook workflow (on a path of its own); its `call` waits for the webhook to answer. */
export async function activateWebhookWorkflow(n8n: N8nClient, original: WorkflowJson): Promise<ActiveWebhookWorkflow> {
	const workflow = withUniqueWebhook(original);
	const { id } = await n8n.createWorkflow(workflow);
	await n8n.activateWorkflow(id);
	const url = `${n8n.url}/webhook/${webhookPath(workflow)}`;
	const call = async (body: unknown = {}) => {
		// A webhook is registered about a second after activation; until then n8n answers 404 (and runs nothing).
		const deadline = Date.now() + 15000;
		let response = await post(url, body);
		while (response.status === 404 && Date.now() < deadline) {
			await new Promise((resolve) => setTimeout(resolve, 250));
			response = await post(url, body);
		}
		const text = await response.text();
		let parsed: unknown = text;
		try {
			parsed = JSON.parse(text);
		} catch {
			// not JSON
		}
		return { status: response.status, body: parsed };
	};
	return { id, call };
}

export interface ExecutionResult {
	id: string;
	status: string;
	/** Output items (json) of each node's first run, by node name. */
	outputs: Record<string, Array<Record<string, unknown>>>;
	error?: { message?: string; description?: string; node?: { name: string } };
	/** The execution as n8n stored it, unflattened (for secret scans). */
	raw: unknown;
}

/** n8n stores execution data with `flatted`; the runtime's own copy reads it. */
function unflatten(environment: E2eEnvironment, data: string): any {
	const runtimeRequire = createRequire(path.join(environment.runtime.dir, 'node_modules', 'n8n', 'package.json'));
	return (runtimeRequire('flatted') as { parse(text: string): unknown }).parse(data);
}

export async function readExecution(environment: E2eEnvironment, n8n: N8nClient, id: string): Promise<ExecutionResult> {
	const execution = await n8n.execution(id);
	const data = typeof execution.data === 'string' ? unflatten(environment, execution.data) : execution.data;
	const runData = (data?.resultData?.runData ?? {}) as Record<string, Array<{ data?: { main?: Array<Array<{ json: Record<string, unknown> }>> } }>>;
	const outputs: ExecutionResult['outputs'] = {};
	for (const [node, runs] of Object.entries(runData)) {
		outputs[node] = (runs[0]?.data?.main?.[0] ?? []).map((item) => item.json);
	}
	return { id: String(execution.id), status: execution.status, outputs, error: data?.resultData?.error, raw: { ...execution, data } };
}

/** The newest finished execution of a workflow, waiting up to `timeoutMs` for one newer than `afterId`. */
export async function latestExecution(
	environment: E2eEnvironment,
	n8n: N8nClient,
	workflowId: string,
	options: { afterId?: string; timeoutMs?: number } = {},
): Promise<ExecutionResult> {
	const deadline = Date.now() + (options.timeoutMs ?? 30000);
	while (Date.now() < deadline) {
		const finished = (await n8n.executions(workflowId)).filter(
			(execution) => !['running', 'new', 'waiting'].includes(execution.status) && (!options.afterId || Number(execution.id) > Number(options.afterId)),
		);
		if (finished.length > 0) {
			const newest = finished.reduce((a, b) => (Number(a.id) > Number(b.id) ? a : b));
			return await readExecution(environment, n8n, String(newest.id));
		}
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
	throw new Error(`No finished execution of workflow ${workflowId} within ${options.timeoutMs ?? 30000} ms`);
}
