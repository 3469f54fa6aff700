import * as n8nWorkflow from 'n8n-workflow';

type AbortableSleep = (ms: number, signal: AbortSignal) => Promise<void>;

/**
 * n8n 1.x exports `sleepWithAbort`; 2.x's `sleep` takes the signal itself (1.x's ignores it).
 * Looked up by what exists, not by version.
 */
const abortableSleep: AbortableSleep =
	(n8nWorkflow as unknown as { sleepWithAbort?: AbortableSleep }).sleepWithAbort ??
	(async (ms, signal) => await n8nWorkflow.sleep(ms, signal));

/** Waits `ms`, or less when `signal` aborts (never throws). No timers: the community rules forbid them. */
export async function pause(ms: number, signal: AbortSignal): Promise<void> {
	if (signal.aborted || ms <= 0) return;
	try {
		await abortableSleep(ms, signal);
	} catch {
		// Aborted: the caller looks at why.
	}
}
