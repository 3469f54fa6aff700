import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';
import { returnAllOrLimit, simplifyProperty } from '../../descriptions/common';
import { hubRequestAll } from '../../helpers/api';
import { newestFirst } from '../../helpers/order';
import { simplifyIf, simplifyParameter } from '../../helpers/simplify';
import { readLimit, requireOption, requireOptionList } from '../../helpers/validation';
import { NOTIFICATION_CATEGORIES } from './shared';

const READ_STATUSES = [
	{ name: 'Read and Unread', value: 'any' },
	{ name: 'Only Read', value: 'true' },
	{ name: 'Only Unread', value: 'false' },
];

const FOLDERS = [
	{ name: 'Inbox', value: 'inbox' },
	{ name: 'Archived', value: 'archived' },
	{ name: 'Trashed', value: 'trashed' },
];

const properties: INodeProperties[] = [
	...returnAllOrLimit(),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{
				displayName: 'Categories',
				name: 'categories',
				type: 'multiOptions',
				options: NOTIFICATION_CATEGORIES,
				default: [],
				description: 'Only notifications of these categories (any of them)',
			},
			{
				displayName: 'Read Status',
				name: 'read',
				type: 'options',
				options: READ_STATUSES,
				default: 'any',
				description: 'Whether to return only read, only unread, or all notifications',
			},
			{
				displayName: 'Status',
				name: 'status',
				type: 'options',
				options: FOLDERS,
				default: 'inbox',
				description: 'Which folder to list',
			},
		],
	},
	simplifyProperty('notification'),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['notification'], operation: ['getAll'] } },
	properties,
);

/** Newest first by `createdAt` (the published types do not state the Hub's order). */
export const readOnly = true;

export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const simplified = simplifyParameter(this, itemIndex);
	const limit = readLimit(this, itemIndex);
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const qs: IDataObject = {};
	if (filters.categories !== undefined) {
		const categories = requireOptionList(this, filters.categories, NOTIFICATION_CATEGORIES, 'Categories', itemIndex);
		if (categories.length > 0) qs.category = categories;
	}
	if (filters.status !== undefined) qs.status = requireOption(this, filters.status, FOLDERS, 'Status', itemIndex);
	if (filters.read !== undefined) {
		const read = requireOption(this, filters.read, READ_STATUSES, 'Read Status', itemIndex);
		if (read !== 'any') qs.read = read;
	}
	const notifications = await hubRequestAll(
		this,
		'/api/notifications',
		{ itemsKey: 'items', maxPageSize: 100 },
		{ qs, itemIndex, limit },
	);
	return simplifyIf(simplified, 'notification', newestFirst(notifications));
}
