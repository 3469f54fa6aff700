import type { INodeProperties } from 'n8n-workflow';
import type { HubOperation } from '../types';
import * as deletePost from './delete.operation';
import * as getAll from './getAll.operation';
import * as reply from './reply.operation';

export const operations: Record<string, HubOperation> = { delete: deletePost, getAll, reply };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['post'] } },
		options: [
			{ name: 'Delete', value: 'delete', action: 'Delete a post', description: 'Delete a reply' },
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many posts',
				description: 'List the posts of a topic in thread order',
			},
			{
				name: 'Reply',
				value: 'reply',
				action: 'Reply to a topic',
				description: 'Post a reply in a topic, optionally to a given post',
			},
		],
		default: 'reply',
	},
	...deletePost.description,
	...getAll.description,
	...reply.description,
];
