import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';
import { returnAllOrLimit, simplifyProperty } from '../../descriptions/common';
import { ecosystemLocator } from '../../descriptions/locators';
import { hubRequest } from '../../helpers/api';
import { ecosystemIdOrDefault } from '../../helpers/ecosystem';
import { simplifyIf, simplifyParameter } from '../../helpers/simplify';
import { readLimit } from '../../helpers/validation';

const properties: INodeProperties[] = [
	ecosystemLocator({
		required: false,
		description: 'The ecosystem whose connections to list. Leave empty for your default ecosystem.',
	}),
	...returnAllOrLimit(),
	simplifyProperty('connection'),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['integration'], operation: ['getAllConnections'] } },
	properties,
);

/** Oldest first; the Hub returns them in one unpaginated list. */
export const readOnly = true;

export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const simplified = simplifyParameter(this, itemIndex);
	const limit = readLimit(this, itemIndex);
	const ecosystemId = await ecosystemIdOrDefault(this, this.getNodeParameter('ecosystemId', itemIndex, ''), itemIndex);
	const { connections } = await hubRequest<{ connections: IDataObject[] }>(this, 'GET', '/api/integrations', {
		qs: { ecosystemId },
		itemIndex,
		resource: 'ecosystem',
	});
	const limited = limit === undefined ? connections : connections.slice(0, limit);
	return simplifyIf(simplified, 'connection', limited);
}
