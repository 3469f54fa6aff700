// `node scripts/release/scanPackage.mjs <source folder> <tarball>`: n8n's community-package scanner
// (@n8n/scan-community-package) on both legs it scans a published package with: the source
// (package.json, nodes/, credentials/) and the unpacked tarball (compiled .js and package.json).
// Its provenance leg needs a version on the registry; publish.yml provides provenance.
// ESM, because the scanner is.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { analyzePackage, SOURCE_FILE_PATTERNS } from '@n8n/scan-community-package/scanner/scanner.mjs';

const [sourceDir, tarball] = process.argv.slice(2);
if (!sourceDir || !tarball) {
	process.stderr.write('usage: node scripts/release/scanPackage.mjs <source folder> <tarball>\n');
	process.exit(2);
}

const unpacked = mkdtempSync(path.join(tmpdir(), 'adh-scan-tarball-'));
let failed = false;
try {
	execFileSync('tar', ['-xzf', tarball, '-C', unpacked, '--strip-components=1']);
	for (const [leg, dir, patterns] of [
		['source', path.resolve(sourceDir), SOURCE_FILE_PATTERNS],
		['tarball', unpacked, ['**/*.js', 'package.json']],
	]) {
		const result = await analyzePackage(dir, patterns);
		// The scanner passes a folder where its patterns match nothing: that is a failure here.
		const passed = result.passed && !result.message;
		process.stdout.write(`n8n scanner, ${leg}: ${passed ? 'passed' : `FAILED: ${result.message}`}\n`);
		if (result.details) process.stdout.write(`${result.details}\n`);
		failed ||= !passed;
	}
} finally {
	rmSync(unpacked, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
