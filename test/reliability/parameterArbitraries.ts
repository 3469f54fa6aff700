import fc from 'fast-check';
import type { INodeProperties, INodeParameters, INodeTypeDescription } from 'n8n-workflow';
import type { Hub } from '../hub';

/** Strings that have broken clients before: empty, blank, traversal, absolute URLs, control and wide characters, oversize. */
const NASTY_STRINGS = [
	'',
	'   ',
	'../../api/auth/me',
	'..%2F..%2Fapi%2Fauth%2Fme',
	'/api/auth/me',
	'a/b?c=d#e',
	'http://127.0.0.1:9/steal',
	'https://evil.example.com/c/agentic-builders/t/123',
	'//evil.example.com/x',
	'\u0000\u0001',
	'\u202e\ud83c\udf89',
	'{"title":"x"}',
	'null',
	'x'.repeat(600),
	'1e309',
	'-1',
];

/** Values of the wrong type for any parameter. */
const WRONG_TYPES = [null, 0, -5, 1.5, true, 'text', [], {}];

/** Ids that exist in the sandbox, so that some generated requests reach real records. */
export function knownIds(hub: Hub): string[] {
	const data = hub.state.data;
	return [
		...Object.keys(data.topics).slice(0, 3),
		...Object.keys(data.posts).slice(0, 3),
		...Object.keys(data.chats).slice(0, 2),
		...Object.keys(data.notifications).slice(0, 2),
		...Object.values(data.communities).flatMap((community) => [community.id, community.slug]),
		...Object.keys(data.categories).slice(0, 2),
		...Object.keys(data.connections).slice(0, 2),
		...data.providers.slice(0, 2).map((provider) => provider.providerId),
		...data.ecosystems.map((ecosystem) => ecosystem.id),
		...hub.info().users.map((user) => user.id),
	];
}

/** n8n evaluates a string that starts with `=` as an expression; fuzz the node, not the expression engine. */
const plainString = fc.string({ maxLength: 40 }).map((text) => (text.startsWith('=') ? ` ${text}` : text));

function stringValue(ids: string[]): fc.Arbitrary<unknown> {
	return fc.oneof({ arbitrary: fc.constantFrom(...ids), weight: 3 }, { arbitrary: fc.constantFrom(...NASTY_STRINGS), weight: 3 }, { arbitrary: plainString, weight: 2 });
}

function numberValue(): fc.Arbitrary<unknown> {
	return fc.oneof(fc.integer({ min: -10, max: 1_000 }), fc.constantFrom(0, -1, 1.5, Number.NaN, Number.MAX_SAFE_INTEGER, 1e21), fc.double());
}

function optionValues(property: INodeProperties): unknown[] {
	return (property.options ?? []).map((option) => (option as { value?: unknown }).value).filter((value) => value !== undefined);
}

/** A value for one property of the node's description: usually of its type, sometimes of another. */
export function valueFor(property: INodeProperties, ids: string[]): fc.Arbitrary<unknown> {
	const typed = ((): fc.Arbitrary<unknown> => {
		switch (property.type) {
			case 'string':
				return stringValue(ids);
			case 'number':
				return numberValue();
			case 'boolean':
				return fc.boolean();
			case 'options':
			case 'multiOptions': {
				// Options loaded from the Hub at edit time have no static list: any string may arrive.
				const values = optionValues(property);
				const one = values.length > 0 ? fc.oneof({ arbitrary: fc.constantFrom(...values), weight: 4 }, { arbitrary: fc.constant('not-an-option'), weight: 1 }) : stringValue(ids);
				return property.type === 'options' ? one : fc.array(one, { maxLength: 3 });
			}
			case 'json':
				return fc.oneof(fc.json({ maxDepth: 2 }), stringValue(ids));
			case 'resourceLocator': {
				const modes = (property.modes ?? []).map((mode) => mode.name);
				// The editor fixes the mode; expressions and AI agents fill only the value.
				return fc.record({ __rl: fc.constant(true), mode: fc.constantFrom(...modes), value: stringValue(ids) });
			}
			case 'collection': {
				const inner = (property.options ?? []) as INodeProperties[];
				return fc.record(Object.fromEntries(inner.map((option) => [option.name, valueFor(option, ids)])), { requiredKeys: [] });
			}
			default:
				return fc.constant(property.default);
		}
	})();
	return fc.oneof({ arbitrary: typed, weight: 9 }, { arbitrary: fc.constantFrom(...WRONG_TYPES), weight: 1 });
}

/** Every resource / operation pair the node offers. */
export function operationsOf(description: INodeTypeDescription): Array<{ resource: string; operation: string }> {
	return description.properties
		.filter((property) => property.name === 'operation')
		.flatMap((property) => {
			const resources = (property.displayOptions?.show?.resource ?? []) as string[];
			return resources.flatMap((resource) => optionValues(property).map((operation) => ({ resource, operation: String(operation) })));
		});
}

/** The properties shown for one operation (their own display conditions are left to n8n). */
function propertiesOf(description: INodeTypeDescription, resource: string, operation: string): INodeProperties[] {
	return description.properties.filter((property) => {
		const show = property.displayOptions?.show;
		if (!show || ['resource', 'operation', 'authentication'].includes(property.name)) return false;
		const resources = show.resource as string[] | undefined;
		const operations = show.operation as string[] | undefined;
		return (!resources || resources.includes(resource)) && (!operations || operations.includes(operation));
	});
}

/** Parameters for one operation: each of its properties present or absent, with a generated value. */
export function parametersFor(description: INodeTypeDescription, resource: string, operation: string, ids: string[]): fc.Arbitrary<INodeParameters> {
	const properties = propertiesOf(description, resource, operation);
	return fc
		.record(Object.fromEntries(properties.map((property) => [property.name, valueFor(property, ids)])), { requiredKeys: [] })
		.map((generated) => ({ ...(generated as INodeParameters), resource, operation }));
}
