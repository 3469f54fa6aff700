import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';
import { ecosystemLocator } from '../../descriptions/locators';
import { hubRequest } from '../../helpers/api';
import { secretValues, withoutSecrets } from '../../transport/redact';
import { locatorParameter } from '../../helpers/locators';
import { earlierConnection } from '../../helpers/earlierWrites';
import { connectionReadBack } from '../../helpers/readBack';
import { skipIfDone, skipIfDoneOptions, skipSettings } from '../../helpers/skipIfDone';
import { invalidInput, parseJsonObject, requireOption, requireText } from '../../helpers/validation';
import { providerProperty } from './shared';

const CONNECTION_TYPES = [
	{ name: 'API Key', value: 'api_key', description: 'Providers configured with an API key and settings' },
	{ name: 'App Password', value: 'app_password', description: 'Providers that sign in with a username and an app password' },
	{ name: 'GitHub App', value: 'github_app', description: 'Providers that connect by installing a GitHub App (see Get Install URL)' },
];

const properties: INodeProperties[] = [
	{
		displayName: 'Connection Type',
		name: 'connectionType',
		type: 'options',
		options: CONNECTION_TYPES,
		default: 'api_key',
		description: 'How the provider authenticates; must match the provider (see Get Many Providers)',
	},
	providerProperty('The provider to connect, e.g. "twilio"'),
	{
		displayName: 'Service Type Name or ID',
		name: 'serviceType',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getServiceTypes', loadOptionsDependsOn: ['providerId'] },
		required: true,
		default: '',
		description:
			'What the connection is used for, one of the provider\'s service types, e.g. "sms" or "email". Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	ecosystemLocator({ description: 'The ecosystem the connection belongs to' }),
	{
		displayName: 'Provider Fields (JSON)',
		name: 'fields',
		type: 'string',
		// They hold the provider's secrets (e.g. an auth token): masked like the App Password.
		typeOptions: { password: true },
		required: true,
		default: '{}',
		displayOptions: { show: { connectionType: ['api_key'] } },
		description:
			'The provider\'s settings as a JSON object of strings, keyed as in the provider\'s configFields, e.g. {"accountSid": "AC...", "authToken": "...", "fromNumber": "+14155550100"}',
	},
	{
		displayName: 'Username',
		name: 'identifier',
		type: 'string',
		required: true,
		default: '',
		displayOptions: { show: { connectionType: ['app_password'] } },
		description: 'The account name at the provider, e.g. a Bluesky handle or an email address',
	},
	{
		displayName: 'App Password',
		name: 'password',
		type: 'string',
		typeOptions: { password: true },
		required: true,
		default: '',
		displayOptions: { show: { connectionType: ['app_password'] } },
		description: 'An app password created at the provider (stored by the Hub, never returned)',
	},
	{
		displayName: 'Installation ID',
		name: 'installationId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 52345678',
		displayOptions: { show: { connectionType: ['github_app'] } },
		description: 'The ID GitHub gives the app\'s installation: the installation_id GitHub adds to the address it returns to after the install',
	},
	{
		displayName: 'State',
		name: 'state',
		type: 'string',
		required: true,
		default: '',
		displayOptions: { show: { connectionType: ['github_app'] } },
		description: 'The state that Get Install URL returned along with the install URL (its "state" field)',
	},
	skipIfDoneOptions('readBack'),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['integration'], operation: ['connect'] } },
	properties,
);

/** Provider field names that hold secrets (authToken, apiKey, clientSecret, password, ...). */
const SECRET_FIELD_NAME = /secret|token|password|passwd|pass|key|auth|credential|private|signature/i;

/** The provider's fields as the Hub wants them: strings only. */
function stringFields(context: IExecuteFunctions, fields: IDataObject, itemIndex: number): IDataObject {
	const result: IDataObject = {};
	for (const [key, value] of Object.entries(fields)) {
		if (value === null || typeof value === 'object') {
			throw invalidInput(context, 'Provider Fields (JSON)', `has a non-text value for "${key}"`, itemIndex, 'Every value must be a string');
		}
		result[key] = String(value);
	}
	return result;
}

/** Returns the new connection; the Hub never echoes secrets. */
export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const type = requireOption(this, this.getNodeParameter('connectionType', itemIndex), CONNECTION_TYPES, 'Connection Type', itemIndex);
	const skip = skipSettings(this, itemIndex);
	const request: IDataObject = {
		type,
		providerId: requireText(this, this.getNodeParameter('providerId', itemIndex), 'Provider', itemIndex, 100),
		serviceType: requireText(this, this.getNodeParameter('serviceType', itemIndex), 'Service Type', itemIndex, 100),
	};
	if (type === 'api_key') {
		const fields = parseJsonObject(this, this.getNodeParameter('fields', itemIndex), 'Provider Fields (JSON)', itemIndex);
		request.fields = stringFields(this, fields, itemIndex);
	} else if (type === 'github_app') {
		// Skip If Already Done matches by provider and service type, as for API keys: the account is not known here.
		request.installationId = requireText(this, this.getNodeParameter('installationId', itemIndex), 'Installation ID', itemIndex, 100).trim();
		request.state = requireText(this, this.getNodeParameter('state', itemIndex), 'State', itemIndex, 500).trim();
	} else {
		request.identifier = requireText(this, this.getNodeParameter('identifier', itemIndex), 'Username', itemIndex, 320);
		request.password = requireText(this, this.getNodeParameter('password', itemIndex), 'App Password', itemIndex, 500);
	}
	const ecosystemId = locatorParameter(this, 'ecosystemId', 'ecosystem', 'Ecosystem', itemIndex);
	request.ecosystemId = ecosystemId;
	const { providerId, serviceType, identifier } = request as Record<string, string>;
	// The provider's secrets never come back through us, even if the Hub echoes them: in errors every
	// field value is masked; in the output the App Password and the fields named like secrets (the
	// Hub shows e.g. an account ID as the connection's username).
	const fields = Object.entries((request.fields as IDataObject | undefined) ?? {});
	const secrets = secretValues([request.password, ...fields.map(([, value]) => value)]);
	const outputSecrets = secretValues([request.password, ...fields.filter(([key]) => SECRET_FIELD_NAME.test(key)).map(([, value]) => value)]);
	const connect = async () =>
		await hubRequest(this, 'POST', '/api/integrations/connect', {
			body: request,
			itemIndex,
			resource: 'provider',
			readBack: connectionReadBack(providerId, serviceType, ecosystemId),
			secrets,
		});
	return withoutSecrets(await skipIfDone(this, itemIndex, skip, earlierConnection(ecosystemId, providerId, serviceType, identifier), connect), outputSecrets);
}
