import { ExecuteContext } from 'n8n-core';
import {
	createRunExecutionData,
	deepCopy,
	NodeConnectionTypes,
	Workflow,
	type IDataObject,
	type IExecuteFunctions,
	type INode,
	type INodeExecutionData,
	type INodeParameters,
	type INodeProperties,
	type INodeType,
} from 'n8n-workflow';
import { AgenticDeveloperHub } from '../../nodes/AgenticDeveloperHub/AgenticDeveloperHub.node';
import { installContainer } from '../harness/container';
import { CredentialStore, HarnessCredentialsHelper } from '../harness/credentialsHelper';
import { CredentialTypeRegistry } from '../harness/credentialTypes';
import { harnessAdditionalData } from '../harness';
import { HarnessNodeTypes } from '../harness/nodeTypes';
import type { Hub } from '../hub';

/**
 * What n8n 2.41's loader does to every `usableAsTool` node (packages/cli/src/tool-generation.ts,
 * `convertNodeToAiTool`): a copy named `<name>Tool` whose only output is `ai_tool`, with the
 * Tool Description parameters in front. Execution stays the node's own `execute`.
 */
export function asAiTool(): INodeType {
	const tool = new AgenticDeveloperHub();
	const description = deepCopy(tool.description);
	description.name += 'Tool';
	description.displayName += ' Tool';
	description.inputs = [];
	description.outputs = [NodeConnectionTypes.AiTool];
	delete description.usableAsTool;
	const descriptionType: INodeProperties = {
		displayName: 'Tool Description',
		name: 'descriptionType',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Set Automatically', value: 'auto' },
			{ name: 'Set Manually', value: 'manual' },
		],
		default: 'auto',
	};
	const toolDescription: INodeProperties = {
		displayName: 'Description',
		name: 'toolDescription',
		type: 'string',
		default: description.description,
		required: true,
		displayOptions: { show: { descriptionType: ['manual'] } },
	};
	description.properties = [descriptionType, toolDescription, ...description.properties];
	tool.description = description;
	return tool;
}

export interface AgentCall {
	/** The tools the agent node received, as LangChain sees them. */
	tools: Array<{ name: string; description: string; schemaKeys: string[] }>;
	/** What the tool returned to the agent (a JSON string, as n8n hands it to the model). */
	result: string;
}

/**
 * A stand-in for n8n's AI Agent: a node with an `ai_tool` input that asks n8n-core for its
 * connected tools (`getInputConnectionData`, which wraps our node with `createNodeAsTool`) and
 * invokes the first one with the arguments a model would have produced.
 */
function agentNodeType(toolArguments: IDataObject, calls: AgentCall[]): INodeType {
	return {
		description: {
			displayName: 'Test Agent',
			name: 'testAgent',
			group: ['transform'],
			version: 1,
			description: 'Calls its tool once',
			defaults: { name: 'Test Agent' },
			inputs: [NodeConnectionTypes.Main, { type: NodeConnectionTypes.AiTool, required: true }],
			outputs: [NodeConnectionTypes.Main],
			properties: [],
		},
		async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
			const connected = (await this.getInputConnectionData(NodeConnectionTypes.AiTool, 0)) as Array<{
				name: string;
				description: string;
				schema: { shape: Record<string, unknown> };
				invoke(args: IDataObject): Promise<string>;
			}>;
			const tools = connected.map((tool) => ({
				name: tool.name,
				description: tool.description,
				schemaKeys: Object.keys(tool.schema.shape).sort(),
			}));
			const result = await connected[0].invoke(toolArguments);
			calls.push({ tools, result });
			return [[{ json: { result } }]];
		},
	};
}

/**
 * Runs a two-node workflow, Test Agent <- ai_tool <- Agentic Developer Hub Tool, through n8n-core's
 * real ExecuteContext, tool wrapping and SupplyDataContext, with a personal-token credential.
 */
export async function callAsTool(
	hub: Hub,
	toolParameters: INodeParameters,
	toolArguments: IDataObject,
): Promise<AgentCall> {
	const logs: string[] = [];
	const uninstall = installContainer(logs);
	try {
		const credentialTypes = new CredentialTypeRegistry();
		const store = new CredentialStore();
		const stored = store.put('agenticDeveloperHubApi', { baseUrl: hub.url, apiToken: hub.info().users[0].apiToken });
		const calls: AgentCall[] = [];
		const tool = asAiTool();
		const agent = agentNodeType(toolArguments, calls);
		const nodeTypes = new HarnessNodeTypes();
		nodeTypes.register(tool);
		nodeTypes.register(agent);
		const toolNode: INode = {
			id: 'hub-tool',
			name: 'Hub Tool',
			type: tool.description.name,
			typeVersion: 1,
			position: [0, 0],
			parameters: { authentication: 'apiToken', ...toolParameters },
			credentials: { agenticDeveloperHubApi: { id: stored.id, name: stored.name } },
		};
		const agentNode: INode = { id: 'agent', name: 'Agent', type: 'testAgent', typeVersion: 1, position: [0, 0], parameters: {} };
		const workflow = new Workflow({
			id: 'tool-workflow',
			name: 'Tool mode',
			nodes: [agentNode, toolNode],
			connections: { 'Hub Tool': { ai_tool: [[{ node: 'Agent', type: NodeConnectionTypes.AiTool, index: 0 }]] } },
			active: false,
			nodeTypes,
		});
		const additionalData = harnessAdditionalData(new HarnessCredentialsHelper(credentialTypes, store), 'tool-execution-1');
		const items: INodeExecutionData[] = [{ json: {} }];
		const node = workflow.getNode('Agent')!;
		const context = new ExecuteContext(
			workflow,
			node,
			additionalData,
			'manual',
			createRunExecutionData(),
			0,
			items,
			{ main: [items] },
			{ node, data: { main: [items] }, source: null },
			[],
		);
		await agent.execute!.call(context);
		return calls[0];
	} finally {
		uninstall();
	}
}
