import { existsSync, readFileSync, rmSync } from 'fs';
import { stopAll, type PhaseTimer } from '../../../scripts/lib/processes';

/* Stops n8n and the sandbox Hub and prints every phase's duration (setup and tests). */

export default async function globalTeardown(): Promise<void> {
	const state = (globalThis as Record<string, unknown>).__adhE2e as { workDir: string; timer: PhaseTimer } | undefined;
	const stopStarted = Date.now();
	await stopAll();
	if (!state) return;
	const { workDir, timer } = state;
	const phasesFile = `${workDir}/phases.jsonl`;
	if (existsSync(phasesFile)) {
		for (const line of readFileSync(phasesFile, 'utf8').split('\n').filter(Boolean)) timer.phases.push(JSON.parse(line));
	}
	timer.phases.push({ name: 'stop n8n and the sandbox Hub', ms: Date.now() - stopStarted, ok: true });
	rmSync(workDir, { recursive: true, force: true });
	process.stdout.write(`\n${timer.summary()}\n`);
}
