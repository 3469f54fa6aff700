import type { INodeProperties } from 'n8n-workflow';
import type { HubOperation } from '../types';
import * as get from './get.operation';
import * as getMe from './getMe.operation';
import * as search from './search.operation';
import * as updateMe from './updateMe.operation';

export const operations: Record<string, HubOperation> = { get, getMe, search, updateMe };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['user'] } },
		options: [
			{
				name: 'Get',
				value: 'get',
				action: 'Get a user',
				description: "Get a person's public profile by their slug or profile URL",
			},
			{
				name: 'Get Me',
				value: 'getMe',
				action: 'Get the signed in user',
				description: 'Get the profile of the Hub user the credential acts for',
			},
			{
				name: 'Search',
				value: 'search',
				action: 'Search users by name',
				description: 'Find people by part of their name or slug; returns their slugs, for Get or for messaging them',
			},
			{
				name: 'Update Me',
				value: 'updateMe',
				action: 'Update the signed in user',
				description: 'Change your own name, slug, avatar or profile visibility (Personal API Token only)',
			},
		],
		default: 'getMe',
	},
	...get.description,
	...getMe.description,
	...search.description,
	...updateMe.description,
];
