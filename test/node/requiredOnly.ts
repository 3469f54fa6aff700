import {
	NodeHelpers,
	type INode,
	type INodeParameters,
	type INodeProperties,
	type INodePropertyOptions,
	type INodeTypeDescription,
} from 'n8n-workflow';

/*
 * A node's configurations with only their required fields set, from its description (the class's, or
 * the JSON a real n8n serves): shared by the in-process check (publishAtDefaults.test.ts) and the
 * real activation (test/e2e/12-conformance-publish.e2e.test.ts).
 */

const SELECTORS = ['resource', 'operation', 'event', 'events', 'authentication'];

/** Each way the node can be configured: every combination of its shown selectors (resource, operation, event...). */
export function configurations(description: INodeTypeDescription, authentication?: string): INodeParameters[] {
	const selectors = description.properties.filter((property) => property.type === 'options' && SELECTORS.includes(property.name));
	let found: INodeParameters[] = [{}];
	for (const selector of selectors) {
		const next: INodeParameters[] = [];
		for (const chosen of found) {
			if (!NodeHelpers.displayParameter(chosen, selector, { typeVersion: 1 } as INode, description, chosen)) {
				next.push(chosen);
				continue;
			}
			const values = (selector.options as INodePropertyOptions[]).map((option) => option.value);
			const picked = selector.name === 'authentication' && authentication ? values.filter((value) => value === authentication) : values;
			for (const value of picked) next.push({ ...chosen, [selector.name]: value });
		}
		found = next;
	}
	return found;
}

/** A value for a required field, or undefined for the default one. */
export type Filler = (property: INodeProperties) => INodeParameters[string] | undefined;

/** What a user types into a required field: an expression, which n8n's check accepts as filled. */
function filled(property: INodeProperties): INodeParameters[string] {
	if (property.type === 'resourceLocator') {
		const mode = (property.default as { mode?: string })?.mode ?? property.modes?.[0]?.name;
		return { __rl: true, mode, value: '={{ $json.value }}' };
	}
	if (property.type === 'number') return '={{ 1 }}';
	// A list loaded from the Hub (empty default) is mapped by expression too.
	if ((property.type === 'options' || property.type === 'multiOptions') && property.default !== '') return property.default;
	return '={{ $json.value }}';
}

function isEmpty(value: unknown): boolean {
	if (value === '' || value === undefined) return true;
	return typeof value === 'object' && value !== null && (value as { value?: unknown }).value === '';
}

/** The configuration plus every shown required field that would otherwise be empty (as stored: no defaults added). */
export function withRequiredOnly(description: INodeTypeDescription, chosen: INodeParameters, fill?: Filler): INodeParameters {
	const node: INode = { id: 'n', name: 'Hub', type: description.name, typeVersion: 1, position: [0, 0], parameters: {} };
	const parameters: INodeParameters = { ...chosen };
	// Filling one field may show another: until nothing new shows up (bounded).
	for (let round = 0; round < 5; round++) {
		node.parameters = NodeHelpers.getNodeParameters(description.properties, parameters, true, false, node, description)!;
		let changed = false;
		for (const property of description.properties) {
			if (!property.required || parameters[property.name] !== undefined) continue;
			if (!NodeHelpers.displayParameter(node.parameters, property, node, description, node.parameters)) continue;
			if (!isEmpty(node.parameters[property.name])) continue;
			parameters[property.name] = fill?.(property) ?? filled(property);
			changed = true;
		}
		if (!changed) break;
	}
	return parameters;
}

/** n8n's own check before it publishes (activates): the parameter issues of the node as stored with defaults. */
export function parameterIssues(description: INodeTypeDescription, parameters: INodeParameters): Record<string, string[]> | null {
	const node: INode = { id: 'n', name: 'Hub', type: description.name, typeVersion: 1, position: [0, 0], parameters: {} };
	node.parameters = NodeHelpers.getNodeParameters(description.properties, parameters, true, false, node, description)!;
	const issues = NodeHelpers.getNodeParametersIssues(description.properties, node, description);
	return (issues?.parameters as Record<string, string[]> | undefined) ?? null;
}
