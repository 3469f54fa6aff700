import { appendFileSync, existsSync, readFileSync } from 'fs';
import path from 'path';
import { PhaseTimer } from '../../../scripts/lib/processes';
import type { N8nRuntime } from '../../../scripts/lib/provision';
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
}

export const ENVIRONMENT_VARIABLE = 'ADH_E2E_ENVIRONMENT';

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
