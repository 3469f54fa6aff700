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

	it('declares the n8n block with paths under dist', () => {
		expect(manifest.n8n.n8nNodesApiVersion).toBe(1);
		expect(manifest.n8n.strict).toBe(true);
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
