import type { IDataObject } from 'n8n-workflow';
import { NOTIFICATION_CATEGORIES } from '../../actions/notification/shared';
import { newestFirst } from '../../helpers/order';
import { requireOptionList } from '../../helpers/validation';
import { hubGet, timeOf } from '../api';
import { newestOf, pollFeed, startFeed, type Feed, type FeedMark } from '../feed';
import { forEvent, type EventContext, type TriggerEvent } from './types';

const EVENT = 'newNotification';
const MAX_PAGE_SIZE = 100;

interface Notification extends IDataObject {
	id: string;
	createdAt: string;
}

function categoriesOf(context: EventContext): string[] {
	return requireOptionList(context, context.getNodeParameter('categories', []), NOTIFICATION_CATEGORIES, 'Categories', 0).sort();
}

/** The user's inbox (optionally some categories only), each page newest first by `createdAt`. */
function inbox(context: EventContext): Feed<Notification> {
	const categories = categoriesOf(context);
	return {
		maxPageSize: MAX_PAGE_SIZE,
		fetchPage: async (page, pageSize) => {
			const qs: IDataObject = { page, pageSize };
			if (categories.length > 0) qs.category = categories;
			const body = await hubGet<{ items: Notification[] }>(context, '/api/notifications', qs);
			// The scan stops at the first row older than the mark: the order is made sure of here.
			return newestFirst(body.items ?? []);
		},
		id: (notification) => notification.id,
		sortKey: (notification) => timeOf(notification.createdAt),
		bornAt: (notification) => notification.createdAt,
	};
}

export const notificationEvent: TriggerEvent = {
	option: {
		name: 'New Notification',
		value: EVENT,
		description: 'Triggers when a notification arrives in your Hub inbox',
	},
	properties: [
		{
			displayName: 'Categories',
			name: 'categories',
			type: 'multiOptions',
			default: [],
			description: 'Only notifications of these categories; none selected means every category',
			displayOptions: forEvent(EVENT),
			options: NOTIFICATION_CATEGORIES,
		},
	],
	watchKey() {
		return `${EVENT}:${categoriesOf(this).join(',')}`;
	},
	async start() {
		return { ...(await startFeed(inbox(this))) };
	},
	async poll(state) {
		const { fresh, mark } = await pollFeed(inbox(this), state as unknown as FeedMark);
		return { items: fresh, state: { ...mark } };
	},
	async sample() {
		return await newestOf(inbox(this), 1);
	},
};
