import { sleep } from 'n8n-workflow';

/**
 * How the transport waits and gives up. One module-level policy so that tests can shorten the
 * waits (and record them) without the nodes exposing timing knobs.
 */
export interface RetryPolicy {
	/** Retries after the first attempt, for 429, 5xx and network errors together. */
	maxRetries: number;
	/** First backoff for 5xx and network errors; doubles on each retry. */
	baseDelayMs: number;
	/** Largest single backoff. */
	maxDelayMs: number;
	/** A 429 whose Retry-After asks for longer than this is not waited for. */
	maxRetryAfterMs: number;
	/** Time one call may spend across all its attempts and waits. */
	totalBudgetMs: number;
	/** Waits; tests replace it to record the delays instead of sleeping. */
	sleep: (ms: number) => Promise<void>;
}

const DEFAULT_RETRY_POLICY: Readonly<RetryPolicy> = Object.freeze({
	maxRetries: 4,
	baseDelayMs: 500,
	maxDelayMs: 8_000,
	maxRetryAfterMs: 30_000,
	totalBudgetMs: 60_000,
	sleep: async (ms: number) => await sleep(ms),
});

let activePolicy: RetryPolicy = { ...DEFAULT_RETRY_POLICY };

export function retryPolicy(): RetryPolicy {
	return activePolicy;
}

/** Whether each context's node has n8n's Retry On Fail on (n8n copies the node on every getNode()). */
const retriedByN8n = new WeakMap<object, boolean>();

/**
 * The policy for a call from `ctx`. With the node's Retry On Fail on, n8n's tries are the retries:
 * the transport makes none of its own, so an always-failing Hub sees exactly Max. Tries attempts, as
 * with n8n's HTTP Request node, never Max. Tries times the transport's.
 */
export function retryPolicyFor(ctx: { getNode(): { retryOnFail?: boolean } }): RetryPolicy {
	let retried = retriedByN8n.get(ctx);
	if (retried === undefined) {
		retried = ctx.getNode().retryOnFail === true;
		retriedByN8n.set(ctx, retried);
	}
	return retried ? { ...activePolicy, maxRetries: 0 } : activePolicy;
}

/** Replaces parts of the policy; returns a function that restores the previous one. */
export function setRetryPolicy(overrides: Partial<RetryPolicy>): () => void {
	const previous = activePolicy;
	activePolicy = { ...activePolicy, ...overrides };
	return () => {
		activePolicy = previous;
	};
}

/** Exponential backoff with jitter in [50 %, 100 %] of the step, so parallel items spread out. */
export function backoffDelayMs(policy: RetryPolicy, retryNumber: number): number {
	const step = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, retryNumber - 1));
	return Math.round(step / 2 + (Math.random() * step) / 2);
}

/** Retry-After as milliseconds: delta-seconds or an HTTP date; undefined when absent or unreadable. */
export function retryAfterMs(header: unknown, now = Date.now()): number | undefined {
	const value = Array.isArray(header) ? header[0] : header;
	if (typeof value !== 'string' && typeof value !== 'number') return undefined;
	const text = String(value).trim();
	if (/^\d+$/.test(text)) return Number(text) * 1000;
	const date = Date.parse(text);
	return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** Tracks one call's retries against the policy's attempt and time budgets. */
export class RetryBudget {
	retries = 0;
	private waitedMs = 0;
	private readonly startedAt = Date.now();

	constructor(private readonly policy: RetryPolicy) {}

	/** Whether one more wait of `delayMs` fits; false once the attempts or the time are used up. */
	allows(delayMs: number): boolean {
		if (this.retries >= this.policy.maxRetries) return false;
		const spent = Math.max(Date.now() - this.startedAt, this.waitedMs);
		return spent + delayMs <= this.policy.totalBudgetMs;
	}

	async wait(delayMs: number): Promise<void> {
		this.retries += 1;
		this.waitedMs += delayMs;
		await this.policy.sleep(delayMs);
	}
}
