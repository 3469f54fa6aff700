import { existsSync, readFileSync, rmSync } from 'fs';
import { stopAll, type PhaseTimer } from '../../../scripts/lib/processes';

/* What the queue-mode global setup started, kept on globalThis for the global teardown (same process). */

export interface QueueStack {
	workDir: string;
	timer: PhaseTimer;
	/** Newest last; stopped newest first. */
	stoppable: Array<{ name: string; stop(): Promise<void> }>;
}

const KEY = '__adhQueue';

export function newQueueStack(workDir: string, timer: PhaseTimer): QueueStack {
	const stack: QueueStack = { workDir, timer, stoppable: [] };
	(globalThis as Record<string, unknown>)[KEY] = stack;
	return stack;
}

/** Registers something started, so that it is stopped however the run ends; returns it. */
export function started<T extends { stop(): Promise<void> }>(stack: QueueStack, name: string, thing: T): T {
	stack.stoppable.push({ name, stop: async () => await thing.stop() });
	return thing;
}

/**
 * Stops the workers, the main, the sandbox Hub, Postgres and Redis (newest first), removes the
 * work folder and prints every phase's duration.
 */
export async function stopQueueStack(): Promise<void> {
	const stack = (globalThis as Record<string, unknown>)[KEY] as QueueStack | undefined;
	const stopStarted = Date.now();
	for (const { name, stop } of [...(stack?.stoppable ?? [])].reverse()) {
		try {
			await stop();
		} catch (error) {
			process.stdout.write(`\nstopping ${name} failed: ${(error as Error).message}`);
		}
	}
	await stopAll();
	if (!stack) return;
	const { workDir, timer } = stack;
	const phasesFile = `${workDir}/phases.jsonl`;
	if (existsSync(phasesFile)) {
		for (const line of readFileSync(phasesFile, 'utf8').split('\n').filter(Boolean)) timer.phases.push(JSON.parse(line));
	}
	timer.phases.push({ name: 'stop n8n (main, workers), the Hub, Postgres and Redis', ms: Date.now() - stopStarted, ok: true });
	rmSync(workDir, { recursive: true, force: true });
	(globalThis as Record<string, unknown>)[KEY] = undefined;
	process.stdout.write(`\n${timer.summary()}\n`);
}
