import { readFileSync } from 'fs';
import path from 'path';
import { ERROR_EXTENSIONS, WORDED_RULES } from './rules';

/*
 * The Hub's published types (`hub-openapi.json`, a copy of the shared hub-openapi.json beside hub-api.md) made strict:
 * every object schema that does not say what else it allows gets `unevaluatedProperties: false` (a field
 * the Hub does not define is our bug, even where the Hub would ignore it), plus the rules of rules.ts.
 */

export type JsonObject = Record<string, unknown>;

export interface OpenApiParameter {
	name: string;
	in: 'path' | 'query' | 'header' | 'cookie';
	required?: boolean;
	schema?: JsonObject;
}

export interface OpenApiOperation {
	operationId: string;
	parameters?: OpenApiParameter[];
	requestBody?: { content: Record<string, { schema: JsonObject }> };
	responses: Record<string, { content?: Record<string, { schema: JsonObject }> }>;
}

export interface OpenApiDocument {
	info: { version: string };
	paths: Record<string, Record<string, OpenApiOperation>>;
	components: { schemas: Record<string, JsonObject> };
}

export const SPEC_FILE = path.join(__dirname, 'hub-openapi.json');

function isObject(value: unknown): value is JsonObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Whether a schema node describes an object whose other properties it leaves unsaid. */
function isOpenObject(node: JsonObject): boolean {
	const describesObject = node.type === 'object' || isObject(node.properties);
	return describesObject && !('additionalProperties' in node) && !('unevaluatedProperties' in node);
}

/** Closes every open object schema below `node` (in place). */
function closeObjects(node: unknown): void {
	if (Array.isArray(node)) {
		node.forEach(closeObjects);
		return;
	}
	if (!isObject(node)) return;
	for (const value of Object.values(node)) closeObjects(value);
	if (isOpenObject(node)) node.unevaluatedProperties = false;
}

/** Merges a worded rule into a schema: `properties` member by member, anything else as is. */
function applyRule(schema: JsonObject, rule: JsonObject): void {
	for (const [keyword, value] of Object.entries(rule)) {
		if (keyword === 'properties' && isObject(value) && isObject(schema.properties)) {
			for (const [name, extra] of Object.entries(value)) {
				const properties = schema.properties as Record<string, JsonObject>;
				properties[name] = { ...properties[name], ...(extra as JsonObject) };
			}
		} else {
			schema[keyword] = value;
		}
	}
}

/** Every schema node that carries a `title`, found anywhere in the document. */
function titledSchemas(node: unknown, found: Map<string, JsonObject> = new Map()): Map<string, JsonObject> {
	if (Array.isArray(node)) node.forEach((child) => titledSchemas(child, found));
	else if (isObject(node)) {
		if (typeof node.title === 'string' && (node.type === 'object' || isObject(node.properties))) found.set(node.title, node);
		Object.values(node).forEach((child) => titledSchemas(child, found));
	}
	return found;
}

export function readSpec(file = SPEC_FILE): OpenApiDocument {
	return JSON.parse(readFileSync(file, 'utf8')) as OpenApiDocument;
}

/** The published document with the strict rules applied (a fresh copy each call). */
export function strictSpec(file = SPEC_FILE): OpenApiDocument {
	const spec = readSpec(file);
	const { schemas } = spec.components;
	const titled = titledSchemas(schemas);
	for (const [title, rule] of Object.entries(WORDED_RULES)) {
		const schema = titled.get(title) ?? schemas[title];
		if (!schema) throw new Error(`rules.ts names the schema "${title}", which hub-openapi.json does not have`);
		applyRule(schema, rule as JsonObject);
	}
	for (const [where, extra] of Object.entries(ERROR_EXTENSIONS)) {
		const [name, property] = where.split('.');
		let schema = schemas[name];
		if (property) schema = (schema?.properties as Record<string, JsonObject> | undefined)?.[property] as JsonObject;
		if (!isObject(schema) || !isObject(schema.properties)) throw new Error(`rules.ts extends "${where}", which hub-openapi.json does not have`);
		Object.assign(schema.properties, extra);
	}
	closeObjects(spec.paths);
	closeObjects(spec.components);
	return spec;
}
