import { TriggerContext } from 'n8n-core';
import {
	deepCopy,
	type IDataObject,
	type INode,
	type INodeExecutionData,
	type INodeType,
	type ITriggerResponse,
	type IWorkflowExecuteAdditionalData,
	type Workflow,
} from 'n8n-workflow';

/** An activated (or listening) trigger node, as n8n runs one: its emits, errors and close. */
export interface TriggerRun {
	response: ITriggerResponse;
	/** Each `emit` call's data, in order. */
	emits: INodeExecutionData[][][];
	/** Each `emitError` call's error (n8n would deactivate the workflow and queue its reactivation). */
	errors: Error[];
	/** Each `saveFailedExecution` call's error (n8n keeps the workflow active). */
	failedExecutions: Error[];
	/** Every emitted item's JSON, in order. */
	items(): IDataObject[];
	/** Resolves once `condition` holds (checked on each emit and error, and every 20 ms). */
	waitUntil(condition: () => boolean, what: string, timeoutMs?: number): Promise<void>;
	/** The close function, as n8n calls it on deactivation or shutdown (static data is not saved then). */
	close(): Promise<void>;
}

export interface TriggerRunSetup {
	nodeType: INodeType;
	workflow: Workflow;
	node: INode;
	additionalData: IWorkflowExecuteAdditionalData;
	mode: 'trigger' | 'manual';
	/** n8n's persisting of static data: called at each emit and after activation, as n8n does. */
	saveStaticData(workflow: Workflow): void;
}

/**
 * Runs a node's `trigger()` in n8n-core's TriggerContext with n8n's real request helpers. Static
 * data is persisted the way n8n persists it (workflow-static-data.service.ts): only when it was
 * changed, at each emit and after activation, never on close.
 */
export async function runTrigger(setup: TriggerRunSetup): Promise<TriggerRun> {
	const { nodeType, workflow, node, additionalData, mode } = setup;
	const emits: INodeExecutionData[][][] = [];
	const errors: Error[] = [];
	const failedExecutions: Error[] = [];
	const listeners = new Set<() => void>();
	const notify = () => listeners.forEach((listener) => listener());
	const persist = () => {
		if ((workflow.staticData as IDataObject).__dataChanged !== true) return;
		setup.saveStaticData(workflow);
		(workflow.staticData as IDataObject).__dataChanged = false;
	};
	const context = new TriggerContext(
		workflow,
		node,
		additionalData,
		mode,
		mode === 'manual' ? 'manual' : 'activate',
		(data) => {
			// A manual run's emit only answers the editor; n8n saves no static data for it.
			if (mode !== 'manual') persist();
			emits.push(deepCopy(data));
			notify();
		},
		(error) => {
			errors.push(error);
			notify();
		},
		(error) => {
			failedExecutions.push(error);
			notify();
		},
	);
	if (!nodeType.trigger) throw new Error(`${nodeType.description.name} has no trigger()`);
	const response = (await nodeType.trigger.call(context)) ?? {};
	if (mode !== 'manual') persist();
	let closed = false;
	return {
		response,
		emits,
		errors,
		failedExecutions,
		items: () => emits.flatMap((data) => data.flatMap((output) => output.map((item) => item.json))),
		async waitUntil(condition, what, timeoutMs = 15_000) {
			const deadline = Date.now() + timeoutMs;
			while (!condition()) {
				if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting until ${what}`);
				await new Promise<void>((resolve) => {
					const wake = () => {
						listeners.delete(wake);
						clearTimeout(timer);
						resolve();
					};
					const timer = setTimeout(wake, 20);
					listeners.add(wake);
				});
			}
		},
		async close() {
			if (closed) return;
			closed = true;
			await response.closeFunction?.();
		},
	};
}
