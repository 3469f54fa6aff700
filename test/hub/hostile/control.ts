import { z } from 'zod';
import type { Router } from '../core/router';
import { validate } from '../core/validate';
import { HOSTILE_BEHAVIOURS } from './behaviours';

const hostileInput = z.object({
	behaviours: z.array(z.enum(HOSTILE_BEHAVIOURS)).min(1),
	redirectTo: z.string().url().optional(),
});

/** `/__sandbox/hostile`: switch the hostile behaviours on (POST), off (DELETE), and read what met them (GET). */
export function registerHostileControlRoutes(router: Router): void {
	router.add('GET', '/__sandbox/hostile', ({ hub }) => ({ status: 200, body: hub.hostile.describe() }));
	router.add('POST', '/__sandbox/hostile', ({ hub, req }) => {
		const input = validate(hostileInput, req.body);
		hub.hostile.set(input.behaviours, input.redirectTo);
		return { status: 200, body: hub.hostile.describe() };
	});
	router.add('DELETE', '/__sandbox/hostile', ({ hub }) => {
		const before = hub.hostile.describe();
		hub.hostile.clear();
		return { status: 200, body: before };
	});
}
