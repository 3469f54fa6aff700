import { NodeOperationError } from 'n8n-workflow';
import type { ErrorContext } from './errorMessages';

/**
 * The routes whose answer the Hub's published types declare a JSON array; every other JSON answer
 * is an object (test/transport/answerShape.test.ts checks this against hub-openapi.json).
 */
export const ARRAY_ANSWERS = new Set(['GET /api/users/search', 'GET /api/ecosystem/ecosystems']);

/** An answer of another JSON type than its route publishes: no retry makes it another. */
export class UnexpectedAnswerType extends NodeOperationError {}

function kindOf(value: unknown): string {
	if (value === null) return 'null';
	if (Array.isArray(value)) return 'an array';
	if (typeof value === 'object') return 'an object';
	if (typeof value === 'boolean') return 'true or false';
	return `a ${typeof value}`;
}

/**
 * The answer of a route, checked against the type its route publishes (an object, or an array for
 * the few lists answered bare): no operation or trigger ever reads a string where it expects rows.
 * An empty answer (204) is the empty object or array.
 */
export function answerOfPublishedType(body: unknown, errorContext: ErrorContext): unknown {
	const { method, endpoint } = errorContext;
	const route = `${method} ${endpoint}`;
	const expectsArray = ARRAY_ANSWERS.has(route);
	if (body === undefined || body === '') return expectsArray ? [] : {};
	const kind = kindOf(body);
	if (kind === (expectsArray ? 'an array' : 'an object')) return body;
	throw new UnexpectedAnswerType(
		errorContext.node,
		`The Hub answered ${kind} where ${expectsArray ? 'an array' : 'an object'} was expected for ${route}`,
		{
			itemIndex: errorContext.itemIndex,
			description: "The Hub's published types promise another answer here. Check that the credential's Base URL is the Hub API's own address (without /api).",
		},
	);
}
