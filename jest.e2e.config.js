/** @type {import('jest').Config} */
// The real-n8n suite: one provisioned n8n of the line ADH_N8N_LINE names (2.x: 2.41 under Node 24,
// the default; 1.x: 1.123 under Node 22) and one sandbox Hub for all files, started by the global
// setup; files run one at a time, in name order. `npm run test:e2e` runs it once per line.
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test/e2e'],
	testMatch: ['**/*.e2e.test.ts'],
	transform: {
		'^.+\\.[tj]s$': ['ts-jest', { isolatedModules: true, diagnostics: false }],
	},
	globalSetup: '<rootDir>/test/e2e/support/globalSetup.ts',
	globalTeardown: '<rootDir>/test/e2e/support/globalTeardown.ts',
	testSequencer: '<rootDir>/test/e2e/support/sequencer.js',
	testTimeout: 10 * 60 * 1000,
	maxWorkers: 1,
	verbose: true,
};
