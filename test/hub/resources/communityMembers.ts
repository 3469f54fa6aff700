import { z } from 'zod';
import { conflict, forbidden, notFound, validationError } from '../core/errors';
import type { Router } from '../core/router';
import { validate } from '../core/validate';
import type { Hub } from '../hub';
import type { UserRecord } from '../state';
import { json, listPage, noContent, pageOf } from './routing';
import type { Category, CommunityRecord, ResourceState } from './state';
import { activeTopics, TOPICS_MAX_PAGE_SIZE } from './topics';
import { iso, isCommunityAdmin, toTopic, worldOf } from './world';

/*
 * The community routes of hub-openapi.json beyond Get and Get Many Categories (communities.ts):
 * categories (write), members, my membership, directory, profiles and the community's topics.
 * Roles (hub-api.md section 3): only community admins manage members and categories; only members
 * list the members; anyone signed in reads the directory and profiles.
 */

export const PROFILES_MAX_IDS = 200;
const TOPICS_DEFAULT_PAGE_SIZE = 20;
const ROLES = ['admin', 'moderator', 'member'] as const;

interface MemberRecord {
	communityId: string;
	customerId: string;
	role: string;
	bio: string | null;
	createdAt: string;
	updatedAt: string;
}

/** Members live beside the resource state (kept with it by `--state`), per community, then user. */
type MemberData = ResourceState & { communityMembers?: Record<string, Record<string, MemberRecord>> };

/** By slug or id, like communities.ts. */
function communityOf(data: ResourceState, key: string): CommunityRecord {
	const community = Object.values(data.communities).find((candidate) => candidate.slug === key) ?? data.communities[key];
	if (!community) throw notFound('Community');
	return community;
}

/** A community's members; first seeded from its admins and the authors of its topics and posts. */
function membersOf(data: MemberData, community: CommunityRecord): Record<string, MemberRecord> {
	data.communityMembers ??= {};
	let members = data.communityMembers[community.id];
	if (!members) {
		members = {};
		const topics = Object.values(data.topics).filter((topic) => topic.communityId === community.id);
		const topicIds = new Set(topics.map((topic) => topic.id));
		const authors = [
			...topics.map((topic) => ({ id: topic.customerId, at: topic.createdAt })),
			...Object.values(data.posts)
				.filter((post) => topicIds.has(post.topicId))
				.map((post) => ({ id: post.customerId, at: post.createdAt })),
		].sort((a, b) => a.at.localeCompare(b.at));
		for (const author of authors) {
			members[author.id] ??= { communityId: community.id, customerId: author.id, role: 'member', bio: null, createdAt: author.at, updatedAt: author.at };
		}
		const first = authors[0]?.at ?? '2026-01-01T00:00:00.000Z';
		for (const adminId of community.adminUserIds) {
			members[adminId] = { ...(members[adminId] ?? { bio: null, createdAt: first, updatedAt: first }), communityId: community.id, customerId: adminId, role: 'admin' };
		}
		data.communityMembers[community.id] = members;
	}
	return members;
}

function requireAdmin(data: ResourceState, community: CommunityRecord, userId: string, what: string): void {
	if (!isCommunityAdmin(data, community.id, userId)) throw forbidden(`Only community admins can ${what}`);
}

function profileOf(user: UserRecord) {
	return { customerId: user.id, displayName: user.name, slug: user.slug ?? user.id, avatarUrl: user.avatarUrl };
}

const categoryFields = {
	slug: z.string().min(1).max(120),
	name: z.string().min(1).max(200),
	description: z.string().max(2000).optional(),
	color: z.string().max(16).optional(),
	displayOrder: z.number().int().min(0).optional(),
};
const createCategoryBody = z.object(categoryFields);
const updateCategoryBody = z
	.object({ ...categoryFields, slug: categoryFields.slug.optional(), name: categoryFields.name.optional(), isPublic: z.boolean().optional(), isArchived: z.boolean().optional() })
	.refine((body) => Object.keys(body).length > 0, { message: 'Send at least one field' });
const addMemberBody = z.object({ customerId: z.string().min(1).max(36), role: z.enum(ROLES) });
const myMembershipBody = z.object({ bio: z.string().max(200) });

function slugTaken(data: ResourceState, communityId: string, slug: string, except?: string): boolean {
	return Object.values(data.categories).some((category) => category.communityId === communityId && category.slug === slug && category.id !== except);
}

function sortTopics(hub: Hub, sort: string | null, communityId: string) {
	const topics = activeTopics(hub.state.data, communityId);
	if (sort === null || sort === '' || sort === 'recent') return topics;
	if (sort !== 'popular' && sort !== 'trending') throw validationError('sort', 'sort must be recent, popular or trending');
	// Trending: replies, among topics active in the last 7 days first.
	const weekAgo = iso(hub.clock.now() - 7 * 24 * 3600_000);
	const recent = (at: string) => (sort === 'trending' && at >= weekAgo ? 1 : 0);
	return [...topics].sort((a, b) => recent(b.lastActivityAt) - recent(a.lastActivityAt) || b.replyCount - a.replyCount);
}

export function registerCommunityMemberRoutes(router: Router): void {
	router.add('GET', '/api/communities/:id/topics', ({ hub, req }) => {
		hub.authenticate(req, 'discussions:read');
		const data = hub.state.data;
		const community = communityOf(data, req.params.id);
		const categoryKey = req.query.get('category');
		let topics = sortTopics(hub, req.query.get('sort'), community.id);
		if (categoryKey) {
			const category = Object.values(data.categories).find(
				(candidate) => candidate.communityId === community.id && (candidate.id === categoryKey || candidate.slug === categoryKey),
			);
			if (!category) throw notFound('Category');
			topics = topics.filter((topic) => topic.categoryId === category.id);
		}
		const { page, pageSize } = listPage(hub, req, TOPICS_DEFAULT_PAGE_SIZE, TOPICS_MAX_PAGE_SIZE);
		return json({ items: pageOf(topics, page, pageSize).items.map(toTopic), total: topics.length });
	});

	router.add('POST', '/api/communities/:id/categories', ({ hub, req }) => {
		const { userId } = hub.authenticate(req, 'discussions:write');
		const data = hub.state.data;
		const community = communityOf(data, req.params.id);
		requireAdmin(data, community, userId, 'create categories');
		const body = validate(createCategoryBody, req.body);
		if (slugTaken(data, community.id, body.slug)) throw conflict(`The community already has a category "${body.slug}"`);
		const world = worldOf(hub);
		const at = iso(hub.clock.now());
		const displayOrder = body.displayOrder ?? Object.values(data.categories).filter((category) => category.communityId === community.id).length + 1;
		const category: Category & { color?: string | null } = {
			id: world.newId(),
			communityId: community.id,
			slug: body.slug,
			name: body.name,
			description: body.description ?? null,
			color: body.color ?? null,
			displayOrder,
			isPublic: community.isPublic,
			isArchived: false,
			createdAt: at,
			updatedAt: at,
		};
		data.categories[category.id] = category;
		return json(category, 201);
	});

	router.add('PUT', '/api/communities/:id/categories/:catId', ({ hub, req }) => {
		const { userId } = hub.authenticate(req, 'discussions:write');
		const data = hub.state.data;
		const community = communityOf(data, req.params.id);
		const category = data.categories[req.params.catId];
		if (!category || category.communityId !== community.id) throw notFound('Category');
		requireAdmin(data, community, userId, 'change categories');
		const changes = validate(updateCategoryBody, req.body);
		if (changes.slug !== undefined && slugTaken(data, community.id, changes.slug, category.id)) {
			throw conflict(`The community already has a category "${changes.slug}"`);
		}
		Object.assign(category, changes, { updatedAt: iso(hub.clock.now()) });
		return json(category);
	});

	router.add('GET', '/api/communities/:id/members', ({ hub, req }) => {
		const { userId } = hub.authenticate(req, 'discussions:read');
		const community = communityOf(hub.state.data, req.params.id);
		const members = membersOf(hub.state.data, community);
		if (!members[userId]) throw forbidden('Only members of the community can list its members');
		return json({ items: Object.values(members) });
	});

	router.add('POST', '/api/communities/:id/members', ({ hub, req }) => {
		const { userId } = hub.authenticate(req, 'discussions:write');
		const data = hub.state.data;
		const community = communityOf(data, req.params.id);
		requireAdmin(data, community, userId, 'add members');
		const body = validate(addMemberBody, req.body);
		if (!hub.state.auth.users[body.customerId]) throw notFound('User');
		const members = membersOf(data, community);
		const at = iso(hub.clock.now());
		// Adding someone who is already a member sets their role: the same request twice is one member.
		const member = { ...(members[body.customerId] ?? { bio: null, createdAt: at }), communityId: community.id, customerId: body.customerId, role: body.role, updatedAt: at };
		members[body.customerId] = member;
		if (body.role === 'admin' && !community.adminUserIds.includes(body.customerId)) community.adminUserIds.push(body.customerId);
		return json(member, 201);
	});

	router.add('GET', '/api/communities/:id/members/me', ({ hub, req }) => {
		const { userId } = hub.authenticate(req, 'discussions:read');
		const community = communityOf(hub.state.data, req.params.id);
		return json({ role: membersOf(hub.state.data, community)[userId]?.role ?? null });
	});

	router.add('PUT', '/api/communities/:id/members/me', ({ hub, req }) => {
		const { userId } = hub.authenticate(req, 'discussions:write');
		const community = communityOf(hub.state.data, req.params.id);
		const member = membersOf(hub.state.data, community)[userId];
		if (!member) throw forbidden('Only members of the community have a membership to update');
		const { bio } = validate(myMembershipBody, req.body);
		Object.assign(member, { bio, updatedAt: iso(hub.clock.now()) });
		return json(member);
	});

	router.add('DELETE', '/api/communities/:id/members/:customerId', ({ hub, req }) => {
		const { userId } = hub.authenticate(req, 'discussions:write');
		const data = hub.state.data;
		const community = communityOf(data, req.params.id);
		const members = membersOf(data, community);
		const { customerId } = req.params;
		if (customerId !== userId) requireAdmin(data, community, userId, 'remove other members');
		if (!members[customerId]) throw notFound('Member');
		delete members[customerId];
		community.adminUserIds = community.adminUserIds.filter((id) => id !== customerId);
		return noContent();
	});

	router.add('GET', '/api/communities/:id/directory', ({ hub, req }) => {
		hub.authenticate(req, 'discussions:read');
		const data = hub.state.data;
		const community = communityOf(data, req.params.id);
		const topics = Object.values(data.topics).filter((topic) => topic.communityId === community.id && !topic.deletedAt);
		const items = Object.values(membersOf(data, community)).map((member) => {
			const user = hub.state.auth.users[member.customerId];
			const own = topics.filter((topic) => topic.customerId === member.customerId);
			const postCount = Object.values(data.posts).filter(
				(post) => post.customerId === member.customerId && !post.deletedAt && topics.some((topic) => topic.id === post.topicId),
			).length;
			return {
				customerId: member.customerId,
				role: member.role,
				bio: member.bio,
				joinedAt: member.createdAt,
				displayName: user?.name ?? null,
				slug: user?.slug ?? null,
				avatarUrl: user?.avatarUrl ?? null,
				postCount,
				activeCategoryIds: [...new Set(own.map((topic) => topic.categoryId).filter((id): id is string => id !== null))],
			};
		});
		return json({ items });
	});

	router.add('GET', '/api/communities/:id/profiles', ({ hub, req }) => {
		hub.authenticate(req, 'discussions:read');
		communityOf(hub.state.data, req.params.id);
		const users = Object.values(hub.state.auth.users);
		const ids = req.query.get('ids');
		const query = req.query.get('q')?.trim().toLowerCase();
		if (ids) {
			const wanted = ids.split(',').map((id) => id.trim()).filter(Boolean);
			if (wanted.length > PROFILES_MAX_IDS) throw validationError('ids', `ids takes at most ${PROFILES_MAX_IDS} user ids`);
			return json({ items: users.filter((user) => wanted.includes(user.id)).map(profileOf) });
		}
		if (!query) throw validationError('ids', 'Send ids (comma-separated user ids) or q (a name to look for)');
		const found = users.filter((user) => user.name.toLowerCase().includes(query) || (user.slug ?? '').toLowerCase().includes(query));
		return json({ items: found.map(profileOf) });
	});
}
