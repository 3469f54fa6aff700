import type { INodeProperties } from 'n8n-workflow';
import type { HubOperation } from '../types';
import * as archive from './archive.operation';
import * as deletePreference from './deletePreference.operation';
import * as getAll from './getAll.operation';
import * as getAllPreferences from './getAllPreferences.operation';
import * as getPreference from './getPreference.operation';
import * as getUnreadCount from './getUnreadCount.operation';
import * as markAllRead from './markAllRead.operation';
import * as markRead from './markRead.operation';
import * as markUnread from './markUnread.operation';
import * as setPreference from './setPreference.operation';
import * as trash from './trash.operation';

export const operations: Record<string, HubOperation> = {
	archive,
	deletePreference,
	getAll,
	getAllPreferences,
	getPreference,
	getUnreadCount,
	markAllRead,
	markRead,
	markUnread,
	setPreference,
	trash,
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
				name: 'Delete Preference',
				value: 'deletePreference',
				action: 'Delete a notification preference',
				description: 'Forget your delivery choice for one category, so the Hub default applies again',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many notifications',
				description: 'List notifications, newest first, filtered by category, folder and read state',
			},
			{
				name: 'Get Many Preferences',
				value: 'getAllPreferences',
				action: 'Get many notification preferences',
				description: 'List, per notification category, whether it arrives by email, SMS and in the Hub',
			},
			{
				name: 'Get Preference',
				value: 'getPreference',
				action: 'Get a notification preference',
				description: 'Get whether one notification category arrives by email, SMS and in the Hub',
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
			{
				name: 'Set Preference',
				value: 'setPreference',
				action: 'Set a notification preference',
				description: 'Choose whether one notification category arrives by email, SMS and in the Hub',
			},
			{
				name: 'Trash',
				value: 'trash',
				action: 'Trash a notification',
				description: 'Move a notification to the trash',
			},
		],
		default: 'getAll',
	},
	...archive.description,
	...deletePreference.description,
	...getAll.description,
	...getAllPreferences.description,
	...getPreference.description,
	...getUnreadCount.description,
	...markAllRead.description,
	...markRead.description,
	...markUnread.description,
	...setPreference.description,
	...trash.description,
];
