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

const operationsByResource: Record<HubResource, Record<string, HubOperation>> = {
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

/** Runs the chosen operation once per input item; with Continue On Fail a failing item becomes `{ error }`. */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const resource = this.getNodeParameter('resource', 0) as HubResource;
	const operationName = this.getNodeParameter('operation', 0) as string;
	const operation = operationsByResource[resource]?.[operationName];
	if (!operation) {
		throw new NodeOperationError(this.getNode(), `The operation "${operationName}" is not supported for "${resource}"`);
	}

	const returnData: INodeExecutionData[] = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			returnData.push(...toItems(await operation.execute.call(this, itemIndex), itemIndex));
		} catch (error) {
			if (this.continueOnFail()) {
				returnData.push({ json: { error: (error as Error).message }, pairedItem: { item: itemIndex } });
				continue;
			}
			throw withItem(this, error, itemIndex);
		}
	}
	return [returnData];
}
