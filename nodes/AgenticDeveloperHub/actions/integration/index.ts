import type { INodeProperties } from 'n8n-workflow';
import type { HubOperation } from '../types';
import * as connect from './connect.operation';
import * as disconnect from './disconnect.operation';
import * as getAllConnections from './getAllConnections.operation';
import * as getAllEcosystems from './getAllEcosystems.operation';
import * as getAllProviders from './getAllProviders.operation';
import * as getAuthUrl from './getAuthUrl.operation';
import * as getEcosystem from './getEcosystem.operation';
import * as getInstallUrl from './getInstallUrl.operation';
import * as performAction from './performAction.operation';
import * as sync from './sync.operation';
import * as updateSettings from './updateSettings.operation';

export const operations: Record<string, HubOperation> = {
	connect,
	disconnect,
	getAllConnections,
	getAllEcosystems,
	getAllProviders,
	getAuthUrl,
	getEcosystem,
	getInstallUrl,
	performAction,
	sync,
	updateSettings,
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
				description: 'Connect a provider with an API key, an app password, or a GitHub App installation',
			},
			{
				name: 'Disconnect',
				value: 'disconnect',
				action: 'Disconnect an integration',
				description: 'Remove a connection and its stored secrets',
			},
			{
				name: 'Get Auth URL',
				value: 'getAuthUrl',
				action: 'Get a link to connect a provider',
				description: 'Start connecting a provider that signs in with OAuth: returns the URL a person opens in a browser to approve',
			},
			{
				name: 'Get Ecosystem',
				value: 'getEcosystem',
				action: 'Get an ecosystem',
				description: 'Get one ecosystem by its ID',
			},
			{
				name: 'Get Install URL',
				value: 'getInstallUrl',
				action: 'Get a link to install a provider app',
				description: 'Start connecting a provider that connects as a GitHub App: returns the URL a person opens to install the app, and the state Connect needs',
			},
			{
				name: 'Get Many Connections',
				value: 'getAllConnections',
				action: 'Get many connections',
				description: 'List your connections in an ecosystem',
			},
			{
				name: 'Get Many Ecosystems',
				value: 'getAllEcosystems',
				action: 'Get many ecosystems',
				description: 'List the ecosystems you can use; the default one is marked isDefault',
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
			{
				name: 'Update Settings',
				value: 'updateSettings',
				action: 'Update the sync settings of a connection',
				description: 'Change what a connection syncs: Gmail labels and days, subreddits and keywords, audiences',
			},
		],
		default: 'getAllConnections',
	},
	...connect.description,
	...disconnect.description,
	...getAllConnections.description,
	...getAllEcosystems.description,
	...getAllProviders.description,
	...getAuthUrl.description,
	...getEcosystem.description,
	...getInstallUrl.description,
	...performAction.description,
	...sync.description,
	...updateSettings.description,
];
