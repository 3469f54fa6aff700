import { updateDisplayOptions, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';
import { ecosystemLocator } from '../../descriptions/locators';
import { hubRequest } from '../../helpers/api';
import { ecosystemIdOrDefault } from '../../helpers/ecosystem';
import { requireHubId, requireText } from '../../helpers/validation';
import { providerProperty } from './shared';

const properties: INodeProperties[] = [
	{
		// getProviders lists the providers of this auth method: here the GitHub App ones.
		displayName: 'Connection Type',
		name: 'connectionType',
		type: 'hidden',
		default: 'github_app',
		description: 'Which providers the Provider list shows: those that connect by installing a GitHub App',
	},
	providerProperty('The GitHub App provider to install, e.g. "github"'),
	ecosystemLocator({
		required: false,
		description: 'The ecosystem the new connection will belong to. Leave empty for your default ecosystem.',
	}),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{ displayName: 'Service Type', name: 'serviceType', type: 'string', default: '', placeholder: 'e.g. code', description: 'What the connection is for, one of the provider\'s service types' },
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['integration'], operation: ['getInstallUrl'] } }, properties);

/**
 * `GET /integrations/providers/{providerId}/install-url`: `{ url, state }`, the first step of a GitHub
 * App connection. A person opens `url` and installs the app; Connect (type GitHub App) then takes the
 * installation ID GitHub reports and this `state`.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const providerId = requireHubId(this, this.getNodeParameter('providerId', itemIndex), 'Provider', itemIndex, 'slug');
	const options = this.getNodeParameter('options', itemIndex, {}) as { serviceType?: string };
	const ecosystemId = await ecosystemIdOrDefault(this, this.getNodeParameter('ecosystemId', itemIndex, ''), itemIndex);
	const qs: Record<string, string> = { ecosystemId };
	if (options.serviceType?.trim()) qs.serviceType = requireText(this, options.serviceType.trim(), 'Service Type', itemIndex, 100);
	const result = await hubRequest(this, 'GET', `/api/integrations/providers/${encodeURIComponent(providerId)}/install-url`, {
		qs,
		itemIndex,
		resource: 'provider',
	});
	return { ...result, providerId, ecosystemId };
}
