import { DEFAULT_LINE, linesNamed, provisionN8n } from './lib/provision';

/* `npx ts-node --transpile-only scripts/provision-n8n.ts [--line 1.x|2.x] [--dir DIR]`: installs or reuses n8n (default line 2.x). */

function option(name: string): string | undefined {
	const index = process.argv.indexOf(name);
	return index >= 0 ? process.argv[index + 1] : undefined;
}

async function main(): Promise<void> {
	const lineName = option('--line');
	const line = lineName ? linesNamed(lineName)[0] : DEFAULT_LINE;
	const started = Date.now();
	const runtime = await provisionN8n({ line, dir: option('--dir'), log: (text) => process.stdout.write(`[provision] ${text}\n`) });
	const seconds = ((Date.now() - started) / 1000).toFixed(1);
	process.stdout.write(`[provision] ${runtime.installed ? 'installed' : 'reused'} in ${seconds}s: ${runtime.n8nBin}\n`);
}

main().catch((error: Error) => {
	process.stderr.write(`[provision] failed: ${error.message}\n`);
	process.exit(1);
});
