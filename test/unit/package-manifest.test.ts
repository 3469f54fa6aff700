import { existsSync, readFileSync } from 'fs';
import { join } from 'path';

const manifest = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8'));

describe('package.json as n8n reads a community package', () => {
	it('is named and tagged as a community node package', () => {
		expect(manifest.name).toMatch(/^n8n-nodes-/);
		expect(manifest.keywords).toContain('n8n-community-node-package');
		expect(manifest.license).toBe('MIT');
	});

	it('ships only dist and has no runtime dependencies', () => {
		expect(manifest.files).toEqual(['dist']);
		expect(manifest.dependencies ?? {}).toEqual({});
		expect(manifest.peerDependencies).toEqual({ 'n8n-workflow': '*' });
	});

	it('names no entry point (n8n loads the files of the n8n block), and installs with npm as it is', () => {
		expect(manifest.main).toBeUndefined();
		// eslint-plugin-n8n-nodes-base on the line n8n's CLI and scanner use; its preinstall (`npx only-allow
		// pnpm`) is denied rather than answered by a project-wide `yes=true` that would let npx fetch anything.
		expect(manifest.devDependencies['eslint-plugin-n8n-nodes-base']).toMatch(/^\^1\.1[6-9]\./);
		expect(manifest.allowScripts).toEqual({ 'eslint-plugin-n8n-nodes-base': false });
		const npmrc = join(__dirname, '..', '..', '.npmrc');
		if (existsSync(npmrc)) expect(readFileSync(npmrc, 'utf8')).not.toMatch(/^\s*yes\s*=/m);
	});

	it('declares the n8n block with paths under dist', () => {
		expect(manifest.n8n.n8nNodesApiVersion).toBe(1);
		// Not strict: n8n's strict mode accepts only its own eslint.config.mjs word for word (test/release/lintConfig.test.ts).
		expect(manifest.n8n.strict).toBe(false);
		for (const path of [...manifest.n8n.credentials, ...manifest.n8n.nodes]) {
			expect(path).toMatch(/^dist\/.+\.js$/);
		}
	});

	it('names compiled files whose sources exist, each node beside its codex file', () => {
		const root = join(__dirname, '..', '..');
		const sourceOf = (path: string) => join(root, path.replace(/^dist\//, '').replace(/\.js$/, '.ts'));
		for (const path of [...manifest.n8n.credentials, ...manifest.n8n.nodes]) expect(existsSync(sourceOf(path))).toBe(true);
		for (const path of manifest.n8n.nodes) expect(existsSync(sourceOf(path).replace(/\.ts$/, '.json'))).toBe(true);
	});
});
