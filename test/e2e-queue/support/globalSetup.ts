import { randomBytes } from 'crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'fs';
import os from 'os';
import path from 'path';
import { buildPackage, installCommunityPackage, installWithNpm, packPackage } from '../../../scripts/lib/communityPackage';
import { startN8n, type N8nInstance } from '../../../scripts/lib/n8n';
import { N8nClient } from '../../../scripts/lib/n8nClient';
import { POSTGRES_VERSION, provisionPostgres, startPostgres, type PostgresServer } from '../../../scripts/lib/postgres';
import { freePort, PhaseTimer } from '../../../scripts/lib/processes';
import { provisionN8n } from '../../../scripts/lib/provision';
import { queueModeEnvironment, startWorker, type N8nWorker } from '../../../scripts/lib/queueMode';
import { startRedis, type RedisServer } from '../../../scripts/lib/redis';
import { startSandboxHub, type SandboxHub } from '../../../scripts/lib/sandboxHub';
import { ENVIRONMENT_VARIABLE } from '../../e2e/support/environment';
import { PROCESS_NAME_VARIABLE, queueResultsDir, type QueueEnvironment } from './environment';
import { newQueueStack, started, stopQueueStack, type QueueStack } from './stack';

/*
 * Once for the queue-mode suite: Redis, Postgres 17, the sandbox Hub, then n8n's main and two
 * workers, each with this package installed in its own user folder. globalTeardown stops them
 * all (also when this setup fails half-way) and removes their files.
 */

export const WORKER_NAMES = ['worker-1', 'worker-2'];

export default async function globalSetup(): Promise<void> {
	const timer = new PhaseTimer((line) => process.stdout.write(`\n${line}`));
	const stack = newQueueStack(mkdtempSync(path.join(os.tmpdir(), 'adh-e2e-queue-')), timer);
	rmSync(queueResultsDir, { recursive: true, force: true });
	mkdirSync(queueResultsDir, { recursive: true });
	try {
		await startQueueMode(stack);
	} catch (error) {
		// Jest runs no global teardown after a failed setup: stop what did start here.
		await stopQueueStack();
		throw error;
	}
}

async function startQueueMode(stack: QueueStack): Promise<void> {
	const { workDir, timer } = stack;
	const log = (name: string) => path.join(queueResultsDir, `${name}.log`);
	const runtime = await timer.phase('provision n8n', async () => await provisionN8n({ log: (line) => process.stdout.write(`\n[provision] ${line}`) }));
	const postgresRuntime = await timer.phase(`provision PostgreSQL ${POSTGRES_VERSION}`, async () =>
		provisionPostgres({ log: (line) => process.stdout.write(`\n[provision] ${line}`) }),
	);
	const folders = ['main', ...WORKER_NAMES].map((name) => ({ name, userFolder: path.join(workDir, name) }));
	const tarball = await timer.phase('build, pack and install the package (main and workers)', async () => {
		buildPackage();
		const packed = packPackage(path.join(workDir, 'pack'));
		// The main and worker-1 as n8n installs a community package; worker-2 as the Docker example does.
		for (const { name, userFolder } of folders) {
			if (name === 'worker-2') installWithNpm(packed, userFolder);
			else installCommunityPackage(packed, userFolder);
		}
		return packed;
	});
	const redis: RedisServer = started(stack, 'Redis', await timer.phase('start Redis', async () => await startRedis({ logFile: log('redis') })));
	const postgres: PostgresServer = started(stack, 'PostgreSQL', await timer.phase('start PostgreSQL', async () => await startPostgres(postgresRuntime, { logFile: log('postgres') })));
	const hub: SandboxHub = started(stack, 'the sandbox Hub', await timer.phase('start the sandbox Hub', async () => await startSandboxHub({ logFile: log('hub') })));

	const shared = {
		...queueModeEnvironment({ redis, postgres }, randomBytes(24).toString('base64url')),
		// The suite proves which process ran an execution from the execution's own data: each
		// workflow stores `$env.ADH_N8N_PROCESS` with n8n's Execution Data node.
		N8N_BLOCK_ENV_ACCESS_IN_NODE: 'false',
	};
	const [main, ...workerFolders] = folders;
	// The main runs the database migrations; the workers start once it is up.
	const n8n: N8nInstance = started(
		stack,
		'n8n main',
		await timer.phase('start n8n main', async () =>
			await startN8n(runtime, { port: await freePort(), userFolder: main.userFolder, logFile: log('main'), env: { ...shared, [PROCESS_NAME_VARIABLE]: 'main' } }),
		),
	);
	const workers: N8nWorker[] = await timer.phase('start two n8n workers', async () =>
		await Promise.all(
			workerFolders.map(async ({ name, userFolder }) =>
				started(stack, name, await startWorker(runtime, { name, userFolder, logFile: log(name), env: { ...shared, [PROCESS_NAME_VARIABLE]: name } })),
			),
		),
	);
	await timer.phase('create the n8n owner', async () => await new N8nClient(n8n.url).setupOwner());

	const environment: QueueEnvironment = {
		workDir,
		runtime,
		n8nUrl: n8n.url,
		n8nLog: log('main'),
		hubUrl: hub.url,
		hubLog: log('hub'),
		hubInfo: hub.info,
		userFolder: main.userFolder,
		tarball,
		phasesFile: path.join(workDir, 'phases.jsonl'),
		figuresFile: path.join(workDir, 'figures.jsonl'),
		workers: workers.map((worker) => ({ name: worker.name, pid: worker.process.child.pid as number, userFolder: worker.userFolder, log: log(worker.name) })),
		workerEnv: shared,
		redis: { host: redis.host, port: redis.port },
		postgres: { host: postgres.host, port: postgres.port, user: postgres.user, database: postgres.database, version: POSTGRES_VERSION },
	};
	const environmentFile = path.join(workDir, 'environment.json');
	writeFileSync(environmentFile, JSON.stringify(environment, null, 2));
	writeFileSync(environment.phasesFile, '');
	writeFileSync(environment.figuresFile, '');
	process.env[ENVIRONMENT_VARIABLE] = environmentFile;
	process.stdout.write('\n');
}
