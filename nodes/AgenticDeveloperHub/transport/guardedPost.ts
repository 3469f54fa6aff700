import { NodeApiError, type IDataObject } from 'n8n-workflow';
import { outcomeUnknownError, type ErrorContext } from './errorMessages';
import { executionMemory, type ExecutionMemory } from './executionMemory';
import { headerValue } from './hubError';
import { redact } from './redact';
import type { RetryBudget } from './retryPolicy';

/** What a read-back concluded about the attempts of one POST. */
export type ReadBackFinding = { found: IDataObject } | { absent: true } | { unknown: string };

/** What a read-back may use: GETs through the transport, and what the node knows. */
export interface ReadBackLookup {
	/** A GET through the transport, with its own retries. */
	get<T = IDataObject>(endpoint: string, qs?: IDataObject): Promise<T>;
	/**
	 * A Hub time (ms) no later than the first attempt began, taken from the `Date` header of the
	 * read-back's answers (so the clocks of n8n and the Hub need not agree). Call after a `get`.
	 */
	since(): number;
	/** Records the node's POSTs made earlier in this execution: never another item's answer. */
	created: readonly IDataObject[];
	/** The credential's user id, once learned in this execution (null: the Hub would not tell). */
	caller: { id?: string | null };
}

/** How a POST that the Hub does not dedupe finds what its attempts made. */
export interface ReadBack {
	/** Completes "The Hub may or may not have ...", e.g. 'created the topic "Weekly"'. */
	did: string;
	/** Completes "check ... before running again", e.g. 'the community'. */
	where: string;
	find(lookup: ReadBackLookup): Promise<ReadBackFinding>;
}

export type HubGet = (endpoint: string, qs?: IDataObject) => Promise<{ body: unknown; headers: Record<string, unknown> }>;

/**
 * The Hub's `Date` and its records' timestamps may come from different machines: a record is
 * looked for from this long before the attempt began.
 */
const HUB_CLOCKS_MARGIN_MS = 1000;

/**
 * One POST that the published types do not make idempotent (hub-api.md section 2): sent again
 * only when a failure proves the Hub did nothing, or when a read-back proves the attempts made
 * nothing. Remembers per execution what it made, so that n8n's Retry On Fail gets the record
 * back instead of sending again, and a read-back for another item never returns it.
 */
export class GuardedPost {
	/** n8n's clock when the first attempt began (or an earlier try of this item that stayed unknown). */
	private startedAt = Date.now();
	private readonly memory: ExecutionMemory | undefined;
	private readonly fingerprint: string;

	constructor(
		context: object,
		/** Stable per execution, node, run, item and request (idempotencyKey.ts). */
		private readonly key: string,
		body: unknown,
		private readonly readBack: ReadBack | undefined,
		private readonly errorContext: ErrorContext,
		private readonly get: HubGet,
	) {
		this.memory = executionMemory(context);
		this.fingerprint = JSON.stringify(body ?? {});
	}

	/**
	 * Before the first attempt: what an earlier try of this item in this run made (n8n's Retry On
	 * Fail), read back again when its outcome stayed unknown. Undefined: send.
	 */
	async earlierResult(): Promise<{ done: unknown } | undefined> {
		const earlier = this.memory?.posts.get(this.key);
		if (!earlier || earlier.fingerprint !== this.fingerprint) return undefined;
		if (earlier.result !== undefined) return { done: earlier.result };
		this.startedAt = earlier.unresolvedSince ?? this.startedAt;
		const finding = await this.find();
		if ('found' in finding) return { done: this.made(finding.found) };
		if ('absent' in finding) return undefined;
		throw this.unknown('An earlier try of this item ended without knowing whether the Hub acted', finding.unknown);
	}

	/** The Hub's answer (or the record a read-back found), remembered for this execution. */
	made(result: unknown): unknown {
		if (this.memory) {
			this.memory.posts.set(this.key, { fingerprint: this.fingerprint, result });
			if (result && typeof result === 'object' && !Array.isArray(result)) this.memory.created.push(result as IDataObject);
		}
		return result;
	}

	/**
	 * After a failure that leaves the outcome open (a 5xx, a reset, a timeout, a lost answer): the
	 * record when a read-back finds it; a wait before sending again when it proves that nothing was
	 * made and the budget allows one; else the failure, or "outcome unknown". A read-back that
	 * could not reach the Hub is tried again after a wait, within the same budget.
	 */
	async afterUnclearFailure(
		cause: string,
		budget: RetryBudget,
		nextWaitMs: () => number,
		failure: () => Error,
		requestId?: string,
	): Promise<{ done: unknown } | { waitMs: number }> {
		let finding = await this.find();
		for (let waitMs = nextWaitMs(); 'unreachable' in finding && budget.allows(waitMs); waitMs = nextWaitMs()) {
			await budget.wait(waitMs);
			finding = await this.find();
		}
		if ('found' in finding) return { done: this.made(finding.found) };
		if ('absent' in finding) {
			const waitMs = nextWaitMs();
			if (budget.allows(waitMs)) return { waitMs };
			this.memory?.posts.delete(this.key);
			const error = failure() as Error & { description?: string };
			error.description = `${error.description ?? ''} The Hub did not act on it (read back), so running the node again is safe.`.trim();
			throw error;
		}
		this.memory?.posts.set(this.key, { fingerprint: this.fingerprint, unresolvedSince: this.startedAt });
		throw this.unknown(cause, finding.unknown, requestId);
	}

	private unknown(cause: string, why: string, requestId?: string): Error {
		const readBack = this.readBack;
		const did = readBack?.did ?? `carried out ${this.errorContext.method} ${this.errorContext.endpoint}`;
		return outcomeUnknownError(this.errorContext, did, readBack?.where ?? 'the Hub', `${cause}, and ${why}`, requestId);
	}

	/** What the read-back found; `unreachable` when it failed on a 5xx, a 429 or the network (worth another try). */
	private async find(): Promise<ReadBackFinding | { unknown: string; unreachable: true }> {
		if (!this.readBack) return { unknown: 'this request has no read-back to tell' };
		let since: number | undefined;
		const lookup: ReadBackLookup = {
			get: async <T>(endpoint: string, qs?: IDataObject) => {
				const { body, headers } = await this.get(endpoint, qs);
				const hubNow = Date.parse(headerValue(headers, 'date') ?? '');
				// The Hub dated this answer after the attempt began, at most the time since then ago
				// (its Date is cut to the second, which only moves the estimate earlier).
				if (!Number.isNaN(hubNow)) {
					const estimate = hubNow - (Date.now() - this.startedAt) - HUB_CLOCKS_MARGIN_MS;
					since = Math.max(since ?? estimate, estimate);
				}
				return (body ?? {}) as T;
			},
			since: () => {
				if (since === undefined) throw new Error("the Hub's answers carry no Date header, so the attempt cannot be placed on its clock");
				return since;
			},
			created: this.memory?.created ?? [],
			caller: this.memory?.caller ?? {},
		};
		try {
			return await this.readBack.find(lookup);
		} catch (error) {
			const message = `reading back failed: ${redact(String((error as Error)?.message ?? error), this.errorContext.secrets)}`;
			// The transport's own failures after its retries: no answer, a 429 or a 5xx.
			const status = Number((error as { httpCode?: unknown }).httpCode ?? 0);
			const unreachable = error instanceof NodeApiError && (status === 0 || status === 429 || status >= 500);
			return unreachable ? { unknown: message, unreachable } : { unknown: message };
		}
	}
}
