import { readFileSync } from 'fs';
import path from 'path';
import { ARRAY_ANSWERS } from '../../nodes/AgenticDeveloperHub/transport/answerShape';

interface Schema {
	$ref?: string;
	type?: string;
}
interface OpenApi {
	paths: Record<string, Record<string, { responses?: Record<string, { content?: Record<string, { schema?: Schema }> }> }>>;
	components: { schemas: Record<string, Schema> };
}

/** The published types (the project's copy, the drift test keeps it equal to ../shared). */
const spec = JSON.parse(readFileSync(path.join(__dirname, '../openapi/hub-openapi.json'), 'utf8')) as OpenApi;

function resolved(schema: Schema): Schema {
	let current = schema;
	for (let depth = 0; current.$ref && depth < 10; depth++) current = spec.components.schemas[current.$ref.split('/').pop()!];
	return current;
}

describe("the transport's answer types, against the Hub's published types", () => {
	it('lists exactly the routes whose JSON success answer is an array; every other JSON answer is an object', () => {
		const arrays: string[] = [];
		const others: string[] = [];
		for (const [route, operations] of Object.entries(spec.paths)) {
			for (const [method, operation] of Object.entries(operations)) {
				for (const [status, answer] of Object.entries(operation.responses ?? {})) {
					const schema = answer.content?.['application/json']?.schema;
					if (!status.startsWith('2') || !schema) continue;
					const type = resolved(schema).type ?? 'object';
					(type === 'array' ? arrays : type === 'object' ? [] : others).push(`${method.toUpperCase()} /api${route}`);
				}
			}
		}
		expect(new Set(arrays)).toEqual(ARRAY_ANSWERS);
		expect(others).toEqual([]);
	});
});
