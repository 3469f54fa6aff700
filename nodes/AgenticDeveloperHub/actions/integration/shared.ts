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
