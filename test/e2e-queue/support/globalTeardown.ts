import { ENVIRONMENT_VARIABLE } from '../../e2e/support/environment';
import { loadQueueEnvironment } from './environment';
import { stopQueueStack } from './stack';

export default async function globalTeardown(): Promise<void> {
	// A worker a test started again (05-retry-after-kill) is not in the stack: stopped first, by its
	// process group, while the environment file (removed by the e2e teardown) still names it.
	const restarted = process.env[ENVIRONMENT_VARIABLE] ? loadQueueEnvironment().workers.filter((worker) => worker.restarted) : [];
	for (const { pid } of restarted) {
		try {
			process.kill(-pid, 'SIGKILL');
		} catch {
			// already gone
		}
	}
	await stopQueueStack();
}
