import { existsSync } from 'fs';
import path from 'path';
import type { JsonObject, OpenApiDocument } from './schemas';

/*
 * What differs between two copies of the Hub's published types, per route: the project's copy
 * (hub-openapi.json) and the shared one beside the repository (`../shared/hub-openapi.json`). Each
 * operation is compared with every schema it references resolved, so a change to a component is
 * reported on each route that uses it (`POST /integrations/connect: requestBody/.../oneOf/5: added`).
 */

/** Where the shared copy sits: `../shared/hub-openapi.json` from the repository root (CI puts it there). */
export const SHARED_SPEC_FILE = path.resolve(__dirname, '..', '..', '..', 'shared', 'hub-openapi.json');

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
/** Differences listed per route at most; the rest are counted. */
const DETAILS_PER_ROUTE = 5;

export interface RouteDrift {
	/** `GET /integrations/providers/{providerId}/install-url`, or `(document)` for the rest of the file. */
	route: string;
	/** What differs, one line each: `<where>: only in <name>` or `<where>: <ours> → <theirs>`. */
	differences: string[];
}

function isObject(value: unknown): value is JsonObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The node with every `$ref` into the same document replaced by its target (cycles left as the `$ref`). */
function resolved(document: OpenApiDocument, node: unknown, seen: string[] = []): unknown {
	if (Array.isArray(node)) return node.map((child) => resolved(document, child, seen));
	if (!isObject(node)) return node;
	const ref = node.$ref;
	if (typeof ref === 'string' && ref.startsWith('#/') && !seen.includes(ref)) {
		const target = ref
			.slice(2)
			.split('/')
			.reduce<unknown>((at, key) => (isObject(at) ? at[key.replace(/~1/g, '/').replace(/~0/g, '~')] : undefined), document);
		return resolved(document, target, [...seen, ref]);
	}
	return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, resolved(document, value, seen)]));
}

const shown = (value: unknown) => {
	const text = JSON.stringify(value);
	return text.length > 80 ? `${text.slice(0, 77)}...` : text;
};

/** Every place two JSON values differ, as `where: what`. */
function differencesOf(ours: unknown, theirs: unknown, names: [string, string], where = ''): string[] {
	const at = where || '(whole)';
	if (isObject(ours) && isObject(theirs)) {
		const keys = [...new Set([...Object.keys(ours), ...Object.keys(theirs)])];
		return keys.flatMap((key) => {
			if (!(key in theirs)) return [`${where}/${key}: only in ${names[0]}`];
			if (!(key in ours)) return [`${where}/${key}: only in ${names[1]}`];
			return differencesOf(ours[key], theirs[key], names, `${where}/${key}`);
		});
	}
	if (Array.isArray(ours) && Array.isArray(theirs)) {
		const length = Math.max(ours.length, theirs.length);
		return Array.from({ length }, (_, index) => {
			if (index >= theirs.length) return [`${where}/${index}: only in ${names[0]}`];
			if (index >= ours.length) return [`${where}/${index}: only in ${names[1]} (${shown(theirs[index])})`];
			return differencesOf(ours[index], theirs[index], names, `${where}/${index}`);
		}).flat();
	}
	return JSON.stringify(ours) === JSON.stringify(theirs) ? [] : [`${at}: ${shown(ours)} → ${shown(theirs)}`];
}

function operationsOf(document: OpenApiDocument): Map<string, unknown> {
	const operations = new Map<string, unknown>();
	for (const [template, verbs] of Object.entries(document.paths ?? {})) {
		for (const [verb, operation] of Object.entries(verbs)) {
			if (METHODS.includes(verb)) operations.set(`${verb.toUpperCase()} ${template}`, resolved(document, operation));
		}
	}
	return operations;
}

function capped(differences: string[]): string[] {
	if (differences.length <= DETAILS_PER_ROUTE) return differences;
	return [...differences.slice(0, DETAILS_PER_ROUTE), `... and ${differences.length - DETAILS_PER_ROUTE} more`];
}

/**
 * The routes whose published types differ between `ours` and `theirs` (`names` say which is which in
 * the messages), then `(document)` for anything else in the file (info, servers, unused components).
 */
export function specDrift(ours: OpenApiDocument, theirs: OpenApiDocument, names: [string, string] = ['ours', 'theirs']): RouteDrift[] {
	const mine = operationsOf(ours);
	const other = operationsOf(theirs);
	const drift: RouteDrift[] = [];
	for (const route of [...new Set([...mine.keys(), ...other.keys()])].sort()) {
		if (!other.has(route)) drift.push({ route, differences: [`the route is only in ${names[0]}`] });
		else if (!mine.has(route)) drift.push({ route, differences: [`the route is only in ${names[1]}`] });
		else {
			const differences = differencesOf(mine.get(route), other.get(route), names);
			if (differences.length) drift.push({ route, differences: capped(differences) });
		}
	}
	const { paths: _ours, ...restOfOurs } = ours;
	const { paths: _theirs, ...restOfTheirs } = theirs;
	const rest = differencesOf(restOfOurs, restOfTheirs, names);
	if (rest.length) drift.push({ route: '(document)', differences: capped(rest) });
	return drift;
}

/** The drift as a report: a line per route, its differences indented below. */
export function describeDrift(drift: RouteDrift[]): string {
	return drift.map(({ route, differences }) => [route, ...differences.map((line) => `  ${line}`)].join('\n')).join('\n');
}

/** The shared copy's file when it is on this machine (`HUB_OPENAPI_SHARED` overrides where to look). */
export function sharedSpecFile(): string | undefined {
	const file = process.env.HUB_OPENAPI_SHARED || SHARED_SPEC_FILE;
	return existsSync(file) ? file : undefined;
}
