import { createHash } from 'crypto';
import type { IExecuteFunctions } from 'n8n-workflow';

/**
 * An ID that is the same every time this node handles this item in this execution (so n8n's
 * Retry On Fail and the transport's retries send it again, and the Hub dedupes), and different
 * in another execution, node or item. UUID-shaped, because the Hub caps IDs at 36 characters.
 */
export function stableRequestId(context: IExecuteFunctions, itemIndex: number, purpose: string): string {
	const node = context.getNode();
	const seed = [context.getExecutionId(), node.id || node.name, itemIndex, purpose].join('\u0000');
	const hex = createHash('sha256').update(seed).digest('hex');
	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}
