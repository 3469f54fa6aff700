import type { INodeProperties } from 'n8n-workflow';

/** The Hub's address, shared by both credentials; the transport refuses anything but https or loopback http. */
export const baseUrlProperty: INodeProperties = {
	displayName: 'Base URL',
	name: 'baseUrl',
	type: 'string',
	default: 'https://api.agenticdeveloperhub.com',
	required: true,
	placeholder: 'https://api.agenticdeveloperhub.com',
	description:
		'Address of the Hub API, without /api. Must use https:// (plain http:// is accepted only for localhost and 127.0.0.1).',
};
