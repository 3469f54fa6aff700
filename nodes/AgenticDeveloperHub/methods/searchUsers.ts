import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';
import { hubRequest } from '../helpers/api';

/** People whose name or slug contains the typed text (`GET /users/search` needs some text: none, no list). */
export async function searchUsers(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const q = filter?.trim();
	if (!q) return { results: [] };
	const hits = await hubRequest<IDataObject[]>(this, 'GET', '/api/users/search', { qs: { q }, resource: 'user' });
	return {
		results: hits.map((hit) => ({
			name: `${hit.displayName ?? hit.slug} (${hit.slug}${hit.kind === 'organization' ? ', organization' : ''})`,
			value: String(hit.slug),
		})),
	};
}
