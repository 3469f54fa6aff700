import { NodeOperationError, type IDataObject } from 'n8n-workflow';
import type { HubContext } from '../transport';
import { hubRequest } from './api';
import { readLocator } from './locators';

/** The default ecosystem's ID per run of a node (one lookup serves every item); failures are not kept. */
const defaults = new WeakMap<object, Promise<string>>();

async function lookUpDefault(context: HubContext, itemIndex: number): Promise<string> {
	const ecosystems = await hubRequest<IDataObject[]>(context, 'GET', '/api/ecosystem/ecosystems', { itemIndex });
	const found = (Array.isArray(ecosystems) ? ecosystems : []).find((ecosystem) => ecosystem.isDefault === true);
	if (!found) {
		throw new NodeOperationError(context.getNode(), 'Your Hub account has no default ecosystem', {
			description: 'Choose the Ecosystem explicitly (From List or by ID).',
			itemIndex,
		});
	}
	return String(found.id);
}

/**
 * The ID behind an ecosystem locator, or, when it is empty, the caller's default ecosystem
 * (`GET /ecosystem/ecosystems`, `isDefault`): `GET /integrations` needs an `ecosystemId`.
 */
export async function ecosystemIdOrDefault(context: HubContext, raw: unknown, itemIndex = 0): Promise<string> {
	const chosen = readLocator.call(context, raw, 'ecosystem', 'Ecosystem', itemIndex);
	if (chosen) return chosen.value;
	let pending = defaults.get(context);
	if (!pending) {
		pending = lookUpDefault(context, itemIndex);
		defaults.set(context, pending);
		pending.catch(() => defaults.delete(context));
	}
	return await pending;
}
