import { notFound } from '../core/errors';
import type { Router } from '../core/router';
import { json } from './routing';
import type { Community, CommunityRecord, ResourceState } from './state';

/** By slug (the documented key) or, for convenience, by id. */
function findCommunity(data: ResourceState, key: string): CommunityRecord {
	const community =
		Object.values(data.communities).find((candidate) => candidate.slug === key) ?? data.communities[key];
	if (!community) throw notFound('Community');
	return community;
}

function toCommunity(record: CommunityRecord): Community {
	return {
		id: record.id,
		slug: record.slug,
		name: record.name,
		description: record.description,
		isPublic: record.isPublic,
	};
}

export function registerCommunityRoutes(router: Router): void {
	router.add('GET', '/api/communities/:slug', ({ hub, req }) => {
		hub.authenticate(req, 'discussions:read');
		return json(toCommunity(findCommunity(hub.state.data, req.params.slug)));
	});

	router.add('GET', '/api/communities/:id/categories', ({ hub, req }) => {
		hub.authenticate(req, 'discussions:read');
		const data = hub.state.data;
		const community = findCommunity(data, req.params.id);
		const items = Object.values(data.categories)
			.filter((category) => category.communityId === community.id)
			.sort((a, b) => a.displayOrder - b.displayOrder);
		return json({ items });
	});
}
