import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';
import { returnAllOrLimit, simplifyProperty } from '../../descriptions/common';
import { ecosystemLocator } from '../../descriptions/locators';
import { hubRequest } from '../../helpers/api';
import { readLocator } from '../../helpers/locators';
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
export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const simplified = simplifyParameter(this, itemIndex);
	const limit = readLimit(this, itemIndex);
	const ecosystem = readLocator.call(this, this.getNodeParameter('ecosystemId', itemIndex, ''), 'ecosystem', 'Ecosystem', itemIndex);
	const { connections } = await hubRequest<{ connections: IDataObject[] }>(this, 'GET', '/api/integrations', {
		qs: ecosystem ? { ecosystemId: ecosystem.value } : {},
		itemIndex,
		resource: 'ecosystem',
	});
	const limited = limit === undefined ? connections : connections.slice(0, limit);
	return simplifyIf(simplified, 'connection', limited);
}
