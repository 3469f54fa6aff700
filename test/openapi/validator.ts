import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { ACTION_BRANCHES } from './rules';
import { strictSpec, type JsonObject, type OpenApiDocument, type OpenApiOperation, type OpenApiParameter } from './schemas';

/*
 * Checks requests to, and answers from, the Hub's resource routes against its published types
 * (hub-openapi.json, made strict by schemas.ts). Used by the sandbox on every request it receives and
 * every answer it gives, and by the request-shape tests. Paths are public ones (`/api/...`).
 */

export interface Violation {
	/** What is wrong where: `body/title`, `query/foo`, `path/id`, `route`, `response 200 body/items/0`. */
	location: string;
	/** The JSON pointer of the published schema that refused it. */
	schemaPath: string;
	message: string;
}

export interface WireRequest {
	method: string;
	/** The public path with `/api`, without the query string. */
	path: string;
	query?: URLSearchParams;
	/** The parsed JSON body; undefined when none was sent. */
	body?: unknown;
}

export interface WireResponse {
	method: string;
	path: string;
	status: number;
	contentType?: string;
	/** The parsed JSON body; undefined for an empty one. */
	body?: unknown;
}

export interface OperationMatch {
	method: string;
	/** The backend template, e.g. `/discussion/topics/{id}`. */
	template: string;
	params: Record<string, string>;
	operation: OpenApiOperation;
	/** JSON pointer of the operation in the document. */
	pointer: string;
}

const SPEC_ID = 'https://hub.invalid/openapi.json';
const API_PREFIX = '/api';

const pointerEscape = (segment: string) => segment.replace(/~/g, '~0').replace(/\//g, '~1');

export class HubApiValidator {
	readonly spec: OpenApiDocument;
	private readonly ajv: Ajv2020;
	private readonly compiled = new Map<string, ValidateFunction>();
	private readonly templates: Array<{ template: string; segments: string[] }>;

	constructor(spec: OpenApiDocument = strictSpec()) {
		this.spec = spec;
		this.ajv = new Ajv2020({ strict: false, allErrors: true, validateSchema: false });
		addFormats(this.ajv);
		this.ajv.addSchema({ ...spec, $id: SPEC_ID } as object);
		this.templates = Object.keys(spec.paths).map((template) => ({ template, segments: template.split('/').slice(1) }));
	}

	/** The published operation for a public path, or the methods its path allows (none: no such route). */
	match(method: string, publicPath: string): OperationMatch | { allowed: string[] } {
		if (!publicPath.startsWith(`${API_PREFIX}/`)) return { allowed: [] };
		const segments = publicPath.slice(API_PREFIX.length).split('/').slice(1);
		const wanted = method.toLowerCase();
		let best: { template: string; literals: number; params: Record<string, string> } | undefined;
		const allowed = new Set<string>();
		for (const candidate of this.templates) {
			const params = bindSegments(candidate.segments, segments);
			if (!params) continue;
			const operations = this.spec.paths[candidate.template];
			Object.keys(operations).forEach((verb) => allowed.add(verb.toUpperCase()));
			if (!operations[wanted]) continue;
			const literals = candidate.segments.filter((segment) => !segment.startsWith('{')).length;
			if (!best || literals > best.literals) best = { template: candidate.template, literals, params };
		}
		if (!best) return { allowed: [...allowed] };
		return {
			method: wanted,
			template: best.template,
			params: best.params,
			operation: this.spec.paths[best.template][wanted],
			pointer: `#/paths/${pointerEscape(best.template)}/${wanted}`,
		};
	}

	validateRequest(request: WireRequest): Violation[] {
		const found = this.match(request.method, request.path);
		if (!('operation' in found)) {
			const why = found.allowed.length ? `only ${found.allowed.join(', ')} is published for this path` : 'no published route has this path';
			return [{ location: 'route', schemaPath: '#/paths', message: `${request.method.toUpperCase()} ${request.path}: ${why}` }];
		}
		return [
			...this.checkParameters(found, 'path', new Map(Object.entries(found.params).map(([name, value]) => [name, [value]]))),
			...this.checkParameters(found, 'query', queryValues(request.query)),
			...this.checkBody(found, request.body),
		];
	}

	validateResponse(response: WireResponse): Violation[] {
		const found = this.match(response.method, response.path);
		if (!('operation' in found)) return [{ location: 'route', schemaPath: '#/paths', message: `${response.method} ${response.path} is not a published route` }];
		const status = String(response.status);
		const declared = found.operation.responses[status];
		const where = `response ${status}`;
		let pointer = `${found.pointer}/responses/${status}`;
		let content = declared?.content;
		if (!declared) {
			if (response.status < 400) return [{ location: where, schemaPath: `${found.pointer}/responses`, message: `status ${status} is not published for this route` }];
			// An error status the route does not list (429, 5xx, ...): the error shape of its family.
			pointer = fallbackErrorPointer(found.template);
			content = { [fallbackContentType(found.template)]: { schema: { $ref: pointer } } };
			return this.checkContent(where, pointer, content, response, true);
		}
		return this.checkContent(where, `${pointer}/content`, content, response, false);
	}

	private checkContent(
		where: string,
		pointer: string,
		content: Record<string, { schema: JsonObject }> | undefined,
		response: WireResponse,
		fallback: boolean,
	): Violation[] {
		if (!content || Object.keys(content).length === 0) {
			return response.body === undefined ? [] : [{ location: `${where} body`, schemaPath: pointer, message: 'the route publishes no body for this status' }];
		}
		const mediaType = (response.contentType ?? '').split(';')[0].trim().toLowerCase();
		const entry = content[mediaType];
		if (!entry) {
			return [{ location: `${where} content-type`, schemaPath: pointer, message: `"${mediaType || 'none'}" is not one of ${Object.keys(content).join(', ')}` }];
		}
		const schemaPointer = fallback ? pointer : `${pointer}/${pointerEscape(mediaType)}/schema`;
		return this.run(schemaPointer, response.body, `${where} body`);
	}

	private checkParameters(found: OperationMatch, where: 'path' | 'query', values: Map<string, string[]>): Violation[] {
		const declared = (found.operation.parameters ?? []).map((parameter, index) => ({ parameter, index })).filter(({ parameter }) => parameter.in === where);
		const violations: Violation[] = [];
		for (const name of values.keys()) {
			if (!declared.some(({ parameter }) => parameter.name === name)) {
				violations.push({ location: `${where}/${name}`, schemaPath: `${found.pointer}/parameters`, message: `"${name}" is not a published ${where} parameter` });
			}
		}
		for (const { parameter, index } of declared) {
			const given = values.get(parameter.name);
			const pointer = `${found.pointer}/parameters/${index}/schema`;
			if (!given) {
				if (parameter.required) violations.push({ location: `${where}/${parameter.name}`, schemaPath: `${found.pointer}/parameters/${index}`, message: 'is required' });
				continue;
			}
			violations.push(...this.run(pointer, coerce(parameter, given), `${where}/${parameter.name}`));
		}
		return violations;
	}

	private checkBody(found: OperationMatch, body: unknown): Violation[] {
		const content = found.operation.requestBody?.content;
		if (!content) {
			return body === undefined ? [] : [{ location: 'body', schemaPath: found.pointer, message: 'the route publishes no request body, but one was sent' }];
		}
		let pointer = `${found.pointer}/requestBody/content/application~1json/schema`;
		const actionType = found.template.endsWith('/actions/{actionType}') ? found.params.actionType : undefined;
		if (actionType !== undefined) {
			const branch = ACTION_BRANCHES[actionType];
			const branches = (this.spec.components.schemas.IntegrationActionRequest.oneOf ?? []) as JsonObject[];
			const index = branches.findIndex((candidate) => candidate.title === branch);
			if (index < 0) return [{ location: 'path/actionType', schemaPath: '#/components/schemas/IntegrationActionRequest', message: `"${actionType}" is not a published action type` }];
			pointer = `#/components/schemas/IntegrationActionRequest/oneOf/${index}`;
		}
		return this.run(pointer, body ?? {}, 'body');
	}

	private run(pointer: string, value: unknown, where: string): Violation[] {
		let validate = this.compiled.get(pointer);
		if (!validate) {
			validate = this.ajv.compile({ $ref: `${SPEC_ID}${pointer}` });
			this.compiled.set(pointer, validate);
		}
		if (validate(value)) return [];
		return collapseAnyOf(validate.errors ?? []).map((error) => toViolation(error, where, pointer));
	}
}

/** Template segments bound to a path's segments, or undefined when they do not fit. */
function bindSegments(template: string[], segments: string[]): Record<string, string> | undefined {
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

function queryValues(query: URLSearchParams | undefined): Map<string, string[]> {
	const values = new Map<string, string[]>();
	query?.forEach((value, name) => values.set(name, [...(values.get(name) ?? []), value]));
	return values;
}

/** A parameter's text values as the types its schema names (OpenAPI's form style, exploded arrays). */
function coerce(parameter: OpenApiParameter, given: string[]): unknown {
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

const isIntegrationRoute = (template: string) => template === '/integrations' || template.startsWith('/integrations/');
const fallbackErrorPointer = (template: string) => `#/components/schemas/${isIntegrationRoute(template) ? 'ProblemDetails' : 'Error'}`;
const fallbackContentType = (template: string) => (isIntegrationRoute(template) ? 'application/problem+json' : 'application/json');

/**
 * An `anyOf` of `required` alternatives (rules.ts: "bodyText or bodyHtml") as one error naming them,
 * instead of one error per alternative plus the anyOf's own.
 */
function collapseAnyOf(errors: ErrorObject[]): ErrorObject[] {
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

function toViolation(error: ErrorObject, where: string, pointer: string): Violation {
	const params = error.params as Record<string, unknown>;
	const detail =
		error.keyword === 'unevaluatedProperties'
			? `has "${String(params.unevaluatedProperty)}", which the published type does not define`
			: error.keyword === 'required'
				? `misses "${String(params.missingProperty)}"`
				: error.keyword === 'enum'
					? `must be one of: ${(params.allowedValues as unknown[]).join(', ')}`
					: (error.message ?? error.keyword);
	const schemaPath = error.schemaPath.startsWith('#') ? `${pointer}${error.schemaPath.slice(1)}` : error.schemaPath.replace(SPEC_ID, '');
	return { location: `${where}${error.instancePath}`, schemaPath, message: detail };
}

/** One line per violation, for errors and test failures. */
export function describeViolations(violations: Violation[]): string {
	return violations.map((violation) => `${violation.location}: ${violation.message} (${violation.schemaPath})`).join('\n');
}

let shared: HubApiValidator | undefined;

/** One validator per process: compiling the types takes a moment. */
export function hubApiValidator(): HubApiValidator {
	shared ??= new HubApiValidator();
	return shared;
}
