import { stopQueueStack } from './stack';
import { ENVIRONMENT_VARIABLE } from '../../e2e/support/environment';
import { loadQueueEnvironment } from './environment';

export default async function globalTeardown(): Promise<void> {
	await stopQueueStack();
	// A worker a test restarted (05-retry-after-kill) is not in the stack: stop it by its process group.
	if (!process.env[ENVIRONMENT_VARIABLE]) return;
	for (const { pid } of loadQueueEnvironment().workers.filter((worker) => worker.restarted)) {
		try {
			process.kill(-pid, 'SIGTERM');
		} catch {
			// already gone
		}
	}
}
