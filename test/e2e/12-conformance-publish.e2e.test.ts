import { randomUUID } from 'crypto';
import type { INodeParameters, INodeTypeDescription } from 'n8n-workflow';
import { configurations, withRequiredOnly, type Filler } from '../node/requiredOnly';
import { figure, lineUnderTest } from './support/environment';
import { useSession } from './support/session';
import { NODE_TYPE, REALTIME_TRIGGER_TYPE, TRIGGER_TYPE, type CredentialRef } from './support/workflows';

/*
 * Conformance row "publish at defaults", in a real n8n: every configuration of every node this
 * package gives n8n (the action node, both triggers, and the AI tool variant n8n generates from
 * `usableAsTool`), as described by the node types n8n itself serves (/types/nodes.json, not a hand
 * list), with only its required fields set, is published (activated). n8n 2.x checks every connected
 * node's parameters before it publishes (WorkflowValidationService); n8n 1.123 has no such check, so
 * there the row proves that activation succeeds, not that a check passed.
 */

const TOOL_TYPE = `${NODE_TYPE}Tool`;
const AGENT_TYPE = '@n8n/n8n-nodes-langchain.agent';
const MODEL_TYPE = '@n8n/n8n-nodes-langchain.lmChatOpenAi';

interface Placed {
	name: string;
	type: string;
	typeVersion: number;
	parameters: INodeParameters;
	[key: string]: unknown;
}

describe('conformance: every operation publishes with only its required fields', () => {
	const session = useSession();
	let served: INodeTypeDescription[];
	let credential: CredentialRef;

	beforeAll(async () => {
		// 2.x serves the node types to anyone (with a session cookie it may answer 401); 1.x needs the session.
		const plain = await fetch(`${session.n8n.url}/types/nodes.json`);
		served = plain.ok ? ((await plain.json()) as INodeTypeDescription[]) : (await session.n8n.call<INodeTypeDescription[]>('GET', '/types/nodes.json')).body;
		const ada = session.user('ada@example.com');
		const { id } = await session.n8n.createCredential('Publish at defaults', 'agenticDeveloperHubApi', { baseUrl: session.hub.url, apiToken: ada.apiToken });
		credential = { type: 'agenticDeveloperHubApi', id, name: 'Publish at defaults' };
	});

	function description(type: string): INodeTypeDescription {
		const found = served.filter((node) => node.name === type);
		if (found.length === 0) throw new Error(`n8n does not serve the node type ${type}`);
		return found[found.length - 1];
	}

	/**
	 * One node per configuration of `type`, named after it, with the personal-token credential. A
	 * trigger has no item to map from, and n8n 1.x polls once while it activates: its required
	 * locators get a real record's ID.
	 */
	function everyConfiguration(type: string, fill?: Filler): Placed[] {
		const served = description(type);
		return configurations(served, 'apiToken').map((chosen, index) => ({
			name: `${type.split('.').pop()} ${index} ${Object.values(chosen).join(' ')}`.slice(0, 120),
			type,
			typeVersion: 1,
			position: [400, index * 20],
			parameters: withRequiredOnly(served, chosen, fill),
			credentials: { [credential.type]: { id: credential.id, name: credential.name } },
		}));
	}

	async function publish(name: string, nodes: Placed[], connections: Record<string, unknown>): Promise<{ status: number; text: string }> {
		const { id } = await session.n8n.createWorkflow({ name, nodes, connections });
		const workflow = await session.n8n.data<{ versionId: string }>('GET', `/rest/workflows/${id}`);
		const answer = await session.n8n.call('POST', `/rest/workflows/${id}/activate`, { versionId: workflow.versionId }, { allowError: true });
		if (answer.status < 400) await session.n8n.deactivateWorkflow(id);
		return { status: answer.status, text: answer.text };
	}

	/** Real records for a trigger's required locators: Ada's community and a topic in it. */
	async function sandboxIds(): Promise<Record<string, string>> {
		const ada = session.user('ada@example.com');
		const community = await fetch(`${session.hub.url}/api/communities/agentic-builders`, { headers: { Authorization: `Bearer ${ada.apiToken}` } });
		const { id: communityId } = (await community.json()) as { id: string };
		const created = await session.hub.control('POST', '/__sandbox/activity/topics', { user: ada.email, communityId, title: 'Publish at defaults', body: 'A topic for the triggers.' });
		return { communityId, topicId: created.items[0].id };
	}

	function webhook(): Placed {
		const path = `adh-publish-${randomUUID().slice(0, 8)}`;
		return { name: 'Webhook', type: 'n8n-nodes-base.webhook', typeVersion: 2, position: [0, 0], webhookId: randomUUID(), parameters: { httpMethod: 'POST', path, options: {} } };
	}

	it('the action node: every resource x operation, behind a Webhook', async () => {
		const nodes = everyConfiguration(NODE_TYPE);
		const answer = await publish('Publish: action node', [webhook(), ...nodes], {
			Webhook: { main: [nodes.map((node) => ({ node: node.name, type: 'main', index: 0 }))] },
		});
		figure(`publish at defaults, action node (${lineUnderTest().name})`, { configurations: nodes.length, status: answer.status });
		expect(nodes.length).toBeGreaterThan(40);
		expect(answer.text).not.toMatch(/configuration issues/);
		expect(answer.status).toBe(200);
	});

	it('Topic > Get Many with the community left empty (the reported case)', async () => {
		const [topicGetAll] = everyConfiguration(NODE_TYPE).filter((node) => node.parameters.resource === 'topic' && node.parameters.operation === 'getAll');
		expect(topicGetAll.parameters.communityId).toBeUndefined();
		const answer = await publish('Publish: Topic Get Many', [webhook(), topicGetAll], { Webhook: { main: [[{ node: topicGetAll.name, type: 'main', index: 0 }]] } });
		expect(answer.text).not.toMatch(/communityId/);
		expect(answer.status).toBe(200);
	});

	it('the AI tool variant n8n generates: every operation, as tools of an AI Agent', async () => {
		const tools = everyConfiguration(TOOL_TYPE);
		const { id: modelCredential } = await session.n8n.createCredential('Publish model', 'openAiApi', { apiKey: 'sk-never-called', url: 'http://127.0.0.1:9/v1' });
		const agent: Placed = { name: 'AI Agent', type: AGENT_TYPE, typeVersion: await session.n8n.latestNodeVersion(AGENT_TYPE), position: [200, 0], parameters: { promptType: 'define', text: '={{ $json.body.prompt }}', options: {} } };
		const model: Placed = {
			name: 'Model',
			type: MODEL_TYPE,
			typeVersion: await session.n8n.latestNodeVersion(MODEL_TYPE),
			position: [200, 200],
			parameters: { model: { __rl: true, mode: 'id', value: 'never-called' }, options: {} },
			credentials: { openAiApi: { id: modelCredential, name: 'Publish model' } },
		};
		const connections: Record<string, unknown> = {
			Webhook: { main: [[{ node: 'AI Agent', type: 'main', index: 0 }]] },
			Model: { ai_languageModel: [[{ node: 'AI Agent', type: 'ai_languageModel', index: 0 }]] },
		};
		for (const tool of tools) connections[tool.name] = { ai_tool: [[{ node: 'AI Agent', type: 'ai_tool', index: 0 }]] };
		const answer = await publish('Publish: AI tools', [webhook(), agent, model, ...tools], connections);
		figure(`publish at defaults, AI tool variant (${lineUnderTest().name})`, { configurations: tools.length, status: answer.status });
		expect(tools.length).toBeGreaterThan(40);
		expect(answer.text).not.toMatch(/configuration issues/);
		expect(answer.status).toBe(200);
	});

	it.each([
		['the polling trigger', TRIGGER_TYPE],
		['the realtime trigger', REALTIME_TRIGGER_TYPE],
	])('%s: every event', async (_label, type) => {
		const ids = await sandboxIds();
		const triggers = everyConfiguration(type, (property) => {
			if (property.type !== 'resourceLocator') return undefined;
			const id = ids[property.name];
			if (!id) throw new Error(`No sandbox record for the trigger's required ${property.name}`);
			return { __rl: true, mode: 'id', value: id };
		});
		const answer = await publish(`Publish: ${type}`, triggers, {});
		figure(`publish at defaults, ${type.split('.').pop()} (${lineUnderTest().name})`, { configurations: triggers.length, status: answer.status });
		expect(triggers.length).toBeGreaterThan(0);
		expect(answer.status === 200 ? 'published' : answer.text).toBe('published');
	});
});
