import { randomUUID } from 'crypto';
import type { E2eSession } from './session';
import { activateWebhookWorkflow, latestExecution, NODE_TYPE, type CredentialRef, type WorkflowNode } from './workflows';

/*
 * The conformance rows' shape: one webhook workflow whose items (the webhook body's `items`) go to
 * this package's node ("Hub") and to n8n's HTTP Request node ("HTTP") side by side, both with the
 * same n8n settings, against the same sandbox Hub in the same run. `outputsOf` reads every output
 * (main and error) with each item's pairedItem, as n8n stored them.
 */

export interface StoredItem {
	json: Record<string, any>;
	pairedItem?: { item: number } | Array<{ item: number }> | number;
}

export interface SideBySideRun {
	executionId: string;
	workflowId: string;
	status: string;
	/** Output index -> items, per node name (the node's first run). */
	outputs: Record<string, StoredItem[][]>;
	/** Runs per node name (n8n's tries count as one run). */
	runs: Record<string, number>;
	error?: { message?: string };
}

/** The node's settings n8n shows under Settings (Retry On Fail, On Error, ...). */
export type NodeSettings = Record<string, unknown>;

export function hubNode(credential: CredentialRef, parameters: Record<string, unknown>, settings: NodeSettings = {}): WorkflowNode {
	const authentication = credential.type === 'agenticDeveloperHubApi' ? 'apiToken' : 'oAuth2';
	return {
		name: 'Hub',
		type: NODE_TYPE,
		typeVersion: 1,
		parameters: { authentication, ...parameters },
		credentials: { [credential.type]: { id: credential.id, name: credential.name } },
		...settings,
	};
}

/** n8n's HTTP Request node (4.2) with a Header Auth credential. */
export function httpNode(headerAuth: CredentialRef, url: string, settings: NodeSettings = {}): WorkflowNode {
	return {
		name: 'HTTP',
		type: 'n8n-nodes-base.httpRequest',
		typeVersion: 4.2,
		parameters: { method: 'GET', url, authentication: 'genericCredentialType', genericAuthType: 'httpHeaderAuth', options: {} },
		credentials: { httpHeaderAuth: { id: headerAuth.id, name: headerAuth.name } },
		...settings,
	};
}

/** A Header Auth credential (`Authorization: <value>`), the value possibly an expression. */
export async function headerAuthCredential(session: E2eSession, name: string, value: string): Promise<CredentialRef> {
	const { id } = await session.n8n.createCredential(name, 'httpHeaderAuth', { name: 'Authorization', value });
	return { type: 'httpHeaderAuth' as CredentialRef['type'], id, name };
}

/** Nodes after the Items node, wired by `connections` (Items -> every node without one, by default). */
export interface BesideWorkflow {
	nodes: WorkflowNode[];
	/** Extra connections by source node name (each a list of target node names, on main output 0). */
	after?: Record<string, string[]>;
	/** The workflow's settings (errorWorkflow, executionTimeout, ...). */
	settings?: Record<string, unknown>;
}

/** Webhook -> Items (the body's `items`, one item each) -> every given node, in parallel. */
export async function runBeside(session: E2eSession, name: string, nodes: WorkflowNode[] | BesideWorkflow, items: unknown[]): Promise<SideBySideRun> {
	const shape: BesideWorkflow = Array.isArray(nodes) ? { nodes } : nodes;
	const placed: WorkflowNode[] = shape.nodes.map((node, index) => ({ id: randomUUID(), position: [400, index * 200], ...node }));
	const targets = new Set(Object.values(shape.after ?? {}).flat());
	const connections: Record<string, unknown> = {
		Webhook: { main: [[{ node: 'Items', type: 'main', index: 0 }]] },
		Items: { main: [placed.filter((node) => !targets.has(node.name)).map((node) => ({ node: node.name, type: 'main', index: 0 }))] },
	};
	for (const [source, next] of Object.entries(shape.after ?? {})) connections[source] = { main: [next.map((node) => ({ node, type: 'main', index: 0 }))] };
	const workflow = {
		name,
		nodes: [
			{ id: randomUUID(), name: 'Webhook', type: 'n8n-nodes-base.webhook', typeVersion: 2, position: [0, 0], webhookId: randomUUID(), parameters: { httpMethod: 'POST', path: `adh-beside-${randomUUID().slice(0, 8)}`, responseMode: 'onReceived', options: {} } },
			{ id: randomUUID(), name: 'Items', type: 'n8n-nodes-base.splitOut', typeVersion: 1, position: [200, 0], parameters: { fieldToSplitOut: 'body.items', options: {} } },
			...placed,
		],
		connections,
		...(shape.settings ? { settings: shape.settings } : {}),
	};
	const active = await activateWebhookWorkflow(session.n8n, workflow);
	const before = (await session.n8n.executions(active.id)).map((execution) => Number(execution.id));
	const answer = await active.call({ items });
	if (answer.status >= 400) throw new Error(`The webhook answered ${answer.status}`);
	const execution = await latestExecution(session.environment, session.n8n, active.id, { afterId: before.length ? String(Math.max(...before)) : undefined, timeoutMs: 120_000 });
	await session.n8n.deactivateWorkflow(active.id);
	return { ...besideOutputs(execution.raw), executionId: execution.id, workflowId: active.id, status: execution.status, error: execution.error };
}

/** Every node's outputs (first run) and run count, from an execution as n8n stored it. */
export function besideOutputs(raw: unknown): Pick<SideBySideRun, 'outputs' | 'runs'> {
	const runData = ((raw as any).data?.resultData?.runData ?? {}) as Record<string, Array<{ data?: { main?: StoredItem[][] } }>>;
	const outputs: SideBySideRun['outputs'] = {};
	const runs: SideBySideRun['runs'] = {};
	for (const [node, nodeRuns] of Object.entries(runData)) {
		outputs[node] = (nodeRuns[0]?.data?.main ?? []).map((output) => output ?? []);
		runs[node] = nodeRuns.length;
	}
	return { outputs, runs };
}

/** The item indexes an output's items say they came from. */
export function pairedIndexes(items: StoredItem[]): number[] {
	return items.map((item) => {
		const paired = Array.isArray(item.pairedItem) ? item.pairedItem[0] : item.pairedItem;
		return typeof paired === 'number' ? paired : (paired?.item ?? -1);
	});
}

/** Requests the Hub answered on `label` with `status` since `before` (sandbox counters). */
export function answeredSince(before: any, after: any, label: string, status: number): number {
	const count = (counters: any) => Number(counters.requests?.[label]?.[String(status)] ?? 0);
	return count(after) - count(before);
}
