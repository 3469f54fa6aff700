import { z } from 'zod';
import { conflict, forbidden, notFound, validationError } from '../core/errors';
import type { Router } from '../core/router';
import { validate } from '../core/validate';
import { userProfile } from '../oauth/routes';
import type { UserRecord } from '../state';
import { json } from './routing';

/**
 * People: `GET /api/users/search`, `GET /api/users/{slug}` (`discussions:read`) and
 * `PATCH /api/auth/me` (a personal API token only: hub-api.md section 3 names no scope for it).
 * A user is findable when they have a slug, a public profile and are not `private`.
 */

/** The published types give no date a user joined: the sandbox's users all joined then. */
const JOINED_AT = '2026-01-01T00:00:00.000Z';

const SLUG = /^[a-z0-9][a-z0-9_-]{1,63}$/;

const updateMeBody = z
	.object({
		name: z.string().min(1).max(255).optional(),
		slug: z.string().regex(SLUG).optional(),
		avatarUrl: z.string().url().max(1024).optional(),
		publicProfileEnabled: z.boolean().optional(),
		profileVisibility: z.enum(['public', 'hub', 'private']).optional(),
	})
	.strict();

function findable(user: UserRecord): user is UserRecord & { slug: string } {
	return user.slug !== null && user.publicProfileEnabled && user.profileVisibility !== 'private';
}

export function registerPeopleRoutes(router: Router): void {
	router.add('GET', '/api/users/search', ({ hub, req }) => {
		hub.authenticate(req, 'discussions:read');
		const q = (req.query.get('q') ?? '').trim().toLowerCase();
		if (!q) throw validationError('q', 'q must not be empty');
		const hits = Object.values(hub.state.auth.users)
			.filter(findable)
			.filter((user) => user.name.toLowerCase().includes(q) || user.slug.includes(q))
			.sort((a, b) => a.name.localeCompare(b.name))
			.map((user) => ({ slug: user.slug, displayName: user.name, avatarUrl: user.avatarUrl, kind: 'user' }));
		return json(hits);
	});

	router.add('GET', '/api/users/:slug', ({ hub, req }) => {
		hub.authenticate(req, 'discussions:read');
		const user = Object.values(hub.state.auth.users).find((candidate) => candidate.slug === req.params.slug);
		if (!user || !findable(user)) throw notFound('User');
		return json({
			slug: user.slug,
			displayName: user.name,
			avatarUrl: user.avatarUrl,
			createdAt: JOINED_AT,
			socialLinks: [],
			emails: [],
			phones: [],
			addresses: [],
			personas: [],
		});
	});

	router.add('PATCH', '/api/auth/me', ({ hub, req }) => {
		const { userId, kind } = hub.authenticate(req);
		if (kind !== 'personal') throw forbidden('Updating the profile needs a personal API token');
		const changes = validate(updateMeBody, req.body);
		if (Object.keys(changes).length === 0) throw validationError('body', 'Give at least one field to change');
		const user = hub.state.auth.users[userId];
		if (changes.slug !== undefined && Object.values(hub.state.auth.users).some((other) => other.id !== userId && other.slug === changes.slug)) {
			throw conflict(`The slug "${changes.slug}" is taken`);
		}
		Object.assign(user, changes);
		return json(userProfile(user));
	});
}
