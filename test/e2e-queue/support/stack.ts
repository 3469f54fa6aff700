import type { PhaseTimer } from '../../../scripts/lib/processes';
import e2eGlobalTeardown from '../../e2e/support/globalTeardown';
import { DEFAULT_LINE } from '../../../scripts/lib/provision';

/* What the queue-mode global setup started, kept on globalThis for the global teardown (same process). */

export interface QueueStack {
	workDir: string;
	timer: PhaseTimer;
	/** Newest last. */
	stoppable: Array<{ name: string; stop(): Promise<void> }>;
}

const KEY = '__adhQueue';

export function newQueueStack(workDir: string, timer: PhaseTimer): QueueStack {
	const stack: QueueStack = { workDir, timer, stoppable: [] };
	(globalThis as Record<string, unknown>)[KEY] = stack;
	// The e2e suite's teardown reads this: it stops every process, prints the phases, removes workDir.
	(globalThis as Record<string, unknown>).__adhE2e = { workDir, timer, n8nVersion: DEFAULT_LINE.n8n };
	return stack;
}

/** Registers something started, so that it is stopped however the run ends; returns it. */
export function started<T extends { stop(): Promise<void> }>(stack: QueueStack, name: string, thing: T): T {
	stack.stoppable.push({ name, stop: async () => await thing.stop() });
	return thing;
}

/**
 * Stops every process (newest first: the workers, the main, the sandbox Hub, Postgres, Redis) and
 * prints every phase's duration, as the e2e suite does; then removes the Postgres and Redis folders.
 */
export async function stopQueueStack(): Promise<void> {
	await e2eGlobalTeardown();
	const stack = (globalThis as Record<string, unknown>)[KEY] as QueueStack | undefined;
	for (const { name, stop } of [...(stack?.stoppable ?? [])].reverse()) {
		try {
			await stop();
		} catch (error) {
			process.stdout.write(`\nstopping ${name} failed: ${(error as Error).message}`);
		}
	}
}
