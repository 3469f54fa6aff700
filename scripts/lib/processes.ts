import { spawn, type ChildProcess } from 'child_process';
import { createWriteStream, type WriteStream } from 'fs';
import { createServer } from 'net';

/** A free TCP port on the loopback interface (the OS picks it; we release it at once). */
export async function freePort(): Promise<number> {
	return await new Promise((resolve, reject) => {
		const server = createServer();
		server.unref();
		server.on('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			const port = typeof address === 'object' && address ? address.port : 0;
			server.close(() => resolve(port));
		});
	});
}

export interface ManagedProcess {
	name: string;
	child: ChildProcess;
	/** Everything the process wrote to stdout and stderr so far. */
	output(): string;
	/** Resolves with the first output line matching `pattern`. */
	waitForLine(pattern: RegExp, timeoutMs: number): Promise<string>;
	/** SIGTERM to the whole process group, SIGKILL after `graceMs`; resolves once it exited. */
	stop(graceMs?: number): Promise<void>;
}

const running = new Set<ManagedProcess>();

// If the parent dies without stopping them (an uncaught error, process.exit), take the groups along.
process.once('exit', () => {
	for (const managed of running) signalGroup(managed.child, 'SIGKILL');
});

/**
 * Starts a process in its own process group (so that stopping it also stops the children it
 * spawns, like n8n's task runner), capturing its output in memory and optionally in a log file.
 */
export function startProcess(
	name: string,
	command: string,
	args: string[],
	options: {
		cwd?: string;
		env?: NodeJS.ProcessEnv;
		logFile?: string;
		echo?: boolean;
		/** Applied to what goes to the log file, the echo and error messages (not to `output()`). */
		redact?: (text: string) => string;
		/** Run as this user and group (e.g. an unprivileged one, for servers that refuse root). */
		uid?: number;
		gid?: number;
	} = {},
): ManagedProcess {
	const shown = options.redact ?? ((text: string) => text);
	const child = spawn(command, args, {
		cwd: options.cwd,
		env: options.env ?? process.env,
		detached: true,
		stdio: ['ignore', 'pipe', 'pipe'],
		uid: options.uid,
		gid: options.gid,
	});
	const chunks: string[] = [];
	const file: WriteStream | undefined = options.logFile ? createWriteStream(options.logFile, { flags: 'a' }) : undefined;
	const listeners = new Set<() => void>();
	const onData = (data: Buffer) => {
		const text = data.toString('utf8');
		chunks.push(text);
		file?.write(shown(text));
		if (options.echo) process.stdout.write(shown(text).replace(/^(?=.)/gm, `[${name}] `));
		for (const listener of listeners) listener();
	};
	child.stdout?.on('data', onData);
	child.stderr?.on('data', onData);
	const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
	child.on('exit', () => {
		file?.end();
		for (const listener of listeners) listener();
	});

	const managed: ManagedProcess = {
		name,
		child,
		output: () => chunks.join(''),
		waitForLine: async (pattern, timeoutMs) =>
			await new Promise<string>((resolve, reject) => {
				const check = () => {
					const line = managed.output().split('\n').find((candidate) => pattern.test(candidate));
					if (line !== undefined) return finish(() => resolve(line));
					if (child.exitCode !== null || child.signalCode !== null) {
						finish(() => reject(new Error(`${name} exited (${child.exitCode ?? child.signalCode}) before printing ${pattern}:\n${tail(shown(managed.output()))}`)));
					}
				};
				const timer = setTimeout(
					() => finish(() => reject(new Error(`${name} did not print ${pattern} within ${timeoutMs} ms:\n${tail(shown(managed.output()))}`))),
					timeoutMs,
				);
				const finish = (settle: () => void) => {
					clearTimeout(timer);
					listeners.delete(check);
					settle();
				};
				listeners.add(check);
				check();
			}),
		stop: async (graceMs = 15000) => {
			running.delete(managed);
			if (child.exitCode !== null || child.signalCode !== null) return;
			signalGroup(child, 'SIGTERM');
			const killer = setTimeout(() => signalGroup(child, 'SIGKILL'), graceMs);
			await exited;
			clearTimeout(killer);
			// Children that outlived their parent (same group) go too.
			signalGroup(child, 'SIGKILL');
		},
	};
	running.add(managed);
	return managed;
}

function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
	if (child.pid === undefined) return;
	try {
		process.kill(-child.pid, signal);
	} catch {
		// the group is already gone
	}
}

/** Stops every process started here that is still running, newest first. */
export async function stopAll(): Promise<void> {
	for (const managed of [...running].reverse()) await managed.stop();
}

export function tail(text: string, lines = 40): string {
	return text.split('\n').slice(-lines).join('\n');
}

/** Records how long each phase took, prints it as it ends, and summarises at the end. */
export class PhaseTimer {
	readonly phases: Array<{ name: string; ms: number; ok: boolean }> = [];

	constructor(private readonly print: (line: string) => void = (line) => process.stdout.write(`${line}\n`)) {}

	async phase<T>(name: string, work: () => Promise<T>): Promise<T> {
		const started = Date.now();
		let ok = false;
		try {
			const result = await work();
			ok = true;
			return result;
		} finally {
			const ms = Date.now() - started;
			this.phases.push({ name, ms, ok });
			this.print(`[phase] ${name}: ${(ms / 1000).toFixed(1)}s${ok ? '' : ' (failed)'}`);
		}
	}

	summary(): string {
		const total = this.phases.reduce((sum, phase) => sum + phase.ms, 0);
		const rows = this.phases.map((phase) => `  ${phase.name.padEnd(56)} ${(phase.ms / 1000).toFixed(1).padStart(7)}s${phase.ok ? '' : '  FAILED'}`);
		return ['phase durations:', ...rows, `  ${'total'.padEnd(56)} ${(total / 1000).toFixed(1).padStart(7)}s`].join('\n');
	}
}
