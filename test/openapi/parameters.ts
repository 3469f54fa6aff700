import type { JsonObject, OpenApiParameter } from './schemas';

/* Path and query parameters as the published schemas see them. */

/** Template segments bound to a path's segments, or undefined when they do not fit. */
export function bindSegments(template: string[], segments: string[]): Record<string, string> | undefined {
	if (template.length !== segments.length) return undefined;
	const params: Record<string, string> = {};
	for (let i = 0; i < template.length; i++) {
		const part = template[i];
		if (part.startsWith('{')) {
			if (segments[i] === '') return undefined;
			params[part.slice(1, -1)] = safeDecode(segments[i]);
		} else if (part !== segments[i]) return undefined;
	}
	return params;
}

function safeDecode(segment: string): string {
	try {
		return decodeURIComponent(segment);
	} catch {
		return segment;
	}
}

export function queryValues(query: URLSearchParams | undefined): Map<string, string[]> {
	const values = new Map<string, string[]>();
	query?.forEach((value, name) => values.set(name, [...(values.get(name) ?? []), value]));
	return values;
}

/** A parameter's text values as the types its schema names (OpenAPI's form style, exploded arrays). */
export function coerce(parameter: OpenApiParameter, given: string[]): unknown {
	const schema = parameter.schema ?? {};
	const scalar = (text: string, type: unknown): unknown => {
		if ((type === 'integer' || type === 'number') && /^-?\d+(\.\d+)?$/.test(text)) return Number(text);
		if (type === 'boolean' && (text === 'true' || text === 'false')) return text === 'true';
		return text;
	};
	if (schema.type === 'array') return given.map((text) => scalar(text, (schema.items as JsonObject | undefined)?.type));
	// A scalar sent twice is wrong however each copy looks.
	return given.length === 1 ? scalar(given[0], schema.type) : given;
}
