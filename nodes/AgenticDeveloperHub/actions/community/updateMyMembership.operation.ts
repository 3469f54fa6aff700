import { updateDisplayOptions, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';
import { communityRoute, hubRequest } from '../../helpers/api';
import { earlierMembership } from '../../helpers/earlierWrites';
import { communityParameter } from '../../helpers/locators';
import { skipIfDone, skipIfDoneOptions, skipSettings } from '../../helpers/skipIfDone';
import { invalidInput } from '../../helpers/validation';
import { communityProperty } from './shared';

/** CommunityMember `bio` in hub-openapi.json. */
const BIO_MAX_LENGTH = 200;

const properties: INodeProperties[] = [
	communityProperty,
	{
		displayName: 'Bio',
		name: 'bio',
		type: 'string',
		default: '',
		description: `What the community sees about you, at most ${BIO_MAX_LENGTH} characters (empty clears it)`,
	},
	skipIfDoneOptions('state'),
];

export const description = updateDisplayOptions({ show: { resource: ['community'], operation: ['updateMyMembership'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const raw = this.getNodeParameter('bio', itemIndex, '');
	const bio = typeof raw === 'string' ? raw.trim() : String(raw ?? '');
	if (bio.length > BIO_MAX_LENGTH) {
		throw invalidInput(this, 'Bio', `is ${bio.length} characters long; the Hub allows at most ${BIO_MAX_LENGTH}`, itemIndex, 'Shorten the text');
	}
	const skip = skipSettings(this, itemIndex);
	const communityId = await communityParameter(this, 'communityId', itemIndex);
	const update = async () =>
		await hubRequest(this, 'PUT', communityRoute(communityId, '/members/me'), { body: { bio }, itemIndex, resource: 'community' });
	return await skipIfDone(this, itemIndex, skip, earlierMembership(communityId, bio), update);
}
