import { spawn, type ChildProcessWithoutNullStreams } from 'child_process';
import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import type { Hub, HubInfo } from '../hub/hub';
import { freePort } from '../../scripts/lib/processes';
import { controlRequest, hubRequest, obtainTokens } from '../hub/testing';

const ROOT = join(__dirname, '..', '..');
const TS_NODE = require.resolve('ts-node/dist/bin.js');

interface Started {
	child: ChildProcessWithoutNullStreams;
	info: HubInfo;
	stdout: () => string;
	exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Runs the CLI as `npm run hub` does (ts-node --transpile-only test/hub/cli.ts) and waits for its line. */
function startCli(args: string[], command: string[] = [process.execPath, TS_NODE, '--transpile-only', 'test/hub/cli.ts']): Promise<Started> {
	const child = spawn(command[0], [...command.slice(1), ...args], { cwd: ROOT, detached: true });
	let stdout = '';
	let stderr = '';
	const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
		child.on('exit', (code, signal) => resolve({ code, signal })),
	);
	return new Promise((resolve, reject) => {
		child.stderr.on('data', (chunk) => (stderr += chunk));
		child.stdout.on('data', (chunk) => {
			stdout += chunk;
			if (stdout.endsWith('\n')) {
				resolve({ child, info: JSON.parse(stdout.trim()) as HubInfo, stdout: () => stdout, exited });
			}
		});
		void exited.then(({ code }) => reject(new Error(`the CLI exited with ${code} before its line: ${stderr}`)));
	});
}

/** Enough of a Hub for the HTTP helpers: they only use `url` and `info()`. */
const remote = (info: HubInfo) => ({ url: info.url, info: () => info }) as unknown as Hub;


// Each test starts ts-node processes: on a loaded 2-core machine one start can take many seconds.
jest.setTimeout(300_000);

describe('CLI: npm run hub', () => {
	let dir: string;
	const running: Started[] = [];

	beforeAll(() => {
		dir = mkdtempSync(join(tmpdir(), 'hub-cli-'));
	});
	afterAll(async () => {
		for (const started of running) if (started.child.exitCode === null) process.kill(-started.child.pid!, 'SIGKILL');
		rmSync(dir, { recursive: true, force: true });
	});

	async function start(args: string[]): Promise<Started> {
		const started = await startCli(args);
		running.push(started);
		return started;
	}

	it('prints exactly one JSON line, hub.info(), honouring --port, --redirect-uri, --access-token-ttl and --rate-limit', async () => {
		const port = await freePort();
		const started = await start([
			'--port', String(port),
			'--redirect-uri', 'https://app.example.com/cb',
			'--redirect-uri=http://localhost:3000/callback',
			'--access-token-ttl', '120',
			'--rate-limit', '2',
		]);
		expect(started.stdout().split('\n')).toEqual([expect.stringMatching(/^\{.*\}$/), '']);
		const { info } = started;
		expect(info.url).toBe(`http://127.0.0.1:${port}`);
		expect(info.clients[0].redirectUris).toEqual(['https://app.example.com/cb', 'http://localhost:3000/callback']);
		expect(info.users.map((user) => user.email)).toEqual(['ada@example.com', 'grace@example.com', 'alan@example.com']);
		const hub = remote(info);
		expect(await controlRequest(hub, 'GET', '/__sandbox/info')).toEqual(info);

		const tokens = await obtainTokens(hub, { scopes: ['profile:read'], redirectUri: 'http://localhost:3000/callback' });
		expect(tokens.expires_in).toBe(120);
		const me = () => hubRequest(hub, 'GET', '/api/auth/me', { token: tokens.access_token });
		// Two per minute, on a clock frozen at the start of a minute: a slow machine cannot spread the calls over two.
		const { now } = await controlRequest(hub, 'POST', '/__sandbox/clock', { frozen: true });
		await controlRequest(hub, 'POST', '/__sandbox/clock', { advanceSeconds: (60_000 - (Date.parse(now) % 60_000)) / 1000 });
		const statuses: number[] = [];
		for (let i = 0; i < 4; i++) statuses.push((await me()).status);
		expect(statuses).toEqual([200, 200, 429, 429]);

		started.child.kill('SIGTERM');
		expect(await started.exited).toEqual({ code: 0, signal: null });
		await expect(fetch(`${info.url}/__sandbox/info`)).rejects.toThrow();
	});

	it('stops cleanly on SIGINT', async () => {
		const started = await start([]);
		expect(started.info.clients[0].redirectUris).toEqual([
			'http://localhost:5678/rest/oauth2-credential/callback',
			'http://127.0.0.1:5678/rest/oauth2-credential/callback',
		]);
		started.child.kill('SIGINT');
		expect(await started.exited).toEqual({ code: 0, signal: null });
	});

	it('keeps state across restarts with --state FILE', async () => {
		const file = join(dir, 'state.json');
		const first = await start(['--state', file]);
		const tokens = await obtainTokens(remote(first.info), { scopes: ['profile:read'] });
		first.child.kill('SIGTERM');
		await first.exited;

		const second = await start(['--state', file]);
		expect(second.info.users).toEqual(first.info.users);
		expect(second.info.clients).toEqual(first.info.clients);
		const me = await hubRequest(remote(second.info), 'GET', '/api/auth/me', { token: tokens.access_token });
		expect(me.status).toBe(200);
		second.child.kill('SIGTERM');
		expect((await second.exited).code).toBe(0);
	});

	it('refuses unknown or malformed arguments with exit code 2, an unacceptable redirect URI with 1, printing nothing', async () => {
		for (const [args, expected] of [
			[['--bogus'], 2],
			[['--port', 'eighty'], 2],
			[['--state'], 2],
			[['--idempotency', 'sometimes'], 2],
			[['--redirect-uri', 'http://example.com/cb'], 1],
		] as Array<[string[], number]>) {
			const child = spawn(process.execPath, [TS_NODE, '--transpile-only', 'test/hub/cli.ts', ...args], { cwd: ROOT });
			let stdout = '';
			let stderr = '';
			child.stdout.on('data', (chunk) => (stdout += chunk));
			child.stderr.on('data', (chunk) => (stderr += chunk));
			const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
			expect(code).toBe(expected);
			expect(stdout).toBe('');
			expect(stderr).toContain(expected === 2 ? 'usage: npm run hub' : 'must be HTTPS');
		}
	});

	it('honours Idempotency-Key on every POST with --idempotency every-post (by default only where declared)', async () => {
		for (const [args, expected] of [[[], 'declared'], [['--idempotency', 'every-post'], 'every-post']] as Array<[string[], string]>) {
			const started = await start(args);
			expect(await controlRequest(remote(started.info), 'POST', '/__sandbox/settings', {})).toMatchObject({ idempotency: expected });
			started.child.kill('SIGTERM');
			await started.exited;
		}
	});

	it('prints only the JSON line through `npm run --silent hub`', async () => {
		const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
		const started = await startCli(['--rate-limit', '5'], [npm, 'run', '--silent', 'hub', '--']);
		running.push(started);
		expect(started.stdout().split('\n')).toEqual([expect.stringMatching(/^\{"url":"http:\/\/127\.0\.0\.1:\d+"/), '']);
		// npm does not pass signals on: stop the whole process group it leads.
		process.kill(-started.child.pid!, 'SIGTERM');
		await started.exited;
	});
});
