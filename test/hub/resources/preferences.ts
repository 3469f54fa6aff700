import { z } from 'zod';
import { conflict, validationError } from '../core/errors';
import type { Router } from '../core/router';
import { validate } from '../core/validate';
import type { Hub } from '../hub';
import { json, noContent } from './routing';
import { NOTIFICATION_CATEGORIES, type NotificationCategory, type NotificationPreferenceRecord as NotificationPreference } from './state';

/**
 * Notification preferences (`GET|POST|PUT /api/notifications/preferences`,
 * `GET /{category}`, `DELETE /{id}`). Choices where the types are silent: a category nobody set
 * reads as the default (email and in-app on, SMS off); the list has all ten categories; the `id`
 * of DELETE is the category, and deleting returns the category to the default.
 */

const DEFAULT_CHANNELS = { email: true, sms: false, inApp: true };

const preferenceInput = z.object({
	category: z.enum(NOTIFICATION_CATEGORIES),
	email: z.boolean(),
	sms: z.boolean(),
	inApp: z.boolean().optional(),
});
const putBody = z.object({ preferences: z.array(preferenceInput).min(1) });

/** The caller's stored preferences (only the categories they set). */
function storedOf(hub: Hub, userId: string): Partial<Record<NotificationCategory, NotificationPreference>> {
	const all = (hub.state.data.notificationPreferences ??= {});
	return (all[userId] ??= {});
}

function effective(hub: Hub, userId: string, category: NotificationCategory): NotificationPreference {
	return storedOf(hub, userId)[category] ?? { category, ...DEFAULT_CHANNELS };
}

function everyPreference(hub: Hub, userId: string): NotificationPreference[] {
	return NOTIFICATION_CATEGORIES.map((category) => effective(hub, userId, category));
}

function categoryOf(value: string, field: string): NotificationCategory {
	if (!NOTIFICATION_CATEGORIES.includes(value as NotificationCategory)) {
		throw validationError(field, `${field} must be one of ${NOTIFICATION_CATEGORIES.join(', ')}`);
	}
	return value as NotificationCategory;
}

function store(hub: Hub, userId: string, input: z.infer<typeof preferenceInput>): void {
	const previous = effective(hub, userId, input.category);
	storedOf(hub, userId)[input.category] = { ...input, inApp: input.inApp ?? previous.inApp };
}

export function registerPreferenceRoutes(router: Router): void {
	router.add('GET', '/api/notifications/preferences', ({ hub, req }) => {
		const { userId } = hub.authenticate(req, 'discussions:read');
		return json({ preferences: everyPreference(hub, userId) });
	});

	router.add('POST', '/api/notifications/preferences', ({ hub, req }) => {
		const { userId } = hub.authenticate(req, 'discussions:write');
		const input = validate(preferenceInput, req.body);
		if (storedOf(hub, userId)[input.category]) throw conflict(`A preference for ${input.category} exists: update it with PUT`);
		store(hub, userId, input);
		return json({ preferences: everyPreference(hub, userId) }, 201);
	});

	router.add('PUT', '/api/notifications/preferences', ({ hub, req }) => {
		const { userId } = hub.authenticate(req, 'discussions:write');
		const { preferences } = validate(putBody, req.body);
		for (const input of preferences) store(hub, userId, input);
		return json({ preferences: everyPreference(hub, userId) });
	});

	router.add('GET', '/api/notifications/preferences/:category', ({ hub, req }) => {
		const { userId } = hub.authenticate(req, 'discussions:read');
		return json(effective(hub, userId, categoryOf(req.params.category, 'category')));
	});

	router.add('DELETE', '/api/notifications/preferences/:id', ({ hub, req }) => {
		const { userId } = hub.authenticate(req, 'discussions:write');
		delete storedOf(hub, userId)[categoryOf(req.params.id, 'id')];
		return noContent();
	});
}
