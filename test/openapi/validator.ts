import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { bindSegments, coerce, queryValues } from './parameters';
import { ACTION_BRANCHES } from './rules';
import { strictSpec, type JsonObject, type OpenApiDocument, type OpenApiOperation } from './schemas';
import { collapseAnyOf, indexPointers, pointerEscape, toViolation, type Violation } from './violations';

export { describeViolations, type Violation } from './violations';

/*
 * Checks requests to, and answers from, the Hub's resource routes against its published types
 * (hub-openapi.json, made strict by schemas.ts). Used by the sandbox on every request it receives and
 * every answer it gives, and by the request-shape tests. Paths are public ones (`/api/...`).
 */

export interface WireRequest {
	method: string;
	/** The public path with `/api`, without the query string. */
	path: string;
	query?: URLSearchParams;
	/** The parsed JSON body; undefined when none was sent. */
	body?: unknown;
	/** The request's Content-Type; when given with a body, it must be one the route publishes. */
	contentType?: string;
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

export class HubApiValidator {
	readonly spec: OpenApiDocument;
	private readonly ajv: Ajv2020;
	private readonly compiled = new Map<string, ValidateFunction>();
	/** Where each schema object sits in the document, so a violation names the keyword that refused it. */
	private readonly pointers = new WeakMap<object, string>();
	private readonly templates: Array<{ template: string; segments: string[] }>;

	constructor(spec: OpenApiDocument = strictSpec()) {
		this.spec = spec;
		// verbose: errors carry the schema object that refused, which `pointers` turns into its JSON pointer.
		this.ajv = new Ajv2020({ strict: false, allErrors: true, validateSchema: false, verbose: true });
		indexPointers(spec, '#', this.pointers);
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
			...this.checkBody(found, request.body, request.contentType),
		];
	}

	validateResponse(response: WireResponse): Violation[] {
		const found = this.match(response.method, response.path);
		if (!('operation' in found)) {
			// Refusing a route the types do not have is right, in the error shape of its family.
			if (response.status >= 400) return this.checkFallbackError(response, response.path.slice(API_PREFIX.length));
			return [{ location: 'route', schemaPath: '#/paths', message: `${response.method} ${response.path} is not a published route` }];
		}
		const status = String(response.status);
		const declared = found.operation.responses[status];
		const where = `response ${status}`;
		if (!declared) {
			if (response.status < 400) return [{ location: where, schemaPath: `${found.pointer}/responses`, message: `status ${status} is not published for this route` }];
			// An error status the route does not list (429, 5xx, ...): the error shape of its family.
			return this.checkFallbackError(response, found.template);
		}
		return this.checkContent(where, `${found.pointer}/responses/${status}/content`, declared.content, response, false);
	}

	private checkFallbackError(response: WireResponse, template: string): Violation[] {
		const pointer = fallbackErrorPointer(template);
		const content = { [fallbackContentType(template)]: { schema: { $ref: pointer } } };
		return this.checkContent(`response ${response.status}`, pointer, content, response, true);
	}

	/**
	 * One event's data on a stream route (`text/event-stream`): checked against the schema the route
	 * publishes for its 200 answer, which describes each event's data (`DmMessage`, `NotificationWakeEvent`).
	 */
	validateStreamEvent(event: { path: string; data: unknown }): Violation[] {
		const found = this.match('GET', event.path);
		if (!('operation' in found)) return [{ location: 'route', schemaPath: '#/paths', message: `GET ${event.path} is not a published route` }];
		const media = 'text/event-stream';
		if (!found.operation.responses['200']?.content?.[media]) {
			return [{ location: 'route', schemaPath: `${found.pointer}/responses/200`, message: `GET ${event.path} is not an event stream` }];
		}
		return this.run(`${found.pointer}/responses/200/content/${pointerEscape(media)}/schema`, event.data, 'event data');
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
		const mediaType = mediaTypeOf(response.contentType);
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

	private checkBody(found: OperationMatch, body: unknown, contentType: string | undefined): Violation[] {
		const content = found.operation.requestBody?.content;
		if (!content) {
			return body === undefined ? [] : [{ location: 'body', schemaPath: found.pointer, message: 'the route publishes no request body, but one was sent' }];
		}
		const mediaType = mediaTypeOf(contentType);
		if (body !== undefined && contentType !== undefined && !content[mediaType]) {
			const schemaPath = `${found.pointer}/requestBody/content`;
			return [{ location: 'content-type', schemaPath, message: `"${mediaType || 'none'}" is not one of ${Object.keys(content).join(', ')}` }];
		}
		let pointer = `${found.pointer}/requestBody/content/application~1json/schema`;
		const actionType = found.template.endsWith('/actions/{actionType}') ? found.params.actionType : undefined;
		if (actionType !== undefined) {
			const branch = ACTION_BRANCHES[actionType];
			const branches = (this.spec.components.schemas.IntegrationActionRequest.oneOf ?? []) as JsonObject[];
			const index = branches.findIndex((candidate) => candidate.title === branch);
			if (index < 0) return [{ location: 'path/actionType', schemaPath: '#/components/schemas/IntegrationActionRequest', message: `"${actionType}" is not a published action type` }];
			pointer = `#/components/schemas/IntegrationActionRequest/oneOf/${index}`;
		} else {
			const picked = this.discriminatedBranch(pointer, body);
			if (typeof picked !== 'string') return [picked];
			pointer = picked;
		}
		// No body at all is checked as an empty object (what a route that needs fields then misses); a JSON null is not.
		return this.run(pointer, body === undefined ? {} : body, 'body');
	}

	/**
	 * A oneOf whose branches each fix one property to a single value (`type: { enum: ['api_key'] }`) is
	 * checked against the branch the body names, so a mistake is reported once, against the branch
	 * meant, instead of against every branch. Anything else: the pointer unchanged.
	 */
	private discriminatedBranch(pointer: string, body: unknown): string | Violation {
		const { schema, at } = this.resolve(pointer);
		const branches = (schema?.oneOf ?? []) as JsonObject[];
		const constants = branches.map((branch) => singleValuedProperties(branch));
		const shared = Object.keys(constants[0] ?? {}).find((name) => constants.every((values) => name in values));
		if (!shared || !isObject(body)) return pointer;
		const index = constants.findIndex((values) => values[shared] === body[shared]);
		if (index >= 0) return `${at}/oneOf/${index}`;
		const allowed = constants.map((values) => values[shared]).join(', ');
		return { location: `body/${shared}`, schemaPath: `${at}/oneOf`, message: `must be one of: ${allowed}` };
	}

	/** The schema at a JSON pointer and where it really is, following `$ref`s within the document. */
	private resolve(pointer: string): { schema?: JsonObject; at: string } {
		let node: unknown = this.spec;
		for (const segment of pointer.replace(/^#\//, '').split('/')) {
			node = isObject(node) ? node[segment.replace(/~1/g, '/').replace(/~0/g, '~')] : undefined;
		}
		if (isObject(node) && typeof node.$ref === 'string' && node.$ref.startsWith('#/')) return this.resolve(node.$ref);
		return { schema: isObject(node) ? node : undefined, at: pointer };
	}

	private run(pointer: string, value: unknown, where: string): Violation[] {
		let validate = this.compiled.get(pointer);
		if (!validate) {
			validate = this.ajv.compile({ $ref: `${SPEC_ID}${pointer}` });
			this.compiled.set(pointer, validate);
		}
		if (validate(value)) return [];
		return collapseAnyOf(validate.errors ?? []).map((error) => {
			const at = isObject(error.parentSchema) ? this.pointers.get(error.parentSchema) : undefined;
			return toViolation(error, where, at === undefined ? error.schemaPath.replace(SPEC_ID, '') : `${at}/${error.keyword}`);
		});
	}
}

const isObject = (value: unknown): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);

const mediaTypeOf = (contentType: string | undefined) => (contentType ?? '').split(';')[0].trim().toLowerCase();

/** The properties a schema fixes to one value (`{ enum: [x] }` or `{ const: x }`). */
function singleValuedProperties(schema: JsonObject): Record<string, unknown> {
	const fixed: Record<string, unknown> = {};
	for (const [name, property] of Object.entries((schema.properties ?? {}) as Record<string, JsonObject>)) {
		if ('const' in property) fixed[name] = property.const;
		else if (Array.isArray(property.enum) && property.enum.length === 1) fixed[name] = property.enum[0];
	}
	return fixed;
}

const isIntegrationRoute = (template: string) => template === '/integrations' || template.startsWith('/integrations/');
const fallbackErrorPointer = (template: string) => `#/components/schemas/${isIntegrationRoute(template) ? 'ProblemDetails' : 'Error'}`;
const fallbackContentType = (template: string) => (isIntegrationRoute(template) ? 'application/problem+json' : 'application/json');

let shared: HubApiValidator | undefined;

/** One validator per process: compiling the types takes a moment. */
export function hubApiValidator(): HubApiValidator {
	shared ??= new HubApiValidator();
	return shared;
}
