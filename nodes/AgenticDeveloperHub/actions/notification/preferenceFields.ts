import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { requireOption } from '../../helpers/validation';
import { NOTIFICATION_CATEGORIES } from './shared';

/** The category a preference is about (Get, Set and Delete Preference). */
export function categoryProperty(description: string): INodeProperties {
	return {
		displayName: 'Category',
		name: 'category',
		type: 'options',
		options: NOTIFICATION_CATEGORIES,
		required: true,
		default: 'community_reply',
		description,
	};
}

export function readCategory(context: IExecuteFunctions, itemIndex: number): string {
	return requireOption(context, context.getNodeParameter('category', itemIndex), NOTIFICATION_CATEGORIES, 'Category', itemIndex);
}

/** `/api/notifications/preferences/{category}` */
export const preferencePath = (category: string) => `/api/notifications/preferences/${encodeURIComponent(category)}`;
