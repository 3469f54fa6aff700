/* What the published tarball may hold: the compiled package under dist/ and three files beside it. */

export const SHIPPED_BESIDE_DIST = ['LICENSE.md', 'README.md', 'package.json'];

interface Manifest {
	n8n: { credentials: string[]; nodes: string[] };
}

/** The problems with a tarball listing (paths relative to the package root); empty when it is right. */
export function packageContentProblems(paths: string[], manifest: Manifest): string[] {
	const listed = new Set(paths);
	const unexpected = paths.filter((file) => !file.startsWith('dist/') && !SHIPPED_BESIDE_DIST.includes(file));
	const required = [...SHIPPED_BESIDE_DIST, ...manifest.n8n.credentials, ...manifest.n8n.nodes];
	const missing = required.filter((file) => !listed.has(file));
	const tests = paths.filter((file) => /\.test\.|^dist\/(test|scripts|bench)\//.test(file));
	return [
		...unexpected.map((file) => `ships ${file}, outside dist/`),
		...missing.map((file) => `does not ship ${file}${file.startsWith('dist/') ? ' (run npm run build first)' : ''}`),
		...tests.map((file) => `ships development code ${file}`),
	];
}

/** The files of `npm publish --dry-run --json` (npm 10 prints the package, npm 11 keys it by name). */
export function dryRunFiles(json: string, name: string): string[] {
	const parsed = JSON.parse(json) as Record<string, unknown>;
	const result = (parsed[name] ?? parsed) as { files?: Array<{ path: string }> };
	if (!Array.isArray(result.files)) throw new Error(`npm publish --dry-run --json printed no file list: ${json.slice(0, 200)}`);
	return result.files.map((file) => file.path);
}
