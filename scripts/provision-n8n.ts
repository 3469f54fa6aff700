import { provisionN8n } from './lib/provision';

/* `npx ts-node --transpile-only scripts/provision-n8n.ts [--dir DIR]`: installs or reuses n8n. */

async function main(): Promise<void> {
	const dirFlag = process.argv.indexOf('--dir');
	const dir = dirFlag >= 0 ? process.argv[dirFlag + 1] : undefined;
	const started = Date.now();
	const runtime = await provisionN8n({ dir, log: (line) => process.stdout.write(`[provision] ${line}\n`) });
	const seconds = ((Date.now() - started) / 1000).toFixed(1);
	process.stdout.write(`[provision] ${runtime.installed ? 'installed' : 'reused'} in ${seconds}s: ${runtime.n8nBin}\n`);
}

main().catch((error: Error) => {
	process.stderr.write(`[provision] failed: ${error.message}\n`);
	process.exit(1);
});
