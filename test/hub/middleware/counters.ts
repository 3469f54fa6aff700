/** What `GET /__sandbox/counters` reports (interfaces.md section 2). */
export interface Counters {
	/** Responses per route label (`<METHOD> <pattern>`) and status; `reset` for dropped connections. */
	requests: Record<string, Record<string, number>>;
	/** Handlers that ran to a 2xx, per route label; replays and injected faults excluded. */
	executions: Record<string, number>;
	/** Successful token grants per grant type, at either endpoint. */
	grants: { authorization_code: number; refresh_token: number };
	/** Refresh attempts, whatever their outcome, at either endpoint. */
	refreshes: number;
	/** Rotated-away refresh tokens presented again. */
	reuseDetections: number;
	familiesRevoked: number;
	idempotentReplays: number;
	faultsInjected: number;
	/** Published-types violations recorded (requests and answers); `GET /__sandbox/violations` lists them. */
	violations: number;
}

export function newCounters(): Counters {
	return {
		requests: {},
		executions: {},
		grants: { authorization_code: 0, refresh_token: 0 },
		refreshes: 0,
		reuseDetections: 0,
		familiesRevoked: 0,
		idempotentReplays: 0,
		faultsInjected: 0,
		violations: 0,
	};
}

export function countResponse(counters: Counters, label: string, status: number | 'reset'): void {
	const byStatus = (counters.requests[label] ??= {});
	byStatus[String(status)] = (byStatus[String(status)] ?? 0) + 1;
}

export function countExecution(counters: Counters, label: string): void {
	counters.executions[label] = (counters.executions[label] ?? 0) + 1;
}
