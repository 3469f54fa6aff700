import { execFileSync } from 'child_process';
import { mkdtempSync, rmSync } from 'fs';
import os from 'os';
import path from 'path';
import { freePort, startProcess, type ManagedProcess } from './processes';

/*
 * Redis for n8n's queue mode: Debian's `redis-server` (`apt-get install -y redis-server`), or the
 * binary named by REDIS_SERVER_PATH, run on a free loopback port with nothing persisted.
 */

export interface RedisServer {
	host: string;
	port: number;
	process: ManagedProcess;
	stop(): Promise<void>;
}

export function redisServerBinary(): string {
	const configured = process.env.REDIS_SERVER_PATH;
	if (configured) return configured;
	try {
		return execFileSync('sh', ['-c', 'command -v redis-server'], { encoding: 'utf8' }).trim();
	} catch {
		throw new Error('redis-server was not found: install it (Debian: apt-get install -y redis-server) or set REDIS_SERVER_PATH');
	}
}

export async function startRedis(options: { logFile?: string } = {}): Promise<RedisServer> {
	const binary = redisServerBinary();
	const dir = mkdtempSync(path.join(os.tmpdir(), 'adh-redis-'));
	const port = await freePort();
	const server = startProcess(
		'redis',
		binary,
		['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir, '--daemonize', 'no'],
		{ cwd: dir, logFile: options.logFile },
	);
	const remove = () => rmSync(dir, { recursive: true, force: true });
	try {
		await server.waitForLine(/Ready to accept connections/, 30000);
	} catch (error) {
		await server.stop();
		remove();
		throw error;
	}
	return {
		host: '127.0.0.1',
		port,
		process: server,
		stop: async () => {
			await server.stop();
			remove();
		},
	};
}
