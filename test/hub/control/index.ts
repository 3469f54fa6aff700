import { z } from 'zod';
import { ERROR_SHAPES } from '../core/errors';
import type { Router } from '../core/router';
import { validate } from '../core/validate';
import { registerActivityControlRoutes } from './activity';
import { registerAuthControlRoutes } from './auth';
import { registerStreamControlRoutes } from './streams';
import { registerHostileControlRoutes } from '../hostile/control';

const faultInput = z.object({
	method: z.string().min(1).max(10).optional(),
	path: z.string().min(1).max(2000),
	count: z.number().int().min(1).optional(),
	status: z.number().int().min(100).max(599).optional(),
	body: z.unknown().optional(),
	headers: z.record(z.string()).optional(),
	delayMs: z.number().int().min(0).max(120_000).optional(),
	reset: z.boolean().optional(),
	shape: z.enum(ERROR_SHAPES).optional(),
});
const actionFailureInput = z.object({
	connectionId: z.string().min(1).optional(),
	actionType: z.string().min(1).optional(),
	error: z.string().min(1).max(2000).optional(),
	count: z.number().int().min(1).optional(),
});
const clockInput = z.object({ advanceSeconds: z.number().optional(), frozen: z.boolean().optional() });

/** The control API `/__sandbox/*` (interfaces.md section 2): JSON in, JSON out, no auth. */
export function registerControlRoutes(router: Router): void {
	router.add('GET', '/__sandbox/info', ({ hub }) => ({ status: 200, body: hub.info() }));
	registerAuthControlRoutes(router);

	router.add('POST', '/__sandbox/faults', ({ hub, req }) => {
		const input = validate(faultInput, req.body);
		const id = hub.faults.add({ ...input, method: (input.method ?? '*').toUpperCase(), count: input.count ?? 1 });
		return { status: 201, body: { id } };
	});
	router.add('DELETE', '/__sandbox/faults', ({ hub }) => {
		hub.faults.clear();
		return { status: 200, body: {} };
	});

	router.add('POST', '/__sandbox/clock', ({ hub, req }) => {
		const input = validate(clockInput, req.body);
		// Freezing first, then advancing: `{ frozen: true, advanceSeconds: 60 }` lands on an exact moment.
		if (input.frozen === true) hub.clock.freeze();
		if (input.frozen === false) hub.clock.thaw();
		if (input.advanceSeconds !== undefined) hub.clock.advance(input.advanceSeconds * 1000);
		return { status: 200, body: { now: hub.clock.iso(), frozen: hub.clock.frozen } };
	});

	registerActivityControlRoutes(router);
	registerStreamControlRoutes(router);
	registerHostileControlRoutes(router);

	router.add('POST', '/__sandbox/action-failures', ({ hub, req }) => {
		const input = validate(actionFailureInput, req.body);
		const id = hub.actionFailures.add({ ...input, error: input.error ?? 'The provider refused the action', count: input.count ?? 1 });
		return { status: 201, body: { id } };
	});

	// The published-types violations recorded since the last reset; DELETE hands them over and forgets them.
	router.add('GET', '/__sandbox/violations', ({ hub }) => ({ status: 200, body: { violations: hub.violations } }));
	router.add('DELETE', '/__sandbox/violations', ({ hub }) => ({ status: 200, body: { violations: hub.takeViolations() } }));

	router.add('GET', '/__sandbox/counters', ({ hub }) => ({ status: 200, body: { ...hub.counters, streams: hub.streams.counters() } }));
	router.add('POST', '/__sandbox/reset', ({ hub }) => {
		hub.reset();
		return { status: 200, body: hub.info() };
	});
}
