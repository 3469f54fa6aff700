import { existsSync, readFileSync } from 'fs';
import { join } from 'path';
import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { AgenticDeveloperHubTrigger } from '../../nodes/AgenticDeveloperHub/AgenticDeveloperHubTrigger.node';
import { readSpec } from '../openapi/schemas';
import { node } from './support';

const folder = join(__dirname, '..', '..', 'nodes', 'AgenticDeveloperHub');
const properties = node.description.properties;
const manifest = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8'));

/** Properties shown for one resource and operation (by their displayOptions). */
function shownFor(resource: string, operation: string): INodeProperties[] {
	return properties.filter((property) => {
		const show = property.displayOptions?.show ?? {};
		return (show.resource ?? [resource]).includes(resource) && (show.operation ?? [operation]).includes(operation);
	});
}

const resources = (properties.find((property) => property.name === 'resource')!.options as INodePropertyOptions[]).map(
	(option) => String(option.value),
);
const operationsOf = (resource: string) =>
	(
		properties.find(
			(property) => property.name === 'operation' && property.displayOptions?.show?.resource?.includes(resource),
		)!.options as INodePropertyOptions[]
	).map((option) => String(option.value));
const allOperations = resources.flatMap((resource) => operationsOf(resource).map((operation) => [resource, operation]));

describe('Node description', () => {
	it('offers every resource and operation of the issue', () => {
		expect(Object.fromEntries(resources.map((resource) => [resource, operationsOf(resource).sort()]))).toEqual({
			community: [
				'addMember',
				'createCategory',
				'get',
				'getCategories',
				'getDirectory',
				'getMembers',
				'getMyMembership',
				'getProfiles',
				'getTopics',
				'removeMember',
				'updateCategory',
				'updateMyMembership',
			],
			directMessage: ['getAllChats', 'getAllMessages', 'markRead', 'send', 'startChat'],
			discussion: ['search'],
			integration: [
				'connect',
				'disconnect',
				'getAllConnections',
				'getAllEcosystems',
				'getAllProviders',
				'getAuthUrl',
				'getEcosystem',
				'getInstallUrl',
				'performAction',
				'sync',
				'updateSettings',
			],
			notification: [
				'archive',
				'deletePreference',
				'getAll',
				'getAllPreferences',
				'getPreference',
				'getUnreadCount',
				'markAllRead',
				'markRead',
				'markUnread',
				'setPreference',
				'trash',
			],
			post: ['delete', 'getAll', 'reply'],
			reaction: ['add', 'getAll', 'getAllForTargets', 'remove'],
			topic: ['create', 'delete', 'get', 'getAll', 'update'],
			user: ['get', 'getMe', 'search', 'updateMe'],
		});
	});

	it('has an operation file per operation, grouped by resource', () => {
		for (const [resource, operation] of allOperations) {
			expect(existsSync(join(folder, 'actions', resource, `${operation}.operation.ts`))).toBe(true);
		}
	});

	it('is usable as a tool, with OAuth2 as the default authentication and both credentials', () => {
		expect(node.description.usableAsTool).toBe(true);
		const authentication = properties.find((property) => property.name === 'authentication')!;
		expect(authentication.default).toBe('oAuth2');
		expect(node.description.credentials?.map((credential) => credential.name)).toEqual([
			'agenticDeveloperHubOAuth2Api',
			'agenticDeveloperHubApi',
		]);
	});

	it('has light and dark icons that exist', () => {
		expect(node.description.icon).toEqual({ light: 'file:agenticDeveloperHub.svg', dark: 'file:agenticDeveloperHub.dark.svg' });
		expect(existsSync(join(folder, 'agenticDeveloperHub.svg'))).toBe(true);
		expect(existsSync(join(folder, 'agenticDeveloperHub.dark.svg'))).toBe(true);
	});

	it('has a codex file with categories and documentation links', () => {
		const codex = JSON.parse(readFileSync(join(folder, 'AgenticDeveloperHub.node.json'), 'utf8'));
		expect(codex.node).toBe(`${manifest.name}.${node.description.name}`);
		expect(codex.categories.length).toBeGreaterThan(0);
		expect(codex.resources.primaryDocumentation[0].url).toMatch(/^https:\/\//);
		expect(codex.resources.credentialDocumentation[0].url).toMatch(/^https:\/\//);
	});

	it('gives every Get Many a Return All and a Limit (default 50, at least 1)', () => {
		const getManys = allOperations.filter(([, operation]) => operation.startsWith('getAll') || operation === 'search');
		expect(getManys.length).toBe(13);
		for (const [resource, operation] of getManys) {
			const shown = shownFor(resource, operation);
			expect(shown.some((property) => property.name === 'returnAll')).toBe(true);
			const limit = shown.find((property) => property.name === 'limit')!;
			expect(limit.default).toBe(50);
			expect(limit.typeOptions?.minValue).toBe(1);
		}
	});

	it('offers Simplify on the wide outputs', () => {
		for (const [resource, operation] of [
			['topic', 'get'],
			['topic', 'getAll'],
			['post', 'getAll'],
			['discussion', 'search'],
			['notification', 'getAll'],
			['integration', 'getAllConnections'],
			['integration', 'getAllEcosystems'],
			['integration', 'getEcosystem'],
		]) {
			expect(shownFor(resource, operation).some((property) => property.name === 'simplify')).toBe(true);
		}
	});

	it('puts "From List" first on every resource locator but Community, with URL modes validated', () => {
		const locators = properties.filter((property) => property.type === 'resourceLocator');
		expect(new Set(locators.map((locator) => locator.name))).toEqual(
			new Set([
				'communityId',
				'namesCommunityId',
				'topicId',
				'postId',
				'parentPostId',
				'chatId',
				'notificationId',
				'connectionId',
				'ecosystemId',
				'memberId',
				'categoryId',
				'userSlug',
			]),
		);
		for (const locator of locators) {
			// No published route lists communities or names one by ID: no list for them.
			expect(locator.modes![0].name).toBe(['communityId', 'namesCommunityId'].includes(locator.name) ? 'slug' : 'list');
			expect((locator.default as { mode: string }).mode).toBe(locator.modes![0].name);
			// The key the Hub looks the thing up by can be typed: an ID, or for people (GET /users/{slug}) the slug.
			expect(locator.modes!.some((mode) => mode.name === (locator.name === 'userSlug' ? 'slug' : 'id'))).toBe(true);
			const url = locator.modes!.find((mode) => mode.name === 'url');
			if (url) expect(url.extractValue).toBeDefined();
		}
		const searches = new Set(locators.flatMap((locator) => locator.modes!.map((mode) => mode.typeOptions?.searchListMethod).filter(Boolean)));
		expect([...searches].sort()).toEqual(Object.keys(node.methods.listSearch).sort());
	});

	it('offers the Connection list an Ecosystem wherever a connection is picked', () => {
		for (const operation of ['disconnect', 'sync', 'performAction']) {
			const shown = shownFor('integration', operation).map((property) => property.name);
			expect(shown.indexOf('ecosystemId')).toBeGreaterThanOrEqual(0);
			expect(shown.indexOf('ecosystemId')).toBeLessThan(shown.indexOf('connectionId'));
			expect(shownFor('integration', operation).find((property) => property.name === 'ecosystemId')!.required).toBe(false);
		}
	});

	it('offers every action type the published types define, each with its own fields', () => {
		const actionType = properties.find((property) => property.name === 'actionType')!;
		expect((actionType.options as INodePropertyOptions[]).map((option) => option.value).sort()).toEqual(
			['broadcast', 'broadcast_send', 'comment', 'post', 'send', 'sms', 'submit', 'subscribe', 'unsubscribe'],
		);
		const fieldsOf = (action: string) =>
			properties
				.filter((property) => property.displayOptions?.show?.actionType?.includes(action))
				.map((property) => property.name)
				.sort();
		expect(fieldsOf('send')).toEqual(['additionalFields', 'bodyHtml', 'bodyText', 'subject', 'toEmail']);
		expect(fieldsOf('sms')).toEqual(['message', 'toPhone']);
		expect(fieldsOf('post')).toEqual(['media', 'replyTo', 'text']);
		expect(fieldsOf('comment')).toEqual(['media', 'replyTo', 'text']);
		expect(fieldsOf('submit')).toEqual(['subreddit', 'text', 'title', 'url']);
		expect(fieldsOf('subscribe')).toEqual(['additionalFields', 'audienceId', 'email']);
		expect(fieldsOf('unsubscribe')).toEqual(['audienceId', 'email']);
		expect(fieldsOf('broadcast')).toEqual(['additionalFields', 'audienceId', 'bodyHtml', 'subject']);
		expect(fieldsOf('broadcast_send')).toEqual(['broadcastId']);
	});

	it('promises from Search\'s Simplify only fields the slim search results define', () => {
		const schemas = readSpec().components.schemas as Record<string, { properties: Record<string, unknown> }>;
		const defined = new Set([
			...Object.keys(schemas.SearchDiscussionTopicResult.properties),
			...Object.keys(schemas.SearchDiscussionPostResult.properties),
		]);
		const simplify = shownFor('discussion', 'search').find((property) => property.name === 'simplify')!;
		const promised = String(simplify.description).replace(/^.*\(keeps (.*)\)$/, '$1').split(/; |, /).map((field) => field.replace(/^\w+: /, ''));
		expect(promised.length).toBeGreaterThan(5);
		expect(promised.filter((field) => !defined.has(field))).toEqual([]);
	});

	it('offers the ten published notification categories, in the node\'s filter and the trigger\'s', () => {
		const preference = readSpec().components.schemas.NotificationPreference as { properties: { category: { enum: string[] } } };
		const published = [...preference.properties.category.enum].sort();
		expect(published).toHaveLength(10);
		const filters = shownFor('notification', 'getAll').find((property) => property.name === 'filters')!;
		const nodeCategories = (filters.options as INodeProperties[]).find((option) => option.name === 'categories')!;
		const triggerCategories = new AgenticDeveloperHubTrigger().description.properties.find((property) => property.name === 'categories')!;
		for (const offered of [nodeCategories, triggerCategories]) {
			expect((offered.options as INodePropertyOptions[]).map((option) => option.value).sort()).toEqual(published);
		}
	});

	it('describes every parameter, so that an AI agent knows what to fill in', () => {
		const fields = properties
			.filter((property) => !['resource', 'operation', 'authentication'].includes(property.name))
			.flatMap((property) =>
				property.type === 'collection' ? (property.options as INodeProperties[]) : [property],
			);
		const undocumented = fields.filter((property) => !property.description).map((property) => property.name);
		expect(undocumented).toEqual([]);
	});
});
