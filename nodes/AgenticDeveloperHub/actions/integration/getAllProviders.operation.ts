import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';
import { returnAllOrLimit } from '../../descriptions/common';
import { hubRequest } from '../../helpers/api';
import { readLimit } from '../../helpers/validation';

const properties: INodeProperties[] = [...returnAllOrLimit()];

export const description = updateDisplayOptions(
	{ show: { resource: ['integration'], operation: ['getAllProviders'] } },
	properties,
);

/** The third-party services the Hub can connect to, with their auth method, service types and actions. */
export const readOnly = true;

export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const limit = readLimit(this, itemIndex);
	const { providers } = await hubRequest<{ providers: IDataObject[] }>(this, 'GET', '/api/integrations/providers', {
		itemIndex,
	});
	return limit === undefined ? providers : providers.slice(0, limit);
}
