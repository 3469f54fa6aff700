import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'fs';
import os from 'os';
import path from 'path';
import { buildPackage, installCommunityPackage, packPackage } from '../../scripts/lib/communityPackage';
import { oauthCallbackUrl, startN8n } from '../../scripts/lib/n8n';
import { N8nClient } from '../../scripts/lib/n8nClient';
import { freePort } from '../../scripts/lib/processes';
import { defaultRuntimeDir, provisionN8n, type N8nRuntime } from '../../scripts/lib/provision';
import { startSandboxHub, type SandboxHub } from '../../scripts/lib/sandboxHub';
import { connectAccount, createOAuthCredential, registerClient, type OAuthClient } from '../../test/e2e/support/connect';
import { remoteViolationReport } from '../../test/hub/testing';
import { notMeasured, type Figure } from './report';

/* A real n8n 2.41.1 (Node 24, from .cache) with this package installed, and a sandbox Hub, for the real-n8n figures. */

export type Credential = { type: string; id: string; name: string };

export interface RealN8n {
	/** The provisioned n8n (its folder has n8n's own modules, e.g. to read stored executions). */
	runtime: N8nRuntime;
	hub: SandboxHub;
	n8n: N8nClient;
	/** n8n main's process id (its memory is read from /proc). */
	pid: number;
	/** A sandbox app for n8n's OAuth callback. */
	app: OAuthClient;
	/** An OAuth2 credential of this package, connected through n8n's own flow as Ada (or the sandbox user `email`). */
	connectedCredential(name: string, permissions: string[], email?: string): Promise<Credential>;
}

/** Newest modification time (ms) of the files under `folder`, 0 when it does not exist. */
function newestChange(folder: string): number {
	if (!existsSync(folder)) return 0;
	return readdirSync(folder, { recursive: true, withFileTypes: true })
		.filter((entry) => entry.isFile())
		.reduce((newest, entry) => Math.max(newest, statSync(path.join(entry.parentPath, entry.name)).mtimeMs), 0);
}

/** Builds only when dist/ is older than the sources, so a bench run does not rebuild under another job's feet. */
function buildIfStale(): void {
	const root = path.resolve(__dirname, '..', '..');
	const sources = Math.max(newestChange(path.join(root, 'nodes')), newestChange(path.join(root, 'credentials')));
	if (newestChange(path.join(root, 'dist')) < sources) buildPackage();
}

async function startRealN8n(workDir: string, use: (setup: RealN8n) => Promise<Figure[]>): Promise<Figure[]> {
	const runtime = await provisionN8n();
	const userFolder = path.join(workDir, 'n8n-user');
	buildIfStale();
	installCommunityPackage(packPackage(path.join(workDir, 'pack')), userFolder);
	let hub: SandboxHub | undefined;
	let instance: Awaited<ReturnType<typeof startN8n>> | undefined;
	try {
		hub = await startSandboxHub({ logFile: path.join(workDir, 'hub.log') });
		// Its own task-broker port too: another n8n (e.g. the e2e suite's) may hold the default 5679.
		// n8n's default log level (the tests run n8n at debug, which logs every expression n8n
		// evaluates: half of a Topic Get's cost in a CPU profile, paid alike by both contenders).
		const env = { N8N_RUNNERS_BROKER_PORT: String(await freePort()), N8N_LOG_LEVEL: 'info', ...(process.env.BENCH_N8N_NODE_OPTIONS ? { NODE_OPTIONS: process.env.BENCH_N8N_NODE_OPTIONS } : {}) };
		instance = await startN8n(runtime, { port: await freePort(), userFolder, logFile: path.join(workDir, 'n8n.log'), env });
		const n8n = new N8nClient(instance.url);
		await n8n.setupOwner();
		const app = await registerClient(hub, oauthCallbackUrl(instance.url));
		const sandbox = hub;
		return await use({
			runtime,
			hub,
			n8n,
			pid: instance.process.child.pid!,
			app,
			async connectedCredential(name, permissions, email) {
				const id = await createOAuthCredential(n8n, sandbox, app, { name, permissions });
				const user = sandbox.info.users.find((candidate) => candidate.email === (email ?? sandbox.info.users[0].email));
				if (!user) throw new Error(`no sandbox user ${email}`);
				await connectAccount(n8n, id, user);
				return { type: 'agenticDeveloperHubOAuth2Api', id, name };
			},
		});
	} finally {
		await instance?.stop();
		if (hub) await reportViolations(hub.url);
		await hub?.stop();
	}
}

/** A violation of the Hub's published types in a real-n8n run fails the bench (its exit code). */
async function reportViolations(hubUrl: string): Promise<void> {
	const report = await remoteViolationReport(hubUrl, 'during the real-n8n benchmark');
	if (!report) return;
	process.stderr.write(`${report}\n`);
	process.exitCode = 1;
}

/**
 * Runs `measure` against a fresh real n8n and sandbox. Without the runtime (or with
 * `BENCH_SKIP_REAL_N8N`), or when the run fails, its figures are printed as not measured.
 */
export async function withRealN8n(names: string[], target: string, measure: (setup: RealN8n) => Promise<Figure[]>): Promise<Figure[]> {
	const skipped = (reason: string) => names.map((name) => notMeasured(name, target, reason));
	if (process.env.BENCH_SKIP_REAL_N8N) return skipped('BENCH_SKIP_REAL_N8N is set');
	if (!existsSync(path.join(defaultRuntimeDir, '.provisioned.json'))) {
		return skipped('n8n 2.41.1 is not provisioned in .cache: run `npm run test:e2e` or `ts-node scripts/provision-n8n.ts` once');
	}
	const workDir = mkdtempSync(path.join(os.tmpdir(), 'adh-bench-'));
	let failed = false;
	try {
		return await startRealN8n(workDir, measure);
	} catch (error) {
		failed = true;
		return skipped(`the real-n8n run failed: ${(error as Error).message.split('\n')[0]}; logs kept in ${workDir}`);
	} finally {
		// A failed run's logs are kept: its message names them.
		if (!failed && !process.env.BENCH_KEEP_LOGS) rmSync(workDir, { recursive: true, force: true });
	}
}
