import { updateDisplayOptions, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';
import { hubRequest } from '../../helpers/api';

export const description: INodeProperties[] = updateDisplayOptions(
	{ show: { resource: ['user'], operation: ['getMe'] } },
	[],
);

export const readOnly = true;

export async function execute(this: IExecuteFunctions, itemIndex: number) {
	return await hubRequest(this, 'GET', '/api/auth/me', { itemIndex });
}
