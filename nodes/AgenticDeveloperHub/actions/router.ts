import {
	NodeApiError,
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
} from 'n8n-workflow';
import type { HubOperation, HubResource } from './types';
import * as community from './community';
import * as user from './user';
import * as topic from './topic';
import * as post from './post';
import * as discussion from './discussion';
import * as reaction from './reaction';
import * as directMessage from './directMessage';
import * as notification from './notification';
import * as integration from './integration';

export const operationsByResource: Record<HubResource, Record<string, HubOperation>> = {
	community: community.operations,
	user: user.operations,
	topic: topic.operations,
	post: post.operations,
	discussion: discussion.operations,
	reaction: reaction.operations,
	directMessage: directMessage.operations,
	notification: notification.operations,
	integration: integration.operations,
};

function toItems(result: IDataObject | IDataObject[], itemIndex: number): INodeExecutionData[] {
	const records = Array.isArray(result) ? result : [result];
	return records.map((json) => ({ json, pairedItem: { item: itemIndex } }));
}

/** Errors that are not n8n's own get the failing item attached, so n8n shows which item failed. */
function withItem(context: IExecuteFunctions, error: unknown, itemIndex: number): Error {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) {
		error.context.itemIndex ??= itemIndex;
		return error;
	}
	return new NodeOperationError(context.getNode(), error as Error, { itemIndex });
}

/**
 * Items whose reads may be in flight at once. n8n's HTTP Request node sends every item's request at
 * once; reads are bounded here so that a large input does not open a thousand sockets to the Hub.
 * Writes always go one item after another (the order users see, nothing sent after a failure).
 */
export const CONCURRENT_READS = 10;

type Outcome = { records: INodeExecutionData[] } | { error: unknown };

/**
 * Runs `run` for items 0..count-1, at most `limit` at a time, started in item order. Once an item
 * fails and `stopOnFailure`, no further item starts (those in flight finish). Unstarted items have no
 * outcome.
 */
export async function runItems(
	count: number,
	limit: number,
	stopOnFailure: boolean,
	run: (itemIndex: number) => Promise<INodeExecutionData[]>,
): Promise<Array<Outcome | undefined>> {
	const outcomes = new Array<Outcome | undefined>(count).fill(undefined);
	let next = 0;
	let failed = false;
	const worker = async () => {
		while (next < count && !(failed && stopOnFailure)) {
			const itemIndex = next++;
			try {
				outcomes[itemIndex] = { records: await run(itemIndex) };
			} catch (error) {
				outcomes[itemIndex] = { error };
				failed = true;
			}
		}
	};
	await Promise.all(Array.from({ length: Math.min(limit, count) }, worker));
	return outcomes;
}

/**
 * Runs the chosen operation once per input item, read operations several items at once; the output
 * keeps the items' order. With Continue On Fail a failing item becomes `{ error }`; without it, the
 * first failing item (in item order) fails the node.
 */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const resource = this.getNodeParameter('resource', 0) as HubResource;
	const operationName = this.getNodeParameter('operation', 0) as string;
	const operation = operationsByResource[resource]?.[operationName];
	if (!operation) {
		throw new NodeOperationError(this.getNode(), `The operation "${operationName}" is not supported for "${resource}"`);
	}

	const continueOnFail = this.continueOnFail();
	const limit = operation.readOnly ? CONCURRENT_READS : 1;
	const outcomes = await runItems(items.length, limit, !continueOnFail, async (itemIndex) =>
		toItems(await operation.execute.call(this, itemIndex), itemIndex),
	);
	const returnData: INodeExecutionData[] = [];
	for (const [itemIndex, outcome] of outcomes.entries()) {
		if (!outcome) continue;
		if ('records' in outcome) {
			returnData.push(...outcome.records);
		} else if (continueOnFail) {
			returnData.push({ json: { error: (outcome.error as Error).message }, pairedItem: { item: itemIndex } });
		} else {
			throw withItem(this, outcome.error, itemIndex);
		}
	}
	return [returnData];
}
