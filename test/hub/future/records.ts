import { z } from 'zod';
import type { Router } from '../core/router';
import { validate } from '../core/validate';
import type { Hub } from '../hub';
import { createNotificationIn } from '../resources/activity';
import type { NotificationCategory } from '../resources/state';
import { defaultEcosystemId, iso, worldOf } from '../resources/world';
import { FUTURE } from './values';

/*
 * Records of kinds this package has never seen, kept in the Hub's state (their fields are plain
 * strings in the published types, so they pass its checks): notifications of a new category, and
 * a connection of a new provider in a new status. Made when the future mode is switched on, and
 * on demand (`POST /__sandbox/future` `{ notifications: { userId, count } }`) for the triggers.
 */

const futureInput = z.object({
	on: z.boolean().optional(),
	notifications: z.object({ userId: z.string().min(1), count: z.number().int().min(1).max(50).optional() }).optional(),
});

/** `count` notifications of the future category for `userId`, announced to their streams. */
export function futureNotifications(hub: Hub, userId: string, count = 1): string[] {
	const world = worldOf(hub);
	return Array.from({ length: count }, (_, index) => {
		const made = createNotificationIn(world, { userId, category: 'account', title: `Agent run ${index + 1} finished`, entityKind: 'agent.run', entityId: `run-${index + 1}` });
		// The category is set after the sandbox's own check, which knows only today's ten.
		hub.state.data.notifications[made.id].category = FUTURE.notificationCategory as NotificationCategory;
		return made.id;
	});
}

/** A paused connection of the future provider for each user, in the default ecosystem. */
function futureConnections(hub: Hub): void {
	const data = hub.state.data;
	for (const userId of Object.keys(hub.state.auth.users)) {
		const id = hub.newId();
		data.connections[id] = {
			id,
			provider: FUTURE.provider,
			serviceType: 'issues',
			status: FUTURE.connectionStatus as never,
			displayName: 'Linear (passkey)',
			username: `linear-${userId.slice(0, 8)}`,
			externalAccountId: `linear-${userId.slice(0, 8)}`,
			lastSyncAt: null,
			lastError: null,
			createdAt: iso(hub.clock.now()),
			userId,
			ecosystemId: defaultEcosystemId(data),
			secrets: {},
			disconnectedAt: null,
		};
	}
}

/** Switches the future mode; the first switch on adds the future records. */
export function setFuture(hub: Hub, on: boolean): void {
	hub.settings.future = on;
	if (!on || hub.state.data.futureRecordsMade) return;
	hub.state.data.futureRecordsMade = true;
	for (const userId of Object.keys(hub.state.auth.users)) futureNotifications(hub, userId);
	futureConnections(hub);
	hub.persist();
}

export function registerFutureControlRoutes(router: Router): void {
	router.add('POST', '/__sandbox/future', ({ hub, req }) => {
		const input = validate(futureInput, req.body);
		if (input.on !== undefined) setFuture(hub, input.on);
		const made = input.notifications ? futureNotifications(hub, input.notifications.userId, input.notifications.count) : [];
		return { status: 200, body: { future: hub.settings.future, notifications: made } };
	});
}
