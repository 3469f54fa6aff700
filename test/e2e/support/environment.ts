import { appendFileSync, existsSync, readFileSync } from 'fs';
import path from 'path';
import { PhaseTimer } from '../../../scripts/lib/processes';
import { DEFAULT_LINE, linesNamed, type N8nLine, type N8nRuntime } from '../../../scripts/lib/provision';
import type { SandboxInfo } from '../../../scripts/lib/sandboxHub';

/* What the global setup started, as the test files see it (written to a JSON file). */

export const repoRoot = path.resolve(__dirname, '..', '..', '..');
export const resultsDir = path.join(repoRoot, 'test-results', 'e2e');

export interface E2eEnvironment {
	workDir: string;
	runtime: N8nRuntime;
	n8nUrl: string;
	n8nLog: string;
	hubUrl: string;
	hubLog: string;
	hubInfo: SandboxInfo;
	userFolder: string;
	/** The packed package that was installed into n8n. */
	tarball: string;
	phasesFile: string;
	/** Figures measured at the sandbox, one JSON line each, printed at the end of the run. */
	figuresFile: string;
}

export const ENVIRONMENT_VARIABLE = 'ADH_E2E_ENVIRONMENT';

/** The n8n line this run tests: `ADH_N8N_LINE` (set per line by `npm run test:e2e`), else 2.x. */
export function lineUnderTest(): N8nLine {
	return linesNamed(process.env.ADH_N8N_LINE || DEFAULT_LINE.name)[0];
}

export function loadEnvironment(): E2eEnvironment {
	const file = process.env[ENVIRONMENT_VARIABLE];
	if (!file || !existsSync(file)) throw new Error('The e2e environment is missing: run these tests with `npm run test:e2e`');
	return JSON.parse(readFileSync(file, 'utf8')) as E2eEnvironment;
}

/** Times `work` and records it for the closing summary the global teardown prints. */
export async function phase<T>(name: string, work: () => Promise<T>): Promise<T> {
	const timer = new PhaseTimer();
	try {
		return await timer.phase(name, work);
	} finally {
		const file = process.env[ENVIRONMENT_VARIABLE] ? loadEnvironment().phasesFile : undefined;
		if (file) appendFileSync(file, `${JSON.stringify(timer.phases[0])}\n`);
	}
}

/** Records a figure measured at the sandbox (refreshes, 401s, ...) for the run's closing summary. */
export function figure(name: string, value: unknown): void {
	const file = process.env[ENVIRONMENT_VARIABLE] ? loadEnvironment().figuresFile : undefined;
	if (file) appendFileSync(file, `${JSON.stringify({ name, value })}\n`);
}
