import type { ErrorObject } from 'ajv/dist/2020';

/* What the validator reports: ajv's errors as violations that name where, why, and the schema's keyword. */

/** A JSON pointer segment. */
export const pointerEscape = (segment: string) => segment.replace(/~/g, '~0').replace(/\//g, '~1');

export interface Violation {
	/** What is wrong where: `body/title`, `query/foo`, `path/id`, `route`, `response 200 body/items/0`. */
	location: string;
	/** The JSON pointer of the published schema that refused it. */
	schemaPath: string;
	message: string;
}

/**
 * An `anyOf` of `required` alternatives (rules.ts: "bodyText or bodyHtml") as one error naming them,
 * instead of one error per alternative plus the anyOf's own.
 */
export function collapseAnyOf(errors: ErrorObject[]): ErrorObject[] {
	const anyOfPaths = new Set(errors.filter((error) => error.keyword === 'anyOf').map((error) => error.schemaPath));
	const alternatives = new Map<string, string[]>();
	const kept = errors.filter((error) => {
		const parent = error.schemaPath.replace(/\/\d+\/required$/, '');
		if (error.keyword !== 'required' || parent === error.schemaPath || !anyOfPaths.has(parent)) return true;
		alternatives.set(parent, [...(alternatives.get(parent) ?? []), String((error.params as { missingProperty?: unknown }).missingProperty)]);
		return false;
	});
	return kept.map((error) =>
		error.keyword === 'anyOf' && alternatives.has(error.schemaPath)
			? { ...error, message: `needs at least one of: ${alternatives.get(error.schemaPath)!.join(', ')}` }
			: error,
	);
}

/** Records the JSON pointer of every object in the document (the first path that reaches it). */
export function indexPointers(node: unknown, pointer: string, pointers: WeakMap<object, string>): void {
	if (typeof node !== 'object' || node === null || pointers.has(node)) return;
	pointers.set(node, pointer);
	for (const [key, child] of Object.entries(node)) indexPointers(child, `${pointer}/${pointerEscape(key)}`, pointers);
}

/** `schemaPath`: the JSON pointer of the keyword that refused, in the document. */
export function toViolation(error: ErrorObject, where: string, schemaPath: string): Violation {
	const params = error.params as Record<string, unknown>;
	const detail =
		error.keyword === 'unevaluatedProperties'
			? `has "${String(params.unevaluatedProperty)}", which the published type does not define`
			: error.keyword === 'required'
				? `misses "${String(params.missingProperty)}"`
				: error.keyword === 'enum'
					? `must be one of: ${(params.allowedValues as unknown[]).join(', ')}`
					: (error.message ?? error.keyword);
	return { location: `${where}${error.instancePath}`, schemaPath, message: detail };
}

/** One line per violation, for errors and test failures. */
export function describeViolations(violations: Violation[]): string {
	return violations.map((violation) => `${violation.location}: ${violation.message} (${violation.schemaPath})`).join('\n');
}
