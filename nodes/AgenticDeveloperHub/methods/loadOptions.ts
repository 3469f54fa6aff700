import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';
import { communityRoute, hubRequest } from '../helpers/api';
import { resolveCommunityId } from '../helpers/locators';

/** Categories of the node's `communityId`, in the community's display order. */
export async function getCategories(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const communityId = await resolveCommunityId.call(this, this.getCurrentNodeParameter('communityId'), 'Community');
	if (!communityId) return [];
	const { items } = await hubRequest<{ items: IDataObject[] }>(
		this,
		'GET',
		communityRoute(communityId, '/categories'),
		{ resource: 'community' },
	);
	return items.map((category) => ({ name: String(category.name), value: String(category.id) }));
}

async function providers(context: ILoadOptionsFunctions): Promise<IDataObject[]> {
	const response = await hubRequest<{ providers: IDataObject[] }>(context, 'GET', '/api/integrations/providers');
	return response.providers;
}

/** Providers that connect with the node's `connectionType` (OAuth providers connect in the Hub itself). */
export async function getProviders(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const connectionType = this.getCurrentNodeParameter('connectionType');
	return (await providers(this))
		.filter((provider) => !connectionType || provider.authMethod === connectionType)
		.map((provider) => ({
			name: String(provider.displayName),
			value: String(provider.providerId),
			description: String(provider.description ?? ''),
		}));
}

/** Service types of the node's `providerId`. */
export async function getServiceTypes(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const providerId = this.getCurrentNodeParameter('providerId');
	const provider = (await providers(this)).find((candidate) => candidate.providerId === providerId);
	return ((provider?.serviceTypes as string[]) ?? []).map((serviceType) => ({ name: serviceType, value: serviceType }));
}
