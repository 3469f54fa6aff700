import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';
import { node, type useNodeHarness } from './support';

export const SKIP = { options: { skipIfAlreadyDone: true } };

export const items = (...json: IDataObject[]): INodeExecutionData[] => json.map((one) => ({ json: one }));

/**
 * Issue 16's measure: writes counted at the sandbox (the times a route ran and succeeded), and
 * `twice`: two executions over the same items, as n8n's Retry of a failed execution or a re-run.
 */
export function writeCounter(hub: ReturnType<typeof useNodeHarness>) {
	const writes = (label: string) =>
		Object.entries(hub.harness.hub.counters.requests[label] ?? {})
			.filter(([status]) => status.startsWith('2'))
			.reduce((sum, [, count]) => sum + count, 0);
	async function twice(label: string, parameters: INodeParameters, input: INodeExecutionData[] = items({})) {
		const before = writes(label);
		const first = await hub.runJson(parameters, { items: input });
		const second = await hub.runJson(parameters, { items: input });
		return { first, second, writes: writes(label) - before };
	}
	return { writes, twice };
}

/** Whether the node shows Skip If Already Done under Options for this operation. */
export function offersSkip(resource: string, operation: string): boolean {
	const { properties } = node.description as unknown as { properties: Array<{ name: string; displayOptions?: { show?: IDataObject }; options?: Array<{ name: string }> }> };
	return properties.some(
		(property) =>
			property.name === 'options' &&
			(property.displayOptions?.show?.resource as string[] | undefined)?.includes(resource) &&
			(property.displayOptions?.show?.operation as string[] | undefined)?.includes(operation) &&
			property.options?.some((option) => option.name === 'skipIfAlreadyDone') === true,
	);
}
