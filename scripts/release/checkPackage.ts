import { execFileSync } from 'child_process';
import { mkdtempSync, readFileSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import path from 'path';
import { packPackage } from '../lib/communityPackage';
import { dryRunFiles, packageContentProblems } from './packageContents';

/*
 * `npm run check:package` (after `npm run build`; .ci/run and the CI workflow run it): what a
 * publish would upload, as `npm publish --dry-run` lists it, is dist/ plus README, LICENSE and
 * package.json; and n8n's own scanner (@n8n/scan-community-package, the check n8n runs before it
 * verifies a community package) passes on the source and on the packed tarball.
 */

const repoRoot = path.resolve(__dirname, '..', '..');
const manifest = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));

function checkDryRun(): void {
	// --ignore-scripts: prepublishOnly would rebuild; the listing is what matters here.
	const json = execFileSync('npm', ['publish', '--dry-run', '--json', '--ignore-scripts'], {
		cwd: repoRoot,
		encoding: 'utf8',
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	const files = dryRunFiles(json, manifest.name);
	const problems = packageContentProblems(files, manifest);
	if (problems.length > 0) throw new Error(`npm publish --dry-run:\n  ${problems.join('\n  ')}`);
	const beside = files.filter((file) => !file.startsWith('dist/'));
	process.stdout.write(`npm publish --dry-run: ${files.length} files, dist/ plus ${beside.join(', ')}\n`);
}

function scan(): void {
	const scratch = mkdtempSync(path.join(tmpdir(), 'adh-scan-'));
	try {
		const tarball = packPackage(scratch);
		execFileSync(process.execPath, [path.join(__dirname, 'scanPackage.mjs'), repoRoot, tarball], { stdio: 'inherit' });
	} finally {
		rmSync(scratch, { recursive: true, force: true });
	}
}

try {
	checkDryRun();
	scan();
} catch (error) {
	process.stderr.write(`check:package failed: ${(error as Error).message}\n`);
	process.exit(1);
}
