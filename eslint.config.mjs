// n8n's own lint config (`n8n-node lint`, from @n8n/node-cli), unchanged for everything that ships:
// package.json, credentials/ and nodes/ get exactly n8n's rules, cloud rules included
// (test/release/lintConfig.test.ts proves it). One block is added for the development code
// (tests, the sandbox Hub, scripts, benchmarks): it runs in Node, never in n8n, and needs fs,
// child_process and process, which n8n's runtime rules forbid. n8n's strict mode accepts only the
// unmodified file, so package.json says "strict": false (docs/development.md, "Lint: n8n's own tooling", says why).
import { n8nCommunityNodesPlugin } from '@n8n/eslint-plugin-community-nodes';
import { config } from '@n8n/node-cli/eslint';
import { globalIgnores } from 'eslint/config';

const n8nRuntimeRulesOff = Object.fromEntries(
	Object.keys(n8nCommunityNodesPlugin.rules).map((rule) => [`@n8n/community-nodes/${rule}`, 'off']),
);

export default [
	...config,
	globalIgnores(['.cache/', 'coverage/', 'test/stubs/']),
	{
		files: ['test/**/*.ts', 'scripts/**/*.ts', 'bench/**/*.ts'],
		rules: {
			...n8nRuntimeRulesOff,
			'no-undef': 'off',
			'@typescript-eslint/no-explicit-any': 'off',
			'@typescript-eslint/no-require-imports': 'off',
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
		},
	},
];
