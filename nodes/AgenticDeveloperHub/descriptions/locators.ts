import type { IDisplayOptions, INodeProperties, INodePropertyMode, INodePropertyRegexValidation } from 'n8n-workflow';

/**
 * Resource-locator builders shared by the action node and the trigger (interfaces.md section 7).
 * Every locator offers "From List" first (except Community, see there), "By URL" where the Hub
 * has a web page for the thing, and "ID". The web URL shapes are the Hub's site (any host, so self-hosted Hubs work too):
 *   community  https://agenticdeveloperhub.com/c/<community-slug>
 *   topic      https://agenticdeveloperhub.com/c/<community-slug>/t/<topic-id>
 *   post       https://agenticdeveloperhub.com/c/<community-slug>/t/<topic-id>/p/<post-id>
 *   chat       https://agenticdeveloperhub.com/messages/<chat-id>
 *   user       https://agenticdeveloperhub.com/u/<user-slug> (an assumption: no Hub document names it)
 */
export interface LocatorOptions {
	/** Parameter name; each builder has a sensible default (`communityId`, `topicId`, ...). */
	name?: string;
	displayName?: string;
	description?: string;
	required?: boolean;
	displayOptions?: IDisplayOptions;
}

type LocatorDefaults = Required<Pick<LocatorOptions, 'name' | 'displayName' | 'description'>>;

export const HUB_WEB_URL = 'https://agenticdeveloperhub.com';

/**
 * The characters of a Hub key (UUID, slug, reverse-domain ID such as `ecosystem.acme`, provider slug
 * such as `google-calendar`): runs of letters, digits, "-" and "_", joined by single dots. Nothing
 * else can change a request path: no "/", "?", "#", "%", whitespace, and no "." or ".." segment.
 */
const KEY_PATTERN = '[A-Za-z0-9_-]+(?:\\.[A-Za-z0-9_-]+)*';
/** IDs have at most 36 characters (checked again at run time). */
export const ID_PATTERN = `(?=[^/?#]{1,36}(?:[/?#]|$))${KEY_PATTERN}`;
export const SLUG_PATTERN = KEY_PATTERN;

/** Regexes whose first group is the value the URL names. */
export const URL_PATTERNS = {
	community: `^https?://[^/]+/c/(${SLUG_PATTERN})(?:[/?#].*)?$`,
	topic: `^https?://[^/]+/c/${SLUG_PATTERN}/t/(${ID_PATTERN})(?:[/?#].*)?$`,
	post: `^https?://[^/]+/c/${SLUG_PATTERN}/t/${ID_PATTERN}/p/(${ID_PATTERN})(?:[/?#].*)?$`,
	chat: `^https?://[^/]+/messages/(${ID_PATTERN})(?:[/?#].*)?$`,
	user: `^https?://[^/]+/u/(${SLUG_PATTERN})(?:[/?#].*)?$`,
} as const;

/** Validation of a mode's text against `pattern`, with a message naming what was expected. */
function mustMatch(pattern: string, errorMessage: string): INodePropertyMode['validation'] {
	return [{ type: 'regex', properties: { regex: pattern, errorMessage } }];
}

const ID_VALIDATION = (what: string) => mustMatch(`^${ID_PATTERN}$`, `Not a valid Hub ${what} ID`);
const URL_VALIDATION = (kind: keyof typeof URL_PATTERNS) =>
	mustMatch(URL_PATTERNS[kind], `Not a valid Hub ${kind} URL`);
const EXTRACT = (kind: keyof typeof URL_PATTERNS): INodePropertyMode['extractValue'] => ({
	type: 'regex',
	regex: URL_PATTERNS[kind],
});
const ID_PLACEHOLDER = 'e.g. 3f1c2a9e-5b7d-4c1e-9a2f-6d8b0e4c7a15';

/**
 * An optional locator's modes, each also accepting an empty value: n8n checks a mode's regex even on
 * an optional field left empty, and refuses to publish (activate) the workflow when it fails.
 */
function emptyAllowedUnlessRequired(property: INodeProperties): INodeProperties {
	if (property.required !== false) return property;
	const modes = property.modes?.map((mode) => ({
		...mode,
		validation: mode.validation?.map((rule) => {
			if (typeof rule !== 'object' || rule.type !== 'regex') return rule;
			const regexRule = rule as INodePropertyRegexValidation;
			const optional: INodePropertyRegexValidation = {
				...regexRule,
				properties: { ...regexRule.properties, regex: `(?:${regexRule.properties.regex})?` },
			};
			return optional;
		}),
	}));
	return { ...property, modes };
}

/** Everything but `modes`, which each builder writes out (n8n's lint reads modes only inside `modes: [...]`). */
function locatorBase(
	defaults: LocatorDefaults,
	options: LocatorOptions,
	defaultMode = 'list',
): INodeProperties {
	const property: INodeProperties = {
		displayName: options.displayName ?? defaults.displayName,
		name: options.name ?? defaults.name,
		type: 'resourceLocator',
		default: { mode: defaultMode, value: '' },
		required: options.required ?? true,
		description: options.description ?? defaults.description,
	};
	if (options.displayOptions) property.displayOptions = options.displayOptions;
	return property;
}

/**
 * Value: the community's slug ("By Slug", "By URL") or its ID; resolve with `resolveCommunityId`.
 * No "From List": no published route lists communities, and the one that names a community
 * (`GET /communities/{slug}`) needs the slug, which topics do not carry (only `communityId`), so a
 * list could show bare IDs only.
 */
export function communityLocator(options: LocatorOptions = {}): INodeProperties {
	const base = locatorBase(
		{
			name: 'communityId',
			displayName: 'Community',
			description: 'The Hub community, by its slug (the last part of its web address), its web URL, or its ID',
		},
		options,
		'slug',
	);
	return emptyAllowedUnlessRequired({
		...base,
		modes: [
			{
				displayName: 'By Slug',
				name: 'slug',
				type: 'string',
				placeholder: 'e.g. n8n-builders',
				validation: mustMatch(`^${SLUG_PATTERN}$`, 'Not a valid community slug'),
			},
			{
				displayName: 'By URL',
				name: 'url',
				type: 'string',
				placeholder: `e.g. ${HUB_WEB_URL}/c/n8n-builders`,
				validation: URL_VALIDATION('community'),
				extractValue: EXTRACT('community'),
			},
			{
				displayName: 'ID',
				name: 'id',
				type: 'string',
				placeholder: ID_PLACEHOLDER,
				validation: ID_VALIDATION('community'),
			},
		],
	});
}

/** "From List", "By URL" and "ID", for things the Hub shows on a web page. */
function webLocator(
	defaults: LocatorDefaults,
	searchListMethod: string,
	kind: keyof typeof URL_PATTERNS,
	urlExample: string,
	options: LocatorOptions,
): INodeProperties {
	return emptyAllowedUnlessRequired({
		...locatorBase(defaults, options),
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod, searchable: true },
			},
			{
				displayName: 'By URL',
				name: 'url',
				type: 'string',
				placeholder: `e.g. ${urlExample}`,
				validation: URL_VALIDATION(kind),
				extractValue: EXTRACT(kind),
			},
			{
				displayName: 'ID',
				name: 'id',
				type: 'string',
				placeholder: ID_PLACEHOLDER,
				validation: ID_VALIDATION(kind),
			},
		],
	});
}

/** Lists topics of the `communityId` parameter when the node has one set, else the newest topics. */
export function topicLocator(options: LocatorOptions = {}): INodeProperties {
	return webLocator(
		{
			name: 'topicId',
			displayName: 'Topic',
			description: 'The discussion topic, picked from the list, by its web URL, or by ID',
		},
		'searchTopics',
		'topic',
		`${HUB_WEB_URL}/c/n8n-builders/t/3f1c2a9e-5b7d-4c1e-9a2f-6d8b0e4c7a15`,
		options,
	);
}

/** Lists posts of the `topicId` parameter, in thread order. */
export function postLocator(options: LocatorOptions = {}): INodeProperties {
	return webLocator(
		{
			name: 'postId',
			displayName: 'Post',
			description: 'The post (reply) in a topic, picked from the list, by its web URL, or by ID',
		},
		'searchPosts',
		'post',
		`${HUB_WEB_URL}/c/n8n-builders/t/3f1c2a9e/p/8e2d4b6a`,
		options,
	);
}

export function chatLocator(options: LocatorOptions = {}): INodeProperties {
	return webLocator(
		{
			name: 'chatId',
			displayName: 'Chat',
			description: 'The direct-message chat, picked from the list, by its web URL, or by ID',
		},
		'searchChats',
		'chat',
		`${HUB_WEB_URL}/messages/3f1c2a9e-5b7d-4c1e-9a2f-6d8b0e4c7a15`,
		options,
	);
}

/** A locator with only "From List" and "ID", for things the Hub has no web page for. */
function listOrIdLocator(
	defaults: LocatorDefaults,
	searchListMethod: string,
	what: string,
	options: LocatorOptions,
): INodeProperties {
	return emptyAllowedUnlessRequired({
		...locatorBase(defaults, options),
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod, searchable: true },
			},
			{
				displayName: 'ID',
				name: 'id',
				type: 'string',
				placeholder: ID_PLACEHOLDER,
				validation: ID_VALIDATION(what),
			},
		],
	});
}

export function notificationLocator(options: LocatorOptions = {}): INodeProperties {
	return listOrIdLocator(
		{
			name: 'notificationId',
			displayName: 'Notification',
			description: 'The notification, picked from the list (newest first) or by ID',
		},
		'searchNotifications',
		'notification',
		options,
	);
}

export function connectionLocator(options: LocatorOptions = {}): INodeProperties {
	return listOrIdLocator(
		{
			name: 'connectionId',
			displayName: 'Connection',
			description: 'The integration connection, picked from the list or by ID',
		},
		'searchConnections',
		'connection',
		options,
	);
}

export function ecosystemLocator(options: LocatorOptions = {}): INodeProperties {
	return listOrIdLocator(
		{
			name: 'ecosystemId',
			displayName: 'Ecosystem',
			description: 'The ecosystem the integration belongs to, picked from the list or by ID',
		},
		'searchEcosystems',
		'ecosystem',
		options,
	);
}

/** Lists the members of the `communityId` parameter by name (the community's directory). */
export function memberLocator(options: LocatorOptions = {}): INodeProperties {
	return listOrIdLocator(
		{
			name: 'memberId',
			displayName: 'Member',
			description: 'The community member, picked from the list (by name) or by user ID',
		},
		'searchMembers',
		'member',
		options,
	);
}

/** Lists the categories of the `communityId` parameter, in display order. */
export function categoryLocator(options: LocatorOptions = {}): INodeProperties {
	return listOrIdLocator(
		{
			name: 'categoryId',
			displayName: 'Category',
			description: 'The category of the community, picked from the list or by ID',
		},
		'searchCategories',
		'category',
		options,
	);
}

/**
 * Value: the user's slug. The Hub looks people up by slug only (`GET /users/{slug}`); the list
 * searches by name (`GET /users/search`), which needs some text to search for.
 */
export function userLocator(options: LocatorOptions = {}): INodeProperties {
	return emptyAllowedUnlessRequired({
		...locatorBase(
			{
				name: 'userSlug',
				displayName: 'User',
				description: 'The Hub user, searched by name, by their profile URL, or by their slug',
			},
			options,
		),
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: 'searchUsers', searchable: true, searchFilterRequired: true },
			},
			{
				displayName: 'By URL',
				name: 'url',
				type: 'string',
				placeholder: `e.g. ${HUB_WEB_URL}/u/ada-lovelace`,
				validation: URL_VALIDATION('user'),
				extractValue: EXTRACT('user'),
			},
			{
				displayName: 'By Slug',
				name: 'slug',
				type: 'string',
				placeholder: 'e.g. ada-lovelace',
				validation: mustMatch(`^${SLUG_PATTERN}$`, 'Not a valid user slug'),
			},
		],
	});
}
