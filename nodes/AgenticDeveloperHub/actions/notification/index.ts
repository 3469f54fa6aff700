import type { INodeProperties } from 'n8n-workflow';
import type { HubOperation } from '../types';
import * as archive from './archive.operation';
import * as getAll from './getAll.operation';
import * as getUnreadCount from './getUnreadCount.operation';
import * as markAllRead from './markAllRead.operation';
import * as markRead from './markRead.operation';
import * as markUnread from './markUnread.operation';

export const operations: Record<string, HubOperation> = {
	archive,
	getAll,
	getUnreadCount,
	markAllRead,
	markRead,
	markUnread,
};

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['notification'] } },
		options: [
			{
				name: 'Archive',
				value: 'archive',
				action: 'Archive a notification',
				description: 'Move a notification out of the inbox',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many notifications',
				description: 'List notifications, newest first, filtered by category, folder and read state',
			},
			{
				name: 'Get Unread Count',
				value: 'getUnreadCount',
				action: 'Get the unread notification count',
				description: 'Count the unread notifications in the inbox',
			},
			{
				name: 'Mark All Read',
				value: 'markAllRead',
				action: 'Mark all notifications as read',
				description: 'Mark every notification read',
			},
			{
				name: 'Mark Read',
				value: 'markRead',
				action: 'Mark a notification as read',
				description: 'Mark one notification read',
			},
			{
				name: 'Mark Unread',
				value: 'markUnread',
				action: 'Mark a notification as unread',
				description: 'Mark one notification unread',
			},
		],
		default: 'getAll',
	},
	...archive.description,
	...getAll.description,
	...getUnreadCount.description,
	...markAllRead.description,
	...markRead.description,
	...markUnread.description,
];
