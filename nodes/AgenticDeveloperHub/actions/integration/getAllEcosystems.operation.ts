import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';
import { returnAllOrLimit, simplifyProperty } from '../../descriptions/common';
import { hubRequest } from '../../helpers/api';
import { simplifyIf, simplifyParameter } from '../../helpers/simplify';
import { readLimit } from '../../helpers/validation';

const properties: INodeProperties[] = [...returnAllOrLimit(), simplifyProperty('ecosystem')];

export const description = updateDisplayOptions({ show: { resource: ['integration'], operation: ['getAllEcosystems'] } }, properties);

/** `GET /ecosystem/ecosystems`: every ecosystem you can use, in one list; `isDefault` marks yours. */
export const readOnly = true;

export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const simplified = simplifyParameter(this, itemIndex);
	const limit = readLimit(this, itemIndex);
	const ecosystems = await hubRequest<IDataObject[]>(this, 'GET', '/api/ecosystem/ecosystems', { itemIndex });
	return simplifyIf(simplified, 'ecosystem', limit === undefined ? ecosystems : ecosystems.slice(0, limit));
}
