/** @type {import('jest').Config} */
// The real-n8n suite: one provisioned n8n 2.41 (Node 24) and one sandbox Hub for all files,
// started by the global setup; files run one at a time, in name order.
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
