import { existsSync, readFileSync, writeFileSync } from 'fs';
import path from 'path';
import { startScriptedModel, toolResults, type ChatRequest, type ScriptedModel } from '../model/scriptedModel';
import { lineUnderTest, phase } from './support/environment';
import { useSession } from './support/session';
import { activateWebhookWorkflow, readWorkflow, type CredentialRef, type WorkflowJson } from './support/workflows';

/*
 * n8n's AI Agent (`@n8n/n8n-nodes-langchain.agent`) with its OpenAI Chat Model pointed at a
 * scripted model server (test/model/), calling this package's node as tools
 * (`...agenticDeveloperHubTool`, which n8n generates from the node's `usableAsTool`). The script
 * plays the model: it picks the tool calls and their arguments (the `$fromAI` placeholders), reads
 * the tool results, and answers. The Hub is the sandbox, so what arrived there is checked there.
 */

const AGENT_TYPE = '@n8n/n8n-nodes-langchain.agent';
const TOOL_TYPE = 'n8n-nodes-agentic-developer-hub.agenticDeveloperHubTool';
// n8n 1.x sends the same tools without `strict: false`: one snapshot per line, each read as the model would.
const SNAPSHOT = path.join(__dirname, lineUnderTest().name === '1.x' ? 'ai-agent-tools.n8n-1.x.snapshot.json' : 'ai-agent-tools.snapshot.json');
/**
 * n8n 2.x hands a failing tool's error to the model by itself; n8n 1.x's AI Agent ends the execution
 * with it unless the tool node's On Error is "Continue" (the README says so), which this test sets there.
 */
const TOOL_ON_ERROR = lineUnderTest().name === '1.x' ? { onError: 'continueRegularOutput' } : {};
const UPDATE_SNAPSHOT = process.env.ADH_UPDATE_AI_TOOLS_SNAPSHOT === '1';

describe("the node as an n8n AI Agent's tools", () => {
	const session = useSession();
	let model: ScriptedModel;
	let openAi: { id: string; name: string };

	/** n8n 2.41 has AI Agent 3.1, 1.123 up to 3: each line's newest, as its editor would add it. */
	let agentVersion: number;

	beforeAll(async () => {
		agentVersion = await session.n8n.latestNodeVersion(AGENT_TYPE);
		model = await startScriptedModel();
		const name = 'Scripted model';
		openAi = { name, ...(await session.n8n.createCredential(name, 'openAiApi', { apiKey: 'sk-scripted-model', url: model.baseUrl })) };
	});
	afterAll(async () => await model?.close());

	/** The agent workflow, its tools acting through `hub`, its model the scripted one. */
	function agentWorkflow(hub: CredentialRef): WorkflowJson {
		const workflow = readWorkflow(path.join(__dirname, 'workflows', 'ai-agent.json'));
		return {
			...workflow,
			nodes: workflow.nodes.map((node) => {
				if (node.type === TOOL_TYPE) return { ...node, ...TOOL_ON_ERROR, parameters: { ...node.parameters, authentication: 'oAuth2' }, credentials: { [hub.type]: { id: hub.id, name: hub.name } } };
				if (node.type === AGENT_TYPE) return { ...node, typeVersion: agentVersion };
				if (node.type === '@n8n/n8n-nodes-langchain.lmChatOpenAi') return { ...node, credentials: { openAiApi: openAi } };
				return node;
			}),
		};
	}

	async function asUser<T>(email: string, route: string): Promise<T> {
		const response = await fetch(`${session.hub.url}${route}`, { headers: { Authorization: `Bearer ${session.user(email).apiToken}` } });
		if (!response.ok) throw new Error(`GET ${route} answered ${response.status}`);
		return (await response.json()) as T;
	}

	/** A topic by Ada (only community admins open topics). */
	async function newTopic(title: string): Promise<{ id: string; title: string }> {
		const { id: communityId } = await asUser<{ id: string }>('ada@example.com', '/api/communities/agentic-builders');
		const created = await session.hub.control('POST', '/__sandbox/activity/topics', { user: 'ada@example.com', communityId, title, body: 'Opened for the AI Agent test.' });
		return created.items[0];
	}

	function lastToolResult(request: ChatRequest): unknown {
		const results = toolResults(request);
		return JSON.parse(results[results.length - 1]);
	}

	it('searches, replies to a topic and sends a direct message with the arguments the model chose', async () => {
		const hub = await session.connectedCredential('AI Agent', { permissions: ['discussions:read', 'discussions:write'] });
		const grace = session.user('grace@example.com');
		const word = `zephyr${Date.now()}`;
		const topic = await newTopic(`Retrying ${word} webhooks`);
		const reply = `Exponential backoff works well for ${word} webhooks.`;
		const message = `I answered your topic about ${word}.`;
		let found: Array<{ id: string; title: string }> = [];
		model.script([
			() => ({ toolCalls: [{ name: 'Search_Discussions', arguments: { query: word } }] }),
			(request) => {
				found = lastToolResult(request) as typeof found;
				return { toolCalls: [{ name: 'Reply_to_Topic', arguments: { topicId: found[0]?.id, body: reply } }] };
			},
			() => ({ toolCalls: [{ name: 'Send_Direct_Message', arguments: { recipientId: grace.id, message } }] }),
			() => ({ answer: 'I replied in the topic and told Grace.' }),
		]);
		const workflow = await activateWebhookWorkflow(session.n8n, agentWorkflow(hub));
		const requestsBefore = model.requests.length;

		const response = await phase('AI Agent: search, reply, direct message', async () =>
			await workflow.call({ prompt: `Find the topic about ${word}, answer it, then tell Grace Hopper (user ID ${grace.id}) by direct message.` }),
		);

		expect(response.status).toBe(200);
		expect(response.body).toEqual({ output: 'I replied in the topic and told Grace.' });
		expect(model.remainingSteps()).toBe(0);
		expect(model.unexpected).toEqual([]);
		expect(model.requests.length - requestsBefore).toBe(4);
		// The model's query reached the Hub: the search found exactly the topic holding its word.
		expect(found.map((result) => result.id)).toEqual([topic.id]);
		// The reply, in the topic the model picked, with the body it wrote.
		const thread = await asUser<{ items: Array<{ content: string; customerId: string }> }>('grace@example.com', `/api/discussion/topics/${topic.id}/posts`);
		expect(thread.items).toEqual(expect.arrayContaining([expect.objectContaining({ content: reply, customerId: session.user('ada@example.com').id })]));
		// The direct message, to the person the model named, with its text.
		const { chats } = await asUser<{ chats: Array<{ chatId: string; otherUserId: string }> }>('grace@example.com', '/api/chat/dms');
		const chat = chats.find((candidate) => candidate.otherUserId === session.user('ada@example.com').id);
		const messages = await asUser<{ items: Array<{ body: string }> }>('grace@example.com', `/api/chat/dms/${chat?.chatId}/messages`);
		expect(messages.items.map((item) => item.body)).toContain(message);
		process.stdout.write(`[figures] tool results the model read: ${JSON.stringify(toolResults(model.requests[model.requests.length - 1]))}\n`);
	});

	it('hands a 403 for a missing permission back to the model as a tool result, and the run goes on', async () => {
		const readOnly = await session.connectedCredential('AI Agent, read only', { permissions: ['discussions:read'] });
		const topic = await newTopic(`Locked out ${Date.now()}`);
		let seen = '';
		model.script([
			() => ({ toolCalls: [{ name: 'Reply_to_Topic', arguments: { topicId: topic.id, body: 'This reply needs Discussions: Write.' } }] }),
			(request) => {
				const results = toolResults(request);
				seen = results[results.length - 1];
				return { answer: 'I could not reply: the connection lacks the Discussions: Write permission.' };
			},
		]);
		const workflow = await activateWebhookWorkflow(session.n8n, agentWorkflow(readOnly));
		const before = await session.counters();

		const response = await workflow.call({ prompt: `Reply to topic ${topic.id}.` });
		process.stdout.write(`[figures] the model's tool result for the 403: ${seen}\n`);

		expect(response.status).toBe(200);
		expect(response.body).toEqual({ output: 'I could not reply: the connection lacks the Discussions: Write permission.' });
		expect(model.remainingSteps()).toBe(0);
		// The Hub refused the reply (403), and the model read why, in words it can act on.
		const after = await session.counters();
		const label = 'POST /api/discussion/topics/:id/posts';
		expect((after.requests[label]?.['403'] ?? 0) - (before.requests[label]?.['403'] ?? 0)).toBe(1);
		// n8n gives the model the error's message only (`[{"error": ...}]`), not its description.
		expect(JSON.parse(seen)).toEqual([{ error: expect.stringMatching(/missing the "discussions:write" permission.*Request ID: req_/) }]);
	});

	it('shows the model clear tool names, descriptions and parameter schemas (the committed snapshot)', async () => {
		const hub = await session.connectedCredential('AI Agent, snapshot', { permissions: ['discussions:read'] });
		model.script([() => ({ answer: 'Nothing to do.' })]);
		const workflow = await activateWebhookWorkflow(session.n8n, agentWorkflow(hub));
		const requestsBefore = model.requests.length;
		expect((await workflow.call({ prompt: 'List your tools.' })).status).toBe(200);

		const tools = (model.requests[requestsBefore].tools ?? []).map((tool) => tool.function);
		const seenByModel = { tools: [...tools].sort((a, b) => a.name.localeCompare(b.name)) };
		if (UPDATE_SNAPSHOT || !existsSync(SNAPSHOT)) writeFileSync(SNAPSHOT, `${JSON.stringify(seenByModel, null, 2)}\n`);
		// On a deliberate change: ADH_UPDATE_AI_TOOLS_SNAPSHOT=1 npm run test:e2e, then read the file as the model would.
		expect(seenByModel).toEqual(JSON.parse(readFileSync(SNAPSHOT, 'utf8')));
		expect(seenByModel.tools.map((tool) => tool.name)).toEqual(['Reply_to_Topic', 'Search_Discussions', 'Send_Direct_Message']);
	});
});
