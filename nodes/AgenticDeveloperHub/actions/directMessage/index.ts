import type { INodeProperties } from 'n8n-workflow';
import type { HubOperation } from '../types';
import * as getAllChats from './getAllChats.operation';
import * as getAllMessages from './getAllMessages.operation';
import * as markRead from './markRead.operation';
import * as send from './send.operation';
import * as startChat from './startChat.operation';

export const operations: Record<string, HubOperation> = { getAllChats, getAllMessages, markRead, send, startChat };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['directMessage'] } },
		options: [
			{
				name: 'Get Many Chats',
				value: 'getAllChats',
				action: 'Get many chats',
				description: 'List your direct-message chats, newest activity first',
			},
			{
				name: 'Get Many Messages',
				value: 'getAllMessages',
				action: 'Get many messages in a chat',
				description: 'List the messages of a chat in conversation order',
			},
			{
				name: 'Mark Read',
				value: 'markRead',
				action: 'Mark a chat as read',
				description: 'Mark a chat read, entirely or up to a message',
			},
			{
				name: 'Send',
				value: 'send',
				action: 'Send a direct message',
				description: 'Send a message in a chat or to a person (never duplicated on retry)',
			},
			{
				name: 'Start Chat',
				value: 'startChat',
				action: 'Start a chat',
				description: 'Open a direct-message chat with a person, or get the existing one',
			},
		],
		default: 'send',
	},
	...getAllChats.description,
	...getAllMessages.description,
	...markRead.description,
	...send.description,
	...startChat.description,
];
