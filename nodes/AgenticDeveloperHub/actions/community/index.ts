import type { INodeProperties } from 'n8n-workflow';
import type { HubOperation } from '../types';
import * as addMember from './addMember.operation';
import * as createCategory from './createCategory.operation';
import * as get from './get.operation';
import * as getCategories from './getCategories.operation';
import * as getDirectory from './getDirectory.operation';
import * as getMembers from './getMembers.operation';
import * as getMyMembership from './getMyMembership.operation';
import * as getProfiles from './getProfiles.operation';
import * as getTopics from './getTopics.operation';
import * as removeMember from './removeMember.operation';
import * as updateCategory from './updateCategory.operation';
import * as updateMyMembership from './updateMyMembership.operation';

export const operations: Record<string, HubOperation> = {
	addMember,
	createCategory,
	get,
	getCategories,
	getDirectory,
	getMembers,
	getMyMembership,
	getProfiles,
	getTopics,
	removeMember,
	updateCategory,
	updateMyMembership,
};

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['community'] } },
		options: [
			{
				name: 'Add Member',
				value: 'addMember',
				action: 'Add a member to a community',
				description: 'Add a person to the community with a role, or change their role (community admins only)',
			},
			{
				name: 'Create Category',
				value: 'createCategory',
				action: 'Create a category in a community',
				description: 'Add a category to the community (community admins only)',
			},
			{ name: 'Get', value: 'get', action: 'Get a community', description: 'Get a community by its slug, web URL or ID' },
			{
				name: 'Get Directory',
				value: 'getDirectory',
				action: 'Get the member directory of a community',
				description: "List the community's members with their names, roles and post counts",
			},
			{
				name: 'Get Many Categories',
				value: 'getCategories',
				action: 'Get many categories of a community',
				description: "List the community's categories in display order",
			},
			{
				name: 'Get Many Members',
				value: 'getMembers',
				action: 'Get many members of a community',
				description: "List the community's members and their roles by user ID (members only)",
			},
			{
				name: 'Get Many Topics',
				value: 'getTopics',
				action: 'Get many topics of a community',
				description: "List the community's topics, sorted by recent activity, popularity or trend, optionally in one category",
			},
			{
				name: 'Get My Membership',
				value: 'getMyMembership',
				action: 'Get my membership of a community',
				description: 'Tell whether you are a member of the community, and your role',
			},
			{
				name: 'Get Profiles',
				value: 'getProfiles',
				action: 'Get profiles of people in a community',
				description: 'Turn user IDs into names (up to 200 per request), or find people by name',
			},
			{
				name: 'Remove Member',
				value: 'removeMember',
				action: 'Remove a member from a community',
				description: 'Remove a person from the community (admins remove anyone, others only themselves)',
			},
			{
				name: 'Update Category',
				value: 'updateCategory',
				action: 'Update a category of a community',
				description: 'Rename, reorder, archive or change a category (community admins only)',
			},
			{
				name: 'Update My Membership',
				value: 'updateMyMembership',
				action: 'Update my membership of a community',
				description: 'Change the bio the community shows for you',
			},
		],
		default: 'getTopics',
	},
	...addMember.description,
	...createCategory.description,
	...get.description,
	...getCategories.description,
	...getDirectory.description,
	...getMembers.description,
	...getMyMembership.description,
	...getProfiles.description,
	...getTopics.description,
	...removeMember.description,
	...updateCategory.description,
	...updateMyMembership.description,
];
