import {
	NodeHelpers,
	type IDataObject,
	type IExecuteFunctions,
	type ILoadOptionsFunctions,
	type INodeExecutionData,
	type INodeParameters,
	type INodeType,
} from 'n8n-workflow';
import { AgenticDeveloperHub } from '../../nodes/AgenticDeveloperHub/AgenticDeveloperHub.node';
import * as loadOptions from '../../nodes/AgenticDeveloperHub/methods/loadOptions';
import { createHarness, type Harness } from '../harness';
import type { Hub } from '../hub';
import { controlRequest } from '../hub/testing';

export const node = new AgenticDeveloperHub();

/** A resource-locator value as n8n stores it. */
export function rl(value: string, mode = 'id'): INodeParameters {
	return { __rl: true, mode, value };
}

/** The parameters as n8n stores them for this node: the given ones plus every displayed default. */
export function withDefaults(parameters: INodeParameters): INodeParameters {
	const { description } = node;
	return NodeHelpers.getNodeParameters(description.properties, parameters, true, false, { typeVersion: 1 }, description)!;
}

export interface NodeRun {
	items?: INodeExecutionData[];
	continueOnFail?: boolean;
	nodeName?: string;
	executionId?: string;
	runIndex?: number;
}

export interface NodeTestContext {
	harness: Harness;
	/** Runs the node with a personal token (Ada's unless `useApiToken` was called with another). */
	run(parameters: INodeParameters, options?: NodeRun & { nodeType?: AgenticDeveloperHub }): Promise<INodeExecutionData[]>;
	/** The JSON of every output item. */
	runJson(parameters: INodeParameters, options?: NodeRun & { nodeType?: AgenticDeveloperHub }): Promise<IDataObject[]>;
	/** Runs and returns the error the node threw (fails the test when it did not throw). */
	runError(parameters: INodeParameters, options?: NodeRun): Promise<Error & IDataObject>;
	/** Hub API requests (control API excluded) answered so far, optionally for one route label. */
	requests(label?: string): Promise<number>;
	control<T = any>(method: string, path: string, body?: unknown): Promise<T>;
	/** Seeded users by first name: ids and emails. */
	users(): Record<'ada' | 'grace' | 'alan', { id: string; email: string }>;
}

/** One sandbox Hub and harness per test file, with Ada's personal token. */
export function useNodeHarness(): NodeTestContext {
	const context = {} as NodeTestContext;
	beforeAll(async () => {
		context.harness = await createHarness();
		context.harness.useApiToken();
	});
	afterAll(async () => context.harness?.close());

	context.run = async (parameters, { nodeType = node, ...options } = {}) => {
		const output = await context.harness.execute(nodeType, {
			parameters: withDefaults({ authentication: 'apiToken', ...parameters }),
			...options,
		});
		expect(output).toHaveLength(1);
		return output[0];
	};
	context.runJson = async (parameters, options) => (await context.run(parameters, options)).map((item) => item.json);
	context.runError = async (parameters, options) => {
		try {
			await context.run(parameters, options);
		} catch (error) {
			return error as Error & IDataObject;
		}
		throw new Error('Expected the node to fail');
	};
	context.requests = async (label) => {
		const counters = await controlRequest(context.harness.hub, 'GET', '/__sandbox/counters');
		const byLabel = counters.requests as Record<string, Record<string, number>>;
		const labels = label ? [label] : Object.keys(byLabel);
		return labels.reduce(
			(sum, key) => sum + Object.values(byLabel[key] ?? {}).reduce((a, b) => a + b, 0),
			0,
		);
	};
	context.control = async (method, path, body) => await controlRequest(context.harness.hub, method, path, body);
	context.users = () => {
		const [ada, grace, alan] = context.harness.hub.info().users;
		return {
			ada: { id: ada.id, email: ada.email },
			grace: { id: grace.id, email: grace.email },
			alan: { id: alan.id, email: alan.email },
		};
	};
	return context;
}

/** The seeded community that Ada administers (only admins start topics). */
export function seededCommunity(hub: Hub): { id: string; slug: string; name: string } {
	const ada = hub.info().users[0].id;
	const community = Object.values(hub.state.data.communities).find((candidate) =>
		candidate.adminUserIds.includes(ada),
	)!;
	return { id: community.id, slug: community.slug, name: community.name };
}

/** Integration Connect of a Reddit account (an app password) in the default ecosystem, as `identifier`. */
export function redditConnect(hub: Hub, identifier: string): INodeParameters {
	const data = hub.state.data;
	return {
		resource: 'integration',
		operation: 'connect',
		connectionType: 'app_password',
		providerId: 'reddit',
		serviceType: data.providers.find((provider) => provider.providerId === 'reddit')!.serviceTypes[0],
		ecosystemId: rl(data.ecosystems.find((ecosystem) => ecosystem.isDefault)!.id),
		identifier,
		password: 'reddit-app-password',
	};
}

/**
 * The node type, but each run executes the operation twice on the same execution context: what
 * n8n's Retry On Fail does (same execution, node and items). Returns both outputs in one list.
 */
export function retriedInOneExecution(): AgenticDeveloperHub {
	const retried = new AgenticDeveloperHub();
	retried.execute = async function (this: IExecuteFunctions) {
		const first = await node.execute.call(this);
		const second = await node.execute.call(this);
		return [[...first[0], ...second[0]]];
	};
	return retried;
}

/**
 * The node type with each loadOptions method also offered as a list search (beside the real ones): the harness runs list
 * searches in n8n-core's LoadOptionsContext, the same context n8n gives loadOptions methods.
 */
export const loadOptionsProbe: INodeType = new AgenticDeveloperHub();
loadOptionsProbe.methods = {
	...loadOptionsProbe.methods,
	listSearch: {
		...loadOptionsProbe.methods?.listSearch,
		...Object.fromEntries(
			Object.entries(loadOptions).map(([name, method]) => [
				name,
				async function (this: ILoadOptionsFunctions) {
					return { results: await method.call(this) };
				},
			]),
		),
	},
};

/** The node type, but a run that throws is run once more on the same context: n8n's Retry On Fail. */
export function retriedOnFailure(): AgenticDeveloperHub {
	const retried = new AgenticDeveloperHub();
	retried.execute = async function (this: IExecuteFunctions) {
		try {
			return await node.execute.call(this);
		} catch {
			return await node.execute.call(this);
		}
	};
	return retried;
}
