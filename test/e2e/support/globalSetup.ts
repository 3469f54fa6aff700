import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'fs';
import os from 'os';
import path from 'path';
import { buildPackage, installCommunityPackage, packPackage } from '../../../scripts/lib/communityPackage';
import { startN8n } from '../../../scripts/lib/n8n';
import { N8nClient } from '../../../scripts/lib/n8nClient';
import { freePort, PhaseTimer, stopAll } from '../../../scripts/lib/processes';
import { provisionN8n } from '../../../scripts/lib/provision';
import { startSandboxHub } from '../../../scripts/lib/sandboxHub';
import { ENVIRONMENT_VARIABLE, lineUnderTest, resultsDir, type E2eEnvironment } from './environment';

/*
 * Once per suite (e2e or browser) and n8n line: provision that line's n8n, build/pack/install this
 * package as a community package, start the sandbox Hub and n8n, create the owner. globalTeardown
 * stops what started here.
 */

export default async function globalSetup(): Promise<void> {
	const suite = process.env.ADH_SUITE ?? 'e2e';
	const line = lineUnderTest();
	const timer = new PhaseTimer((text) => process.stdout.write(`\n${text}`));
	const workDir = mkdtempSync(path.join(os.tmpdir(), `adh-${suite}-`));
	const logDir = path.join(resultsDir, '..', suite, `n8n-${line.n8n}`);
	rmSync(logDir, { recursive: true, force: true });
	mkdirSync(logDir, { recursive: true });
	(globalThis as Record<string, unknown>).__adhE2e = { workDir, timer, n8nVersion: line.n8n };
	try {
		const runtime = await timer.phase('provision n8n', async () => await provisionN8n({ line, log: (text) => process.stdout.write(`\n[provision] ${text}`) }));
		const userFolder = path.join(workDir, 'n8n-user');
		const tarball = await timer.phase('build, pack and install the package', async () => {
			buildPackage();
			const packed = packPackage(path.join(workDir, 'pack'));
			installCommunityPackage(packed, userFolder);
			return packed;
		});
		const hubLog = path.join(logDir, 'hub.log');
		const hub = await timer.phase('start the sandbox Hub', async () => await startSandboxHub({ logFile: hubLog }));
		const n8nLog = path.join(logDir, 'n8n.log');
		const port = await freePort();
		const n8n = await timer.phase('start n8n', async () => await startN8n(runtime, { port, userFolder, logFile: n8nLog }));
		await timer.phase('create the n8n owner', async () => await new N8nClient(n8n.url).setupOwner());

		const environment: E2eEnvironment = {
			workDir,
			runtime,
			n8nUrl: n8n.url,
			n8nLog,
			hubUrl: hub.url,
			hubLog,
			hubInfo: hub.info,
			userFolder,
			tarball,
			phasesFile: path.join(workDir, 'phases.jsonl'),
			figuresFile: path.join(workDir, 'figures.jsonl'),
		};
		const environmentFile = path.join(workDir, 'environment.json');
		writeFileSync(environmentFile, JSON.stringify(environment, null, 2));
		writeFileSync(environment.phasesFile, '');
		writeFileSync(environment.figuresFile, '');
		process.env[ENVIRONMENT_VARIABLE] = environmentFile;
		process.stdout.write('\n');
	} catch (error) {
		await stopAll();
		rmSync(workDir, { recursive: true, force: true });
		process.stdout.write(`\n${timer.summary()}\n`);
		throw error;
	}
}
