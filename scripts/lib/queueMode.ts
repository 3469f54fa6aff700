import { mkdirSync } from 'fs';
import { n8nEnvironment } from './n8n';
import type { PostgresServer } from './postgres';
import { freePort, startProcess, tail, type ManagedProcess } from './processes';
import type { N8nRuntime } from './provision';
import type { RedisServer } from './redis';

/*
 * n8n's queue mode: one main (`n8n start`, which serves the editor and webhooks and enqueues
 * executions) and workers (`n8n worker`, which run them), sharing Postgres, Redis and the
 * encryption key. Each process has its own user folder with the package installed in it.
 */

/** The settings every process of one queue-mode n8n shares. */
export function queueModeEnvironment(backends: { redis: RedisServer; postgres: PostgresServer }, encryptionKey: string): NodeJS.ProcessEnv {
	const { redis, postgres } = backends;
	return {
		EXECUTIONS_MODE: 'queue',
		DB_TYPE: 'postgresdb',
		DB_POSTGRESDB_HOST: postgres.host,
		DB_POSTGRESDB_PORT: String(postgres.port),
		DB_POSTGRESDB_DATABASE: postgres.database,
		DB_POSTGRESDB_USER: postgres.user,
		DB_POSTGRESDB_PASSWORD: '',
		QUEUE_BULL_REDIS_HOST: redis.host,
		QUEUE_BULL_REDIS_PORT: String(redis.port),
		// Credentials are encrypted in the shared database: every process needs the same key.
		N8N_ENCRYPTION_KEY: encryptionKey,
	};
}

export interface N8nWorker {
	name: string;
	/** The worker server's port (`/healthz`, `/healthz/readiness`). */
	port: number;
	userFolder: string;
	process: ManagedProcess;
	stop(): Promise<void>;
}

/** Starts `n8n worker` and resolves once its readiness check passes (database migrated, Redis connected). */
export async function startWorker(
	runtime: N8nRuntime,
	options: { name: string; userFolder: string; env: NodeJS.ProcessEnv; concurrency?: number; logFile?: string },
): Promise<N8nWorker> {
	mkdirSync(options.userFolder, { recursive: true });
	const port = await freePort();
	const brokerPort = String(await freePort());
	const workerProcess = startProcess(options.name, runtime.nodeBinary, [runtime.n8nBin, 'worker', `--concurrency=${options.concurrency ?? 10}`], {
		cwd: options.userFolder,
		env: n8nEnvironment({
			port,
			userFolder: options.userFolder,
			extra: {
				N8N_RUNNERS_BROKER_PORT: brokerPort,
				QUEUE_HEALTH_CHECK_ACTIVE: 'true',
				QUEUE_HEALTH_CHECK_PORT: String(port),
				N8N_WORKER_SERVER_ADDRESS: '127.0.0.1',
				...options.env,
			},
		}),
		logFile: options.logFile,
	});
	const deadline = Date.now() + 180000;
	for (;;) {
		if (workerProcess.child.exitCode !== null || workerProcess.child.signalCode !== null) {
			throw new Error(`${options.name} exited (${workerProcess.child.exitCode ?? workerProcess.child.signalCode}) while starting:\n${tail(workerProcess.output())}`);
		}
		try {
			if ((await fetch(`http://127.0.0.1:${port}/healthz/readiness`)).ok) break;
		} catch {
			// not listening yet
		}
		if (Date.now() > deadline) {
			await workerProcess.stop();
			throw new Error(`${options.name} was not ready within 180 s:\n${tail(workerProcess.output())}`);
		}
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
	return { name: options.name, port, userFolder: options.userFolder, process: workerProcess, stop: async () => await workerProcess.stop() };
}
