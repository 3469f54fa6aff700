import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { SLUG_PATTERN } from '../../descriptions/locators';
import { invalidInput, requireBoolean, requireText } from '../../helpers/validation';

/** CommunityCategory limits of hub-openapi.json. */
const LIMITS = { slug: 120, name: 200, description: 2000, color: 16 } as const;

export const slugProperty = (required: boolean): INodeProperties => ({
	displayName: 'Slug',
	name: 'slug',
	type: 'string',
	required,
	default: '',
	placeholder: 'e.g. announcements',
	description: 'The short name in the category\'s web address: letters, digits, "-" and "_" (unique in the community)',
});

export const nameProperty = (required: boolean): INodeProperties => ({
	displayName: 'Name',
	name: 'name',
	type: 'string',
	required,
	default: '',
	placeholder: 'e.g. Announcements',
	description: 'The name people see',
});

/** Fields both Create Category and Update Category may set. */
export const optionalCategoryFields: INodeProperties[] = [
	{ displayName: 'Color', name: 'color', type: 'color', default: '', description: 'The category color, e.g. #3366ff' },
	{
		displayName: 'Description',
		name: 'description',
		type: 'string',
		typeOptions: { rows: 3 },
		default: '',
		description: 'What the category is for',
	},
	{
		displayName: 'Display Order',
		name: 'displayOrder',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 0,
		description: 'Position among the categories, lowest first',
	},
];

/** An optional whole number of at least 0 (Display Order), else an error naming the field. */
function readDisplayOrder(context: IExecuteFunctions, value: unknown, itemIndex: number): number {
	const order = Number(value);
	if (value === '' || value === null || !Number.isInteger(order) || order < 0) {
		throw invalidInput(context, 'Display Order', `must be a whole number of at least 0 (got ${JSON.stringify(value)})`, itemIndex);
	}
	return order;
}

export function readSlug(context: IExecuteFunctions, value: unknown, itemIndex: number): string {
	const slug = requireText(context, value, 'Slug', itemIndex, LIMITS.slug).trim();
	if (!new RegExp(`^${SLUG_PATTERN}$`).test(slug)) {
		throw invalidInput(context, 'Slug', `is not a valid slug (got "${slug}")`, itemIndex, 'Use letters, digits, "-" and "_", e.g. "release-notes"');
	}
	return slug;
}

/** The category fields of `fields` that are set, checked against the published limits. */
export function readCategoryFields(context: IExecuteFunctions, fields: IDataObject, itemIndex: number): IDataObject {
	const body: IDataObject = {};
	if (fields.slug !== undefined) body.slug = readSlug(context, fields.slug, itemIndex);
	if (fields.name !== undefined) body.name = requireText(context, fields.name, 'Name', itemIndex, LIMITS.name).trim();
	if (fields.description !== undefined) {
		const description = String(fields.description);
		if (description.length > LIMITS.description) {
			throw invalidInput(context, 'Description', `is ${description.length} characters long; the Hub allows at most ${LIMITS.description}`, itemIndex);
		}
		body.description = description;
	}
	if (fields.color !== undefined && fields.color !== '') {
		const color = String(fields.color).trim();
		if (color.length > LIMITS.color) throw invalidInput(context, 'Color', `is longer than ${LIMITS.color} characters (got "${color}")`, itemIndex);
		body.color = color;
	}
	if (fields.displayOrder !== undefined) body.displayOrder = readDisplayOrder(context, fields.displayOrder, itemIndex);
	if (fields.isPublic !== undefined) body.isPublic = requireBoolean(context, fields.isPublic, 'Public', itemIndex);
	if (fields.isArchived !== undefined) body.isArchived = requireBoolean(context, fields.isArchived, 'Archived', itemIndex);
	return body;
}
