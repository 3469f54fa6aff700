import { updateDisplayOptions, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';
import { providerLink, providerLinkProperties, serviceTypeOption } from './shared';

const properties: INodeProperties[] = [
	...providerLinkProperties('github_app', 'connect by installing a GitHub App', 'github'),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [serviceTypeOption('code')],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['integration'], operation: ['getInstallUrl'] } }, properties);

/**
 * `GET /integrations/providers/{providerId}/install-url`: `{ url, state }`, the first step of a GitHub
 * App connection. A person opens `url` and installs the app; Connect (type GitHub App) then takes the
 * installation ID GitHub reports and this `state`.
 */
export const readOnly = true;

export async function execute(this: IExecuteFunctions, itemIndex: number) {
	return await providerLink(this, itemIndex, 'install-url');
}
