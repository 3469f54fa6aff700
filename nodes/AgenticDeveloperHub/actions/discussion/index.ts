import type { INodeProperties } from 'n8n-workflow';
import type { HubOperation } from '../types';
import * as search from './search.operation';

export const operations: Record<string, HubOperation> = { search };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['discussion'] } },
		options: [
			{
				name: 'Search',
				value: 'search',
				action: 'Search discussions',
				description: 'Find topics or posts that contain a text',
			},
		],
		default: 'search',
	},
	...search.description,
];
