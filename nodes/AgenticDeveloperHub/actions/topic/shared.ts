import type { INodeProperties } from 'n8n-workflow';

/** hub-api.md: topic titles are 1-500 characters. */
export const TITLE_MAX_LENGTH = 500;

export function titleProperty(options: { required: boolean }): INodeProperties {
	return {
		displayName: 'Title',
		name: 'title',
		type: 'string',
		required: options.required,
		default: '',
		description: `The topic title (1-${TITLE_MAX_LENGTH} characters)`,
	};
}
