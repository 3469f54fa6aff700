import { backoffDelayMs, retryPolicy } from '../transport/retryPolicy';

/**
 * How the realtime trigger keeps its stream. One module-level policy, like the transport's retry
 * policy, so that tests can shorten the waits without the node exposing timing knobs.
 */
export interface RealtimePolicy {
	/** A stream silent this long is taken for dead. The Hub ends every stream within 5 minutes. */
	idleTimeoutMs: number;
	/** A stream still open after this long is closed and replaced, whatever trickles in (bound maxStreamLifeMs). */
	maxStreamLifeMs: number;
	/** First wait before reconnecting after a failed connect; doubles per failure, with jitter. */
	reconnectBaseMs: number;
	/** Longest wait between two connects. */
	reconnectMaxMs: number;
	/** Failed connects in a row after which the trigger reports the outage (n8n then reactivates it). */
	maxConsecutiveFailures: number;
	/** A stream that ends sooner than this (even after a wake-up) is followed by a backoff, as a failed connect. */
	minHealthyLifeMs: number;
	/** Streams whose life is known and at least this long are replaced before they end... */
	minHandoverLifeMs: number;
	/** ...this long before: the next stream opens while the old one still listens, so nothing falls between. */
	handoverLeadMs: number;
	/** While polling a Hub without realtime events, look for its event stream again this often. */
	reprobeMs: number;
}

const DEFAULT_REALTIME_POLICY: Readonly<RealtimePolicy> = Object.freeze({
	idleTimeoutMs: 360_000,
	maxStreamLifeMs: 600_000,
	reconnectBaseMs: 1_000,
	reconnectMaxMs: 60_000,
	maxConsecutiveFailures: 20,
	minHealthyLifeMs: 2_000,
	minHandoverLifeMs: 60_000,
	handoverLeadMs: 5_000,
	reprobeMs: 600_000,
});

let activePolicy: RealtimePolicy = { ...DEFAULT_REALTIME_POLICY };

export function realtimePolicy(): RealtimePolicy {
	return activePolicy;
}

/** Replaces parts of the policy; returns a function that restores the previous one. */
export function setRealtimePolicy(overrides: Partial<RealtimePolicy>): () => void {
	const previous = activePolicy;
	activePolicy = { ...activePolicy, ...overrides };
	return () => {
		activePolicy = previous;
	};
}

/** The wait before reconnect number `failures` (from 1): exponential, capped, with jitter. */
export function reconnectDelayMs(failures: number): number {
	const { reconnectBaseMs, reconnectMaxMs } = activePolicy;
	return backoffDelayMs({ ...retryPolicy(), baseDelayMs: reconnectBaseMs, maxDelayMs: reconnectMaxMs }, failures);
}
