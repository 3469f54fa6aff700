import { mkdirSync } from 'fs';
import path from 'path';
import type { N8nRuntime } from './provision';
import { freePort, startProcess, tail, type ManagedProcess } from './processes';

/* A real n8n process (the provisioned runtime) on a loopback port, with its own user folder. */

export const OWNER = {
	email: 'owner@example.com',
	firstName: 'Olivia',
	lastName: 'Owner',
	password: 'Sandbox-Owner-1',
};

export interface N8nInstance {
	url: string;
	port: number;
	userFolder: string;
	process: ManagedProcess;
	stop(): Promise<void>;
}

export function n8nEnvironment(options: { port: number; userFolder: string; extra?: NodeJS.ProcessEnv }): NodeJS.ProcessEnv {
	const env: NodeJS.ProcessEnv = {};
	// n8n reads many N8N_* / DB_* settings; start from a clean slate so the caller's shell cannot leak in.
	for (const [name, value] of Object.entries(process.env)) {
		// NODE_ENV=test (set by Jest) makes n8n refuse to load nodes.
		if (!/^(N8N_|DB_|EXECUTIONS_|WEBHOOK_URL|GENERIC_TIMEZONE|npm_|NODE_ENV$|NODE_OPTIONS$|JEST_)/i.test(name)) env[name] = value;
	}
	return {
		...env,
		N8N_USER_FOLDER: options.userFolder,
		N8N_PORT: String(options.port),
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_HOST: 'localhost',
		N8N_PROTOCOL: 'http',
		N8N_SECURE_COOKIE: 'false',
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_HIRING_BANNER_ENABLED: 'false',
		N8N_COMMUNITY_PACKAGES_ENABLED: 'true',
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
		N8N_LOG_LEVEL: 'debug',
		N8N_LOG_OUTPUT: 'console',
		GENERIC_TIMEZONE: 'UTC',
		// Stopping waits this long for running executions; nothing here needs more.
		N8N_GRACEFUL_SHUTDOWN_TIMEOUT: '5',
		...options.extra,
	};
}

/** Starts `n8n start` and resolves once its REST API answers (not only /healthz). */
export async function startN8n(
	runtime: N8nRuntime,
	options: { port: number; userFolder: string; logFile?: string; env?: NodeJS.ProcessEnv; echo?: boolean },
): Promise<N8nInstance> {
	mkdirSync(options.userFolder, { recursive: true });
	// The task runners' broker listens on 5679 by default: give each instance its own port.
	const brokerPort = String(await freePort());
	const n8nProcess = startProcess('n8n', runtime.nodeBinary, [runtime.n8nBin, 'start'], {
		cwd: options.userFolder,
		env: n8nEnvironment({ port: options.port, userFolder: options.userFolder, extra: { N8N_RUNNERS_BROKER_PORT: brokerPort, ...options.env } }),
		logFile: options.logFile,
		echo: options.echo,
	});
	const url = `http://localhost:${options.port}`;
	try {
		await waitUntilReady(url, n8nProcess, 180000);
	} catch (error) {
		await n8nProcess.stop();
		throw error;
	}
	return { url, port: options.port, userFolder: options.userFolder, process: n8nProcess, stop: async () => await n8nProcess.stop() };
}

async function waitUntilReady(url: string, n8nProcess: ManagedProcess, timeoutMs: number): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if (n8nProcess.child.exitCode !== null) {
			throw new Error(`n8n exited with ${n8nProcess.child.exitCode} while starting:\n${tail(n8nProcess.output())}`);
		}
		try {
			// /healthz answers early; /rest/settings answers "n8n is starting up" (503) until the API is up.
			const response = await fetch(`${url}/rest/settings`);
			const text = await response.text();
			if (response.ok && text.startsWith('{')) return;
		} catch {
			// not listening yet
		}
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
	throw new Error(`n8n did not become ready within ${timeoutMs} ms:\n${tail(n8nProcess.output())}`);
}

export function oauthCallbackUrl(n8nUrl: string): string {
	return `${n8nUrl}/rest/oauth2-credential/callback`;
}

export function defaultUserFolder(base: string): string {
	return path.join(base, 'n8n-user');
}
