import type { INodeProperties } from 'n8n-workflow';
import type { HubOperation } from '../types';
import * as connect from './connect.operation';
import * as disconnect from './disconnect.operation';
import * as getAllConnections from './getAllConnections.operation';
import * as getAllProviders from './getAllProviders.operation';
import * as performAction from './performAction.operation';
import * as sync from './sync.operation';

export const operations: Record<string, HubOperation> = {
	connect,
	disconnect,
	getAllConnections,
	getAllProviders,
	performAction,
	sync,
};

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['integration'] } },
		options: [
			{
				name: 'Connect',
				value: 'connect',
				action: 'Connect an integration',
				description: 'Connect a provider with an API key or an app password',
			},
			{
				name: 'Disconnect',
				value: 'disconnect',
				action: 'Disconnect an integration',
				description: 'Remove a connection and its stored secrets',
			},
			{
				name: 'Get Many Connections',
				value: 'getAllConnections',
				action: 'Get many connections',
				description: 'List your connections in an ecosystem',
			},
			{
				name: 'Get Many Providers',
				value: 'getAllProviders',
				action: 'Get many providers',
				description: 'List the services the Hub can connect to',
			},
			{
				name: 'Perform Action',
				value: 'performAction',
				action: 'Perform an action through a connection',
				description: 'Send an email or SMS, publish a post or comment, or manage subscribers and broadcasts through a connection (never repeated on retry)',
			},
			{
				name: 'Sync Now',
				value: 'sync',
				action: 'Sync a connection now',
				description: 'Ask the Hub to sync a connection now',
			},
		],
		default: 'getAllConnections',
	},
	...connect.description,
	...disconnect.description,
	...getAllConnections.description,
	...getAllProviders.description,
	...performAction.description,
	...sync.description,
];
