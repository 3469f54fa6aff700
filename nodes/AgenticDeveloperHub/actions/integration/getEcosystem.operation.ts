import { updateDisplayOptions, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';
import { simplifyProperty } from '../../descriptions/common';
import { ecosystemLocator } from '../../descriptions/locators';
import { hubRequest } from '../../helpers/api';
import { locatorParameter } from '../../helpers/locators';
import { simplifyIf, simplifyParameter } from '../../helpers/simplify';

const properties: INodeProperties[] = [ecosystemLocator({ description: 'The ecosystem, picked from the list or by ID' }), simplifyProperty('ecosystem')];

export const description = updateDisplayOptions({ show: { resource: ['integration'], operation: ['getEcosystem'] } }, properties);

/** `GET /ecosystem/ecosystems/{id}` (the ID or a reverse-domain ID such as `ecosystem.acme`). */
export const readOnly = true;

export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const simplified = simplifyParameter(this, itemIndex);
	const id = locatorParameter(this, 'ecosystemId', 'ecosystem', 'Ecosystem', itemIndex);
	const ecosystem = await hubRequest(this, 'GET', `/api/ecosystem/ecosystems/${encodeURIComponent(id)}`, { itemIndex, resource: 'ecosystem' });
	return simplifyIf(simplified, 'ecosystem', ecosystem);
}
