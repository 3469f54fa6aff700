import { mkdirSync, rmSync } from 'fs';
import path from 'path';
import { buildPackage, installCommunityPackage, packPackage } from './lib/communityPackage';
import { OWNER, oauthCallbackUrl, startN8n } from './lib/n8n';
import { N8nClient } from './lib/n8nClient';
import { NEWCOMER_CREDENTIAL, prepareForNewcomer } from './lib/newcomerSetup';
import { freePort, PhaseTimer, stopAll } from './lib/processes';
import { provisionN8n } from './lib/provision';
import { startSandboxHub, type SandboxHub } from './lib/sandboxHub';

/*
 * `npm start [-- --hub-url URL] [--port N]`: builds this package, starts the sandbox Hub (unless
 * --hub-url points at a real one) and a real n8n 2.41 with the package installed as a community
 * package, creates the owner and, with the sandbox, an OAuth app for n8n's callback plus a
 * credential holding its Base URL, Client ID and Secret (the newcomer only clicks Connect),
 * imports an example workflow, and prints where to click. Ctrl-C stops everything. n8n starts fresh each time.
 */

const repoRoot = path.resolve(__dirname, '..');
const workDir = path.join(repoRoot, '.cache', 'start');
const EXAMPLE = path.join(repoRoot, 'examples', 'welcome-new-topics.json');

function option(name: string): string | undefined {
	const index = process.argv.indexOf(name);
	if (index < 0) return undefined;
	const value = process.argv[index + 1];
	if (!value || value.startsWith('--')) throw new Error(`${name} needs a value`);
	return value;
}

async function portFor(wanted: string | undefined): Promise<number> {
	if (wanted) return Number(wanted);
	// n8n's usual port when it is free, else any free one.
	const probe = await import('net');
	const free = await new Promise<boolean>((resolve) => {
		const server = probe.createServer();
		server.once('error', () => resolve(false));
		server.listen(5678, '127.0.0.1', () => server.close(() => resolve(true)));
	});
	return free ? 5678 : await freePort();
}

async function main(): Promise<void> {
	const hubUrl = option('--hub-url')?.replace(/\/+$/, '');
	const timer = new PhaseTimer((line) => process.stdout.write(`${line}\n`));
	rmSync(workDir, { recursive: true, force: true });
	mkdirSync(workDir, { recursive: true });
	const userFolder = path.join(workDir, 'n8n-user');

	const runtime = await timer.phase('provision n8n', async () => await provisionN8n({ log: (line) => process.stdout.write(`[provision] ${line}\n`) }));
	await timer.phase('build, pack and install the package', async () => {
		buildPackage();
		installCommunityPackage(packPackage(path.join(workDir, 'pack')), userFolder);
	});
	let hub: SandboxHub | undefined;
	if (!hubUrl) hub = await timer.phase('start the sandbox Hub', async () => await startSandboxHub({ logFile: path.join(workDir, 'hub.log') }));
	const port = await portFor(option('--port'));
	const n8nLog = path.join(workDir, 'n8n.log');
	const n8n = await timer.phase('start n8n', async () => await startN8n(runtime, { port, userFolder, logFile: n8nLog }));
	const client = new N8nClient(n8n.url);
	await client.setupOwner();
	const { readWorkflow } = await import('../test/e2e/support/workflows');
	const setup = await prepareForNewcomer(client, { example: readWorkflow(EXAMPLE), hub });

	const ada = hub?.info.users[0];
	const lines = [
		'',
		'n8n is running with n8n-nodes-agentic-developer-hub installed.',
		'',
		`  Editor:            ${n8n.url}`,
		`  n8n login:         ${OWNER.email} / ${OWNER.password}`,
		`  Example workflow:  ${n8n.url}/workflow/${setup.exampleId}`,
		'',
		...(setup.credentialId
			? [
					`The credential "${NEWCOMER_CREDENTIAL}" is ready (Base URL ${hub?.url}, Client ID ${setup.app?.clientId} and Secret filled in):`,
					`  open ${n8n.url}/home/credentials/${setup.credentialId}, click "Connect my account" and sign in at the sandbox Hub:`,
					...(ada ? [`  Sandbox user:      ${ada.email} / ${ada.password}   (personal API token: ${ada.apiToken})`] : []),
				]
			: [
					'Create a credential (Overview > Create credential > "Agentic Developer Hub OAuth2 API"):',
					`  Base URL:          ${hubUrl}`,
					`  Client ID/Secret:  register an app at the Hub with the redirect URL ${oauthCallbackUrl(n8n.url)}`,
					'  Permissions:       pick what you need (e.g. Profile: Read, Discussions: Read), then Save',
					'  Then click "Connect" and sign in at the Hub.',
				]),
		'',
		`Logs: ${n8nLog}${hub ? ` and ${path.join(workDir, 'hub.log')}` : ''}`,
		'Press Ctrl-C to stop n8n' + (hub ? ' and the sandbox Hub.' : '.'),
		'',
	];
	process.stdout.write(lines.join('\n'));
}

let stopping = false;
async function stop(code: number): Promise<void> {
	if (stopping) return;
	stopping = true;
	process.stdout.write('\nStopping...\n');
	await stopAll();
	process.exit(code);
}
process.on('SIGINT', () => void stop(0));
process.on('SIGTERM', () => void stop(0));

main().catch(async (error: Error) => {
	process.stderr.write(`npm start failed: ${error.message}\n`);
	await stop(1);
});
