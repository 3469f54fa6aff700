import { createHash } from 'crypto';
import { randomString, type IExecuteFunctions } from 'n8n-workflow';

/**
 * An ID that is the same every time this node handles this item in this run of this execution
 * (so n8n's Retry On Fail and the transport's retries send it again, and the Hub dedupes), and
 * different in another execution, run (a loop, another AI tool call), node or item. UUID-shaped,
 * because the Hub caps client message IDs at 36 characters.
 */
export function stableRequestId(context: IExecuteFunctions, itemIndex: number, purpose: string): string {
	const node = context.getNode();
	const runIndex = context.getWorkflowDataProxy(itemIndex).$thisRunIndex;
	return uuidShapedHash([context.getExecutionId(), node.id || node.name, runIndex, itemIndex, purpose]);
}

/** A UUID-shaped digest of the parts (36 characters, as the Hub's client message IDs allow). */
export function uuidShapedHash(parts: unknown[]): string {
	const hex = createHash('sha256').update(parts.join('\u0000')).digest('hex');
	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/**
 * The Idempotency-Key of a POST the operation gave none: stable per item and run in a node's
 * execution (n8n's Retry On Fail then cannot run it twice), random elsewhere.
 */
export function defaultIdempotencyKey(context: object, itemIndex: number, purpose: string): string {
	const execution = context as Partial<IExecuteFunctions>;
	if (typeof execution.getExecutionId === 'function' && typeof execution.getWorkflowDataProxy === 'function') {
		return stableRequestId(execution as IExecuteFunctions, itemIndex, purpose);
	}
	return `n8n-${randomString(32)}`;
}
