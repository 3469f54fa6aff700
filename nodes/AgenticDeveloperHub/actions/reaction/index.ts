import type { INodeProperties } from 'n8n-workflow';
import type { HubOperation } from '../types';
import * as add from './add.operation';
import * as getAll from './getAll.operation';
import * as remove from './remove.operation';

export const operations: Record<string, HubOperation> = { add, getAll, remove };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['reaction'] } },
		options: [
			{
				name: 'Add',
				value: 'add',
				action: 'Add a reaction',
				description: 'React to a topic or a post with an emoji',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many reactions',
				description: 'List the reactions on a topic or a post',
			},
			{ name: 'Remove', value: 'remove', action: 'Remove a reaction', description: 'Remove one of your reactions' },
		],
		default: 'add',
	},
	...add.description,
	...getAll.description,
	...remove.description,
];
