import type { INodeProperties } from 'n8n-workflow';
import type { HubOperation } from '../types';
import * as create from './create.operation';
import * as deleteTopic from './delete.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as update from './update.operation';

export const operations: Record<string, HubOperation> = { create, delete: deleteTopic, get, getAll, update };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['topic'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				action: 'Create a topic',
				description: 'Start a topic in a community (community admins only)',
			},
			{ name: 'Delete', value: 'delete', action: 'Delete a topic', description: 'Delete a topic' },
			{ name: 'Get', value: 'get', action: 'Get a topic', description: 'Get a topic by ID or URL' },
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many topics',
				description: 'List topics, most recently active first, optionally in one community',
			},
			{
				name: 'Update',
				value: 'update',
				action: 'Update a topic',
				description: 'Change the title, pin or lock a topic, or mark or clear its answer',
			},
		],
		default: 'getAll',
	},
	...create.description,
	...deleteTopic.description,
	...get.description,
	...getAll.description,
	...update.description,
];
