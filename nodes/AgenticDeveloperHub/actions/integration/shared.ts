import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { connectionLocator, ecosystemLocator } from '../../descriptions/locators';
import { hubRequest } from '../../helpers/api';
import { ecosystemIdOrDefault } from '../../helpers/ecosystem';
import { invalidInput, requireHubId } from '../../helpers/validation';

/**
 * The Connection locator of Disconnect, Sync Now and Perform Action, after the Ecosystem its list
 * shows (the Hub lists connections per ecosystem only). The Ecosystem is not sent with the request.
 */
export function connectionProperties(description: string): INodeProperties[] {
	return [
		ecosystemLocator({
			required: false,
			description: 'The ecosystem whose connections the Connection list shows. Leave empty for your default ecosystem.',
		}),
		connectionLocator({ description }),
	];
}

/** The Provider picker of Connect and Get Auth URL: the providers of the node's `connectionType`. */
export function providerProperty(description: string): INodeProperties {
	return {
		displayName: 'Provider Name or ID',
		name: 'providerId',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getProviders', loadOptionsDependsOn: ['connectionType'] },
		required: true,
		default: '',
		description: `${description}. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.`,
	};
}

/**
 * The first properties of Get Auth URL and Get Install URL: the Provider picker limited to one auth
 * method (through a hidden Connection Type, which getProviders reads), and the ecosystem.
 */
export function providerLinkProperties(authMethod: string, which: string, example: string): INodeProperties[] {
	return [
		{
			displayName: 'Connection Type',
			name: 'connectionType',
			type: 'hidden',
			default: authMethod,
			description: `Which providers the Provider list shows: those that ${which}`,
		},
		providerProperty(`The provider to connect, e.g. "${example}"`),
		ecosystemLocator({
			required: false,
			description: 'The ecosystem the new connection will belong to. Leave empty for your default ecosystem.',
		}),
	];
}

/** The Service Type entry of their Options. */
export const serviceTypeOption = (example: string): INodeProperties => ({
	displayName: 'Service Type',
	name: 'serviceType',
	type: 'string',
	default: '',
	placeholder: `e.g. ${example}`,
	description: 'What the connection is for, one of the provider\'s service types',
});

/**
 * `GET /integrations/providers/{providerId}/{link}` (`auth-url`, `install-url`): `{ url, state }`,
 * returned with the provider and the ecosystem used (the default one when none was chosen).
 */
export async function providerLink(context: IExecuteFunctions, itemIndex: number, link: string, query: Record<string, string> = {}): Promise<IDataObject> {
	const providerId = requireHubId(context, context.getNodeParameter('providerId', itemIndex), 'Provider', itemIndex, 'slug');
	// An expression or an AI agent can hand over any value: only text is a service type.
	const chosenServiceType = (context.getNodeParameter('options', itemIndex, {}) as { serviceType?: unknown }).serviceType ?? '';
	if (typeof chosenServiceType !== 'string') throw invalidInput(context, 'Service Type', 'must be text', itemIndex);
	const serviceType = chosenServiceType.trim();
	const ecosystemId = await ecosystemIdOrDefault(context, context.getNodeParameter('ecosystemId', itemIndex, ''), itemIndex);
	const qs: Record<string, string> = { ecosystemId, ...query };
	if (serviceType) qs.serviceType = serviceType;
	const result = await hubRequest(context, 'GET', `/api/integrations/providers/${encodeURIComponent(providerId)}/${link}`, { qs, itemIndex, resource: 'provider' });
	return { ...result, providerId, ecosystemId };
}
