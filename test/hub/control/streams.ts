import { z } from 'zod';
import type { Router } from '../core/router';
import { validate } from '../core/validate';
import { resolveUser, userRef } from './shared';

const settingsInput = z.object({
	// hub-api.md: a stream lives at most 5 minutes.
	maxLifeSeconds: z.number().positive().max(300).optional(),
	readyOnly: z.boolean().optional(),
});
const closeInput = z.object({ user: userRef.optional() });

/** `/__sandbox/streams/*`: the event streams' switches (their counts are in `/__sandbox/counters`). */
export function registerStreamControlRoutes(router: Router): void {
	router.add('POST', '/__sandbox/streams/settings', ({ hub, req }) => {
		const input = validate(settingsInput, req.body);
		const { settings } = hub.streams;
		if (input.maxLifeSeconds !== undefined) settings.maxLifeMs = Math.round(input.maxLifeSeconds * 1000);
		if (input.readyOnly !== undefined) settings.readyOnly = input.readyOnly;
		return { status: 200, body: { maxLifeSeconds: settings.maxLifeMs / 1000, readyOnly: settings.readyOnly } };
	});

	router.add('POST', '/__sandbox/streams/close', ({ hub, req }) => {
		const input = validate(closeInput, req.body);
		const user = input.user === undefined ? undefined : resolveUser(hub, input.user);
		return { status: 200, body: { closed: hub.streams.closeAll(user) } };
	});

	router.add('POST', '/__sandbox/streams/peak', ({ hub }) => ({ status: 200, body: { peak: hub.streams.resetPeak() } }));
}
