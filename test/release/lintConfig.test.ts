import { execFileSync } from 'child_process';
import { readFileSync } from 'fs';
import path from 'path';

/*
 * package.json says "strict": false because n8n's strict mode accepts only its own eslint.config.mjs
 * word for word, which would lint the tests and scripts with n8n's runtime rules. This proves what
 * the flag gives up is nothing that ships: for package.json, credentials/ and nodes/ ESLint computes
 * the same rules from our config as from n8n's unmodified default (the file strict mode compares
 * against, shipped in @n8n/node-cli), so `n8n-node lint` applies n8n's cloud rules to the package.
 */

const root = path.join(__dirname, '..', '..');
const n8nDefaultConfig = path.join(root, 'node_modules/@n8n/node-cli/dist/template/templates/shared/default/eslint.config.mjs');

/** The rules ESLint computes for each file under a config file (ESLint's config API is ES modules only: a child Node). */
function rulesFor(configFile: string, files: string[]): Record<string, Record<string, unknown>> {
	const script = `
		import { ESLint } from 'eslint';
		const eslint = new ESLint({ cwd: process.cwd(), overrideConfigFile: ${JSON.stringify(configFile)} });
		const out = {};
		for (const file of ${JSON.stringify(files)}) out[file] = (await eslint.calculateConfigForFile(file))?.rules ?? null;
		process.stdout.write(JSON.stringify(out));`;
	return JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: root, encoding: 'utf8' }));
}

describe('the lint config', () => {
	const shipped = ['package.json', 'credentials/AgenticDeveloperHubOAuth2Api.credentials.ts', 'nodes/AgenticDeveloperHub/AgenticDeveloperHub.node.ts'];
	const development = ['test/unit/package-manifest.test.ts', 'scripts/start.ts'];
	const ours = rulesFor(path.join(root, 'eslint.config.mjs'), [...shipped, ...development]);
	const n8ns = rulesFor(n8nDefaultConfig, [...shipped, ...development]);

	it("is n8n's default, word for word, in the template strict mode compares against", () => {
		expect(readFileSync(n8nDefaultConfig, 'utf8').replace(/\s+/g, ' ').trim()).toBe("import { config } from '@n8n/node-cli/eslint'; export default config;");
	});

	it.each(shipped)("gives %s exactly n8n's rules, cloud rules included", (file) => {
		expect(Object.keys(ours[file]).length).toBeGreaterThan(20);
		expect(ours[file]).toEqual(n8ns[file]);
	});

	it('applies n8n node rules to the nodes and its runtime rules to the shipped code', () => {
		const node = ours['nodes/AgenticDeveloperHub/AgenticDeveloperHub.node.ts'];
		expect(node['@n8n/community-nodes/no-restricted-imports']).toEqual([2]);
		expect(node['@n8n/community-nodes/no-restricted-globals']).toEqual([2]);
		expect(Object.keys(node).filter((rule) => rule.startsWith('n8n-nodes-base/node-')).length).toBeGreaterThan(20);
	});

	it.each(development)('lints %s as Node code: the runtime rules off, the TypeScript rules on', (file) => {
		expect(n8ns[file]['@n8n/community-nodes/no-restricted-imports']).toEqual([2]);
		expect(ours[file]['@n8n/community-nodes/no-restricted-imports']).toEqual([0]);
		expect(ours[file]['@typescript-eslint/no-unused-vars']).toEqual([2, { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }]);
	});

	it('is what npm run lint runs, through n8n-node lint, with the typecheck', () => {
		const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
		expect(manifest.scripts.lint).toBe('n8n-node lint && tsc -p tsconfig.json --noEmit');
		expect(manifest.n8n.strict).toBe(false);
	});
});
