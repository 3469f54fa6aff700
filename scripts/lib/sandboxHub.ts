import path from 'path';
import { startProcess, type ManagedProcess } from './processes';

/* The sandbox Hub as a separate process (its CLI), plus JSON calls to its control API. */

const repoRoot = path.resolve(__dirname, '..', '..');

export interface SandboxUser {
	id: string;
	email: string;
	name: string;
	password: string;
	apiToken: string;
}

export interface SandboxInfo {
	url: string;
	clients: Array<{ clientId: string; clientSecret: string; redirectUris: string[] }>;
	users: SandboxUser[];
}

export interface SandboxHub {
	url: string;
	info: SandboxInfo;
	process: ManagedProcess;
	control<T = any>(method: string, route: string, body?: unknown): Promise<T>;
	stop(): Promise<void>;
}

/** The sandbox's start line lists its client secret, tokens and passwords: none of them goes to a log. */
export function withoutSandboxSecrets(text: string): string {
	return text.replace(/"(clientSecret|apiToken|password)":"[^"]*"/g, '"$1":"[redacted]"');
}

/** A JSON call to a sandbox's control API (`/__sandbox/...`); throws on non-2xx. */
export async function controlCall<T = any>(hubUrl: string, method: string, route: string, body?: unknown): Promise<T> {
	const response = await fetch(hubUrl + route, {
		method,
		headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	const text = await response.text();
	if (!response.ok) throw new Error(`${method} ${route} answered ${response.status}: ${text}`);
	return (text ? JSON.parse(text) : {}) as T;
}

/** Starts `test/hub/cli.ts` on a free port (or `port`) and waits for its one JSON line. */
export async function startSandboxHub(options: { port?: number; logFile?: string; extraArgs?: string[] } = {}): Promise<SandboxHub> {
	const tsNode = require.resolve('ts-node/dist/bin.js', { paths: [repoRoot] });
	const hubProcess = startProcess(
		'hub',
		process.execPath,
		[tsNode, '--transpile-only', path.join(repoRoot, 'test', 'hub', 'cli.ts'), '--port', String(options.port ?? 0), ...(options.extraArgs ?? [])],
		{ cwd: repoRoot, logFile: options.logFile, redact: withoutSandboxSecrets },
	);
	try {
		const line = await hubProcess.waitForLine(/^\{.*"url"/, 60000);
		const info = JSON.parse(line) as SandboxInfo;
		return {
			url: info.url,
			info,
			process: hubProcess,
			control: async (method, route, body) => await controlCall(info.url, method, route, body),
			stop: async () => await hubProcess.stop(),
		};
	} catch (error) {
		await hubProcess.stop();
		throw error;
	}
}
