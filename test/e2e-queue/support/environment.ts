import path from 'path';
import { loadEnvironment, repoRoot, type E2eEnvironment } from '../../e2e/support/environment';

/*
 * What the queue-mode global setup started, as the test files see it. It extends the e2e
 * suite's environment (the main instance stands where the e2e suite's single n8n does), so the
 * e2e helpers (session, workflows, executions) work unchanged against the main.
 */

export const queueResultsDir = path.join(repoRoot, 'test-results', 'e2e-queue');

/** The environment variable each n8n process of the suite gets, naming the process. */
export const PROCESS_NAME_VARIABLE = 'ADH_N8N_PROCESS';

export interface QueueWorkerInfo {
	name: string;
	/** The worker's process group (its pid): what the SIGKILL test kills. */
	pid: number;
	userFolder: string;
	log: string;
	/** Started again by a test after it killed the worker: not in the global setup's stack. */
	restarted?: boolean;
}

export interface QueueEnvironment extends E2eEnvironment {
	workers: QueueWorkerInfo[];
	/** What a worker is started with (the suite's per-run database, Redis and encryption key): a test may restart one it killed. */
	workerEnv: NodeJS.ProcessEnv;
	redis: { host: string; port: number };
	postgres: { host: string; port: number; user: string; database: string; version: string };
}

export function loadQueueEnvironment(): QueueEnvironment {
	const environment = loadEnvironment() as QueueEnvironment;
	if (!Array.isArray(environment.workers)) throw new Error('The queue-mode environment is missing: run these tests with `npm run test:e2e:queue`');
	return environment;
}
