import type { INodeProperties } from 'n8n-workflow';
import type { HubOperation } from '../types';
import * as add from './add.operation';
import * as getAll from './getAll.operation';
import * as getAllForTargets from './getAllForTargets.operation';
import * as remove from './remove.operation';

export const operations: Record<string, HubOperation> = { add, getAll, getAllForTargets, remove };

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
			{
				name: 'Get Many for Several Targets',
				value: 'getAllForTargets',
				action: 'Get reactions on several topics or posts',
				description: 'List the reactions on many topics or many posts at once, by their IDs (one request per 50 IDs)',
			},
			{ name: 'Remove', value: 'remove', action: 'Remove a reaction', description: 'Remove one of your reactions' },
		],
		default: 'add',
	},
	...add.description,
	...getAll.description,
	...getAllForTargets.description,
	...remove.description,
];
