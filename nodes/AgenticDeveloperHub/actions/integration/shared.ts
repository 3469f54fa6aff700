import type { INodeProperties } from 'n8n-workflow';
import { connectionLocator, ecosystemLocator } from '../../descriptions/locators';

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
