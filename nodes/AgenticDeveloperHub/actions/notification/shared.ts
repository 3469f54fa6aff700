import { updateDisplayOptions, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';
import { notificationLocator } from '../../descriptions/locators';
import { hubRequest } from '../../helpers/api';
import { locatorParameter } from '../../helpers/locators';
import type { HubOperation } from '../types';

/**
 * The Hub's ten notification categories (the published `NotificationPreference.category` enum), for
 * the node's filter and the trigger's.
 */
export const NOTIFICATION_CATEGORIES = [
	{ name: 'Account', value: 'account' },
	{ name: 'Admin Announcement', value: 'admin_announcement' },
	{ name: 'Community Mention', value: 'community_mention' },
	{ name: 'Community Reply', value: 'community_reply' },
	{ name: 'Direct Message', value: 'direct_message' },
	{ name: 'Project Assigned', value: 'project_assigned' },
	{ name: 'Project Comment', value: 'project_comment' },
	{ name: 'Project Due', value: 'project_due' },
	{ name: 'Project Mention', value: 'project_mention' },
	{ name: 'Project Status', value: 'project_status' },
];

/**
 * Mark Read, Mark Unread, Archive and Trash: `POST /api/notifications/{id}/{action}` on one notification.
 * Output: `{ success, id }`.
 */
export function stateChangeOperation(operation: string, action: 'read' | 'unread' | 'archive' | 'trash'): HubOperation {
	const properties: INodeProperties[] = [notificationLocator()];
	return {
		description: updateDisplayOptions({ show: { resource: ['notification'], operation: [operation] } }, properties),
		async execute(this: IExecuteFunctions, itemIndex: number) {
			const id = locatorParameter(this, 'notificationId', 'notification', 'Notification', itemIndex);
			const result = await hubRequest(this, 'POST', `/api/notifications/${encodeURIComponent(id)}/${action}`, {
				itemIndex,
				resource: 'notification',
				idempotent: true,
			});
			return { ...result, id };
		},
	};
}
