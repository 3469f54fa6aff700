import type { INodeProperties } from 'n8n-workflow';
import type { HubOperation } from '../types';
import * as getMe from './getMe.operation';

export const operations: Record<string, HubOperation> = { getMe };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['user'] } },
		options: [
			{
				name: 'Get Me',
				value: 'getMe',
				action: 'Get the signed in user',
				description: 'Get the profile of the Hub user the credential acts for',
			},
		],
		default: 'getMe',
	},
	...getMe.description,
];
