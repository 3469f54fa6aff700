import { readFileSync } from 'fs';
import path from 'path';
import { dryRunFiles, packageContentProblems } from '../../scripts/release/packageContents';

/* The rule `npm run check:package` applies to `npm publish --dry-run`'s listing (.ci/run runs it on the real build). */

const manifest = JSON.parse(readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8'));
const compiled = [...manifest.n8n.credentials, ...manifest.n8n.nodes] as string[];
const good = ['LICENSE.md', 'README.md', 'package.json', ...compiled, 'dist/nodes/AgenticDeveloperHub/agenticDeveloperHub.svg'];

describe('what a publish may upload', () => {
	it('is dist/ with README, LICENSE and package.json beside it', () => {
		expect(packageContentProblems(good, manifest)).toEqual([]);
	});

	it('names a file outside dist/, a missing compiled node, and compiled tests', () => {
		const files = [...good.filter((file) => file !== compiled[0]), 'CHANGELOG.md', 'dist/test/unit/x.test.js'];
		expect(packageContentProblems(files, manifest)).toEqual([
			'ships CHANGELOG.md, outside dist/',
			`does not ship ${compiled[0]} (run npm run build first)`,
			'ships development code dist/test/unit/x.test.js',
		]);
	});

	it('reads the listing as npm 10 and npm 11 print it', () => {
		const listing = { id: 'x@1', files: [{ path: 'package.json' }, { path: 'dist/a.js' }] };
		expect(dryRunFiles(JSON.stringify(listing), 'x')).toEqual(['package.json', 'dist/a.js']);
		expect(dryRunFiles(JSON.stringify({ x: listing }), 'x')).toEqual(['package.json', 'dist/a.js']);
		expect(() => dryRunFiles('{}', 'x')).toThrow(/printed no file list/);
	});
});
