import { existsSync, readFileSync, rmSync } from 'fs';
import { stopAll, type PhaseTimer } from '../../../scripts/lib/processes';
import { remoteViolationReport } from '../../hub/testing';
import { ENVIRONMENT_VARIABLE, loadEnvironment } from './environment';

/*
 * Stops n8n and the sandbox Hub and prints every phase's duration (setup and tests) and the figures
 * the tests measured. Before that, it reads what the sandbox Hub recorded against the published
 * types: any violation fails the suite.
 */

export default async function globalTeardown(): Promise<void> {
	const state = (globalThis as Record<string, unknown>).__adhE2e as { workDir: string; timer: PhaseTimer; n8nVersion: string } | undefined;
	// Set by the global setup once the Hub runs.
	const violations = process.env[ENVIRONMENT_VARIABLE]
		? await remoteViolationReport(loadEnvironment().hubUrl, `during the ${process.env.ADH_SUITE ?? 'e2e'} suite`)
		: '';
	const stopStarted = Date.now();
	await stopAll();
	if (state) {
		const { workDir, timer } = state;
		const phasesFile = `${workDir}/phases.jsonl`;
		if (existsSync(phasesFile)) {
			for (const line of readFileSync(phasesFile, 'utf8').split('\n').filter(Boolean)) timer.phases.push(JSON.parse(line));
		}
		timer.phases.push({ name: 'stop n8n and the sandbox Hub', ms: Date.now() - stopStarted, ok: true });
		const figuresFile = `${workDir}/figures.jsonl`;
		const figures = existsSync(figuresFile) ? readFileSync(figuresFile, 'utf8').split('\n').filter(Boolean) : [];
		rmSync(workDir, { recursive: true, force: true });
		process.stdout.write(`\n${timer.summary()}\n`);
		if (figures.length > 0) {
			const lines = figures.map((line) => JSON.parse(line) as { name: string; value: unknown }).map(({ name, value }) => `  ${name}: ${JSON.stringify(value)}`);
			process.stdout.write(`\nfigures measured at the sandbox (n8n ${state.n8nVersion}):\n${lines.join('\n')}\n`);
		}
	}
	if (violations) {
		process.stdout.write(`\n${violations}\n`);
		throw new Error(violations);
	}
}
