import { updateDisplayOptions, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';
import { userLocator } from '../../descriptions/locators';
import { hubRequest } from '../../helpers/api';
import { requireLocator } from '../../helpers/locators';

const properties: INodeProperties[] = [userLocator()];

export const description = updateDisplayOptions({ show: { resource: ['user'], operation: ['get'] } }, properties);

/** Every mode but By URL holds a slug (up to 64 characters, unlike IDs), also a plain string from an AI tool. */
function asSlug(raw: unknown): { mode: string; value: unknown } {
	const located = raw && typeof raw === 'object' ? (raw as { mode?: unknown; value?: unknown }) : { value: raw };
	return { mode: located.mode === 'url' ? 'url' : 'slug', value: located.value };
}

/** `GET /users/{slug}`: a public profile (display name, avatar, links, personas), never an email of someone private. */
export const readOnly = true;

export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const slug = requireLocator.call(this, asSlug(this.getNodeParameter('userSlug', itemIndex)), 'user', 'User', itemIndex);
	return await hubRequest(this, 'GET', `/api/users/${encodeURIComponent(slug)}`, { itemIndex, resource: 'user' });
}
