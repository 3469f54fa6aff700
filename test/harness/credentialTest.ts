import { CredentialTestContext, ExecuteContext, RoutingNode } from 'n8n-core';
import { AgenticDeveloperHub } from '../../nodes/AgenticDeveloperHub/AgenticDeveloperHub.node';
import { AgenticDeveloperHubRealtimeTrigger } from '../../nodes/AgenticDeveloperHub/AgenticDeveloperHubRealtimeTrigger.node';
import { AgenticDeveloperHubTrigger } from '../../nodes/AgenticDeveloperHub/AgenticDeveloperHubTrigger.node';
import {
	createRunExecutionData,
	Workflow,
	type ICredentialDataDecryptedObject,
	type INode,
	type INodeCredentialTestResult,
	type INodeType,
	type IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';
import type { CredentialTypeRegistry } from './credentialTypes';
import type { HarnessCredentialsHelper } from './credentialsHelper';
import { HarnessNodeTypes } from './nodeTypes';

/** The package's nodes, in the order n8n may meet them when it looks for a credential's `testedBy`. */
const PACKAGE_NODES: INodeType[] = [new AgenticDeveloperHubTrigger(), new AgenticDeveloperHubRealtimeTrigger(), new AgenticDeveloperHub()];

/**
 * A node's credential test method named by `testedBy` for this credential, as n8n's CredentialsTester
 * finds it (only when the credential type has no `test` of its own); each node must offer it.
 */
function testedByMethod(credentialType: string) {
	for (const nodeType of PACKAGE_NODES) {
		const testedBy = nodeType.description.credentials?.find((credential) => credential.name === credentialType)?.testedBy;
		if (typeof testedBy === 'string') return nodeType.methods?.credentialTest?.[testedBy];
	}
	return undefined;
}

/**
 * A credential's test, run as n8n's CredentialsTester does: the type's own `test` first, else the
 * node method its `testedBy` names, in n8n-core's CredentialTestContext. A declarative test: defaults and expressions
 * applied to the data, a temporary node whose one property routes the test request, n8n-core's
 * RoutingNode in an ExecuteContext, and the `rules` matched against the failed response.
 */
export async function runCredentialTest(
	types: CredentialTypeRegistry,
	helper: HarnessCredentialsHelper,
	additionalData: IWorkflowExecuteAdditionalData,
	credentialType: string,
	stored: { id: string; name: string; data: ICredentialDataDecryptedObject },
): Promise<INodeCredentialTestResult> {
	const test = types.getByName(credentialType).test;
	const method = test ? undefined : testedByMethod(credentialType);
	if (!test && !method) return { status: 'Error', message: 'No testing function found for this credential.' };
	let data: ICredentialDataDecryptedObject;
	try {
		data = await helper.applyDefaults(additionalData, stored.data, credentialType, 'internal');
	} catch (error) {
		return { status: 'Error', message: String((error as Error).message) };
	}
	if (!test) {
		// n8n 2.x's context takes the additional data, 1.x's nothing.
		const context = new (CredentialTestContext as unknown as new (data?: IWorkflowExecuteAdditionalData) => CredentialTestContext)(additionalData);
		return await method!.call(context, { id: stored.id, name: stored.name, type: credentialType, data });
	}
	const nodeType: INodeType = {
		description: {
			displayName: 'Temp',
			name: 'n8n-nodes-base.noOp',
			group: ['transform'],
			version: 1,
			description: '',
			defaults: { name: 'Temp' },
			inputs: ['main'],
			outputs: ['main'],
			credentials: [{ name: credentialType, required: true }],
			properties: [{ displayName: 'Temp', name: 'temp', type: 'string', routing: { request: test.request }, default: '' }],
		},
	};
	const nodeTypes = new HarnessNodeTypes();
	nodeTypes.register(nodeType);
	const node: INode = {
		id: 'temp',
		parameters: {},
		name: 'Temp-Node',
		type: nodeType.description.name,
		typeVersion: 1,
		position: [0, 0],
		credentials: { [credentialType]: { id: stored.id, name: stored.name } },
	};
	const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes });
	const context = new ExecuteContext(
		workflow,
		node,
		additionalData,
		'internal',
		createRunExecutionData(),
		0,
		[],
		{ main: [[{ json: {} }]] },
		{ node, data: {}, source: null },
		[],
	);
	const routingNode = new RoutingNode(context, nodeType, { id: stored.id, name: stored.name, type: credentialType, data });
	try {
		await routingNode.runNode();
	} catch (error) {
		const cause = (error as { cause?: { response?: { status: number; statusText?: string }; code?: string } }).cause;
		if (cause?.response) {
			const status = cause.response.status;
			for (const rule of test.rules ?? []) {
				if (rule.type === 'responseCode' && rule.properties.value === status) {
					return { status: 'Error', message: rule.properties.message };
				}
			}
			return { status: 'Error', message: cause.response.statusText || `Received HTTP status code: ${status}` };
		}
		if (cause?.code) return { status: 'Error', message: cause.code };
		return { status: 'Error', message: String((error as Error).message) };
	}
	return { status: 'OK', message: 'Connection successful!' };
}
