import {
	NodeOperationError,
	updateDisplayOptions,
	type IDataObject,
	type IExecuteFunctions,
	type INodeProperties,
} from 'n8n-workflow';
import { hubRequest } from '../../helpers/api';
import { earlierProfile } from '../../helpers/earlierWrites';
import { skipIfDone, skipIfDoneOptions, skipSettings } from '../../helpers/skipIfDone';
import { invalidInput, requireBoolean, requireOption, requireText } from '../../helpers/validation';

const VISIBILITIES = [
	{ name: 'Public', value: 'public', description: 'Anyone can see the profile' },
	{ name: 'Hub', value: 'hub', description: 'Only signed-in Hub users can see the profile' },
	{ name: 'Private', value: 'private', description: 'Nobody else can see the profile' },
];

/** The published `PATCH /auth/me` slug: lowercase letters, digits, "-" and "_", 2 to 64 characters. */
const PROFILE_SLUG = /^[a-z0-9][a-z0-9_-]{1,63}$/;

const properties: INodeProperties[] = [
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		description: 'The profile fields to change. Works only with a Personal API Token credential: the Hub does not let OAuth2 apps change a profile.',
		options: [
			{ displayName: 'Avatar URL', name: 'avatarUrl', type: 'string', default: '', placeholder: 'e.g. https://example.com/me.png', description: 'An https URL of your profile picture' },
			{ displayName: 'Name', name: 'name', type: 'string', default: '', description: 'Your display name (up to 255 characters)' },
			{ displayName: 'Profile Visibility', name: 'profileVisibility', type: 'options', options: VISIBILITIES, default: 'hub', description: 'Who can see your profile' },
			{ displayName: 'Public Profile Enabled', name: 'publicProfileEnabled', type: 'boolean', default: true, description: 'Whether your public profile page is on' },
			{ displayName: 'Slug', name: 'slug', type: 'string', default: '', placeholder: 'e.g. ada-lovelace', description: 'The name in your profile URL: lowercase letters, digits, "-" and "_"' },
		],
	},
	skipIfDoneOptions('state'),
];

export const description = updateDisplayOptions({ show: { resource: ['user'], operation: ['updateMe'] } }, properties);

function isUrl(text: string): boolean {
	try {
		return ['http:', 'https:'].includes(new URL(text).protocol);
	} catch {
		return false;
	}
}

/** The body of `PATCH /auth/me`: only the fields given, each checked as the published types check it. */
function changesOf(context: IExecuteFunctions, fields: IDataObject, itemIndex: number): IDataObject {
	const body: IDataObject = {};
	if (fields.name !== undefined) body.name = requireText(context, fields.name, 'Name', itemIndex, 255).trim();
	if (fields.slug !== undefined) {
		const slug = String(fields.slug).trim();
		if (!PROFILE_SLUG.test(slug)) {
			throw invalidInput(context, 'Slug', `must be 2 to 64 lowercase letters, digits, "-" or "_", starting with a letter or digit (got "${slug}")`, itemIndex);
		}
		body.slug = slug;
	}
	if (fields.avatarUrl !== undefined) {
		const avatarUrl = String(fields.avatarUrl).trim();
		if (!isUrl(avatarUrl) || avatarUrl.length > 1024) throw invalidInput(context, 'Avatar URL', `must be an http(s) URL of at most 1024 characters (got "${avatarUrl.slice(0, 60)}")`, itemIndex);
		body.avatarUrl = avatarUrl;
	}
	if (fields.publicProfileEnabled !== undefined) body.publicProfileEnabled = requireBoolean(context, fields.publicProfileEnabled, 'Public Profile Enabled', itemIndex);
	if (fields.profileVisibility !== undefined) body.profileVisibility = requireOption(context, fields.profileVisibility, VISIBILITIES, 'Profile Visibility', itemIndex);
	if (Object.keys(body).length === 0) throw invalidInput(context, 'Update Fields', 'must have at least one field', itemIndex, 'Add the fields of your profile to change');
	return body;
}

/** `PATCH /auth/me`: the Hub takes it from a personal API token only (hub-api.md section 3). Answers the new `User`. */
export async function execute(this: IExecuteFunctions, itemIndex: number) {
	if (this.getNodeParameter('authentication', itemIndex, 'oAuth2') !== 'apiToken') {
		throw new NodeOperationError(this.getNode(), `Update Me needs a Personal API Token credential [item ${itemIndex}]`, {
			itemIndex,
			description:
				'The Hub lets only a personal API token change your profile; an OAuth2 connection cannot. Set Authentication to "Personal API Token" and choose a credential with a token from your Hub settings.',
		});
	}
	const fields = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
	const body = changesOf(this, fields, itemIndex);
	const skip = skipSettings(this, itemIndex);
	const update = async () => await hubRequest(this, 'PATCH', '/api/auth/me', { body, itemIndex, resource: 'user' });
	return await skipIfDone(this, itemIndex, skip, earlierProfile(body), update);
}
