import type { INodeProperties } from 'n8n-workflow';
import { SIMPLIFIED_FIELDS, SIMPLIFIED_LABELS, type SimplifiedKind } from '../helpers/simplify';

/** Return All / Limit for a Get Many operation. */
export function returnAllOrLimit(): INodeProperties[] {
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			description: 'Whether to return all results or only up to a given limit',
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 50,
			description: 'Max number of results to return',
			displayOptions: { show: { returnAll: [false] } },
		},
	];
}

/** The Simplify switch for wide outputs of the given kinds; its description lists what it keeps. */
export function simplifyProperty(...kinds: SimplifiedKind[]): INodeProperties {
	const kept = kinds.map((kind) => `${kinds.length > 1 ? `${SIMPLIFIED_LABELS[kind]}: ` : ''}${SIMPLIFIED_FIELDS[kind].join(', ')}`);
	return {
		displayName: 'Simplify',
		name: 'simplify',
		type: 'boolean',
		default: true,
		description: `Whether to return a simplified version of the response instead of the raw data (keeps ${kept.join('; ')})`,
	};
}
