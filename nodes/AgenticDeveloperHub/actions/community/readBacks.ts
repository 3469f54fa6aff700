import { communityRoute, listedItems } from '../../helpers/api';
import type { ReadBack } from '../../transport';

/*
 * What Create Category and Add Member made, looked up after a failure that leaves it open (the
 * transport's GuardedPost calls these), so that a lost answer is never resent blindly.
 */

/**
 * Create Category: slugs are unique in a community, so the category with this slug made since the
 * attempt began is this item's; one made before it is not (sending again then gets the Hub's 409).
 */
export function categoryReadBack(communityId: string, slug: string): ReadBack {
	return {
		did: `created the category "${slug}"`,
		where: "the community's categories",
		async find(lookup) {
			const answer = await lookup.get(communityRoute(communityId, '/categories'));
			const category = listedItems(answer).find((candidate) => candidate.slug === slug);
			if (!category) return { absent: true };
			const createdAt = typeof category.createdAt === 'string' ? Date.parse(category.createdAt) : Number.NaN;
			if (Number.isNaN(createdAt)) return { unknown: 'the Hub answered a category without a readable createdAt' };
			const earlier = lookup.created.some((made) => made.id === category.id);
			return createdAt >= lookup.since() && !earlier ? { found: category } : { absent: true };
		},
	};
}

/**
 * Add Member: adding sets a person's role, so the member with this role is what the request was to
 * make, whenever it was made.
 */
export function memberReadBack(communityId: string, customerId: string, role: string): ReadBack {
	return {
		did: `added ${customerId} as ${role}`,
		where: "the community's members",
		async find(lookup) {
			const answer = await lookup.get(communityRoute(communityId, '/members'));
			const member = listedItems(answer).find((candidate) => candidate.customerId === customerId);
			return member?.role === role ? { found: member } : { absent: true };
		},
	};
}
