import { spawn } from 'child_process';
import path from 'path';
import { linesNamed, type N8nLine } from './lib/provision';

/*
 * `npm run test:e2e [-- --line 1.x|2.x] [Jest arguments]`: the end-to-end suite once per n8n line,
 * 2.x then 1.x, one after the other (each run provisions its line, starts its own n8n and sandbox
 * Hub, and stops them). `--line` (or ADH_N8N_LINES=1.x) runs one line only.
 */

const repoRoot = path.resolve(__dirname, '..');

function parseArguments(argv: string[]): { lines: N8nLine[]; jestArguments: string[] } {
	let names = process.env.ADH_N8N_LINES;
	const jestArguments: string[] = [];
	for (let index = 0; index < argv.length; index++) {
		const argument = argv[index];
		if (argument === '--line') names = argv[++index];
		else if (argument.startsWith('--line=')) names = argument.slice('--line='.length);
		else jestArguments.push(argument);
	}
	return { lines: linesNamed(names), jestArguments };
}

async function runSuite(line: N8nLine, jestArguments: string[]): Promise<number> {
	const jest = require.resolve('jest/bin/jest', { paths: [repoRoot] });
	return await new Promise((resolve) => {
		const child = spawn(process.execPath, [jest, '-c', 'jest.e2e.config.js', ...jestArguments], {
			cwd: repoRoot,
			stdio: 'inherit',
			env: { ...process.env, ADH_N8N_LINE: line.name },
		});
		child.on('error', () => resolve(1));
		child.on('close', (code) => resolve(code ?? 1));
	});
}

async function main(): Promise<void> {
	const { lines, jestArguments } = parseArguments(process.argv.slice(2));
	const results: string[] = [];
	let failed = false;
	for (const line of lines) {
		process.stdout.write(`\n== e2e on n8n ${line.n8n} (line ${line.name}, Node ${line.node})\n`);
		const started = Date.now();
		const code = await runSuite(line, jestArguments);
		failed ||= code !== 0;
		results.push(`n8n ${line.n8n}: ${code === 0 ? 'passed' : `failed (exit ${code})`} in ${((Date.now() - started) / 1000).toFixed(0)}s`);
	}
	process.stdout.write(`\n== e2e per n8n line\n${results.join('\n')}\n`);
	process.exitCode = failed ? 1 : 0;
}

main().catch((error: Error) => {
	process.stderr.write(`${error.message}\n`);
	process.exitCode = 1;
});
