import type { IncomingMessage, Server, ServerResponse } from 'http';
import type { Hub } from '../hub';
import type { FaultSpec } from '../hub/middleware/faults';
import { dropAnswer } from '../transport/support';

export type FaultKind = 'internal_error' | 'rate_limited' | 'reset' | 'lost_response';

export interface RandomFaults {
	/** How many requests got each kind of fault. */
	injected: Record<FaultKind, number>;
	/** The Retry-After (seconds) every injected 429 carries. */
	retryAfterSeconds: number;
	stop(): void;
}

/** Token endpoints are left alone: a lost refresh answer is a different scenario (reconnect). */
const NEVER_FAULTED = /^\/api\/(oauth|auth\/refresh|auth\/revoke)/;

/**
 * A seeded random fault on `rate` of the sandbox's API requests, split evenly between: 500, 429
 * with Retry-After, a connection reset before the route runs, and a lost answer (the route runs,
 * then the connection is dropped before the answer is written: the case that duplicates a POST
 * unless the Hub dedupes its retry). Armed faults from the control API still come first.
 */
export function injectRandomFaults(hub: Hub, random: () => number, rate: number): RandomFaults {
	const injected: Record<FaultKind, number> = { internal_error: 0, rate_limited: 0, reset: 0, lost_response: 0 };
	const retryAfterSeconds = 1;
	const kinds: FaultKind[] = ['internal_error', 'rate_limited', 'reset', 'lost_response'];
	let loseNextAnswer = false;

	const originalTake = hub.faults.take.bind(hub.faults);
	hub.faults.take = (method: string, path: string): FaultSpec | undefined => {
		const armed = originalTake(method, path);
		if (armed || NEVER_FAULTED.test(path) || random() >= rate) return armed;
		const kind = kinds[Math.floor(random() * kinds.length)];
		injected[kind] += 1;
		const spec: FaultSpec = { method: '*', path: '**', count: 1 };
		switch (kind) {
			case 'internal_error':
				return { ...spec, status: 500 };
			case 'rate_limited':
				return { ...spec, status: 429, headers: { 'Retry-After': String(retryAfterSeconds) } };
			case 'reset':
				return { ...spec, reset: true };
			case 'lost_response':
				// The request listener below runs right after this (same event), and drops the answer.
				loseNextAnswer = true;
				return undefined;
		}
	};

	const server = (hub as unknown as { server: Server }).server;
	const loseAnswer = (_message: IncomingMessage, response: ServerResponse) => {
		if (!loseNextAnswer) return;
		loseNextAnswer = false;
		dropAnswer(response);
	};
	server.on('request', loseAnswer);

	return {
		injected,
		retryAfterSeconds,
		stop() {
			hub.faults.take = originalTake;
			server.off('request', loseAnswer);
		},
	};
}
