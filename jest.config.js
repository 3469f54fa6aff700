const { n8nV1ModuleNameMapper, N8N_V1_TESTS } = require('./test/harness/n8nLines');

/** Shared by both n8n lines. */
const project = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	testMatch: ['**/*.test.ts'],
	// The real-n8n suites (e2e, browser) have their own commands.
	testPathIgnorePatterns: ['/node_modules/', '/test/e2e/', '/test/browser/'],
	transform: {
		'^.+\\.[tj]s$': ['ts-jest', { isolatedModules: true, diagnostics: false, tsconfig: { allowJs: true } }],
	},
	// oauth4webapi ships only ES modules; compile it like our own code.
	transformIgnorePatterns: ['/node_modules/(?!oauth4webapi/)'],
	// Every sandbox Hub a test file starts must record no published-types violation it did not expect
	// (a project option: Jest does not apply it from the root config to projects).
	setupFilesAfterEnv: ['<rootDir>/test/hub/jest/zeroViolations.ts'],
};

/** @type {import('jest').Config} */
module.exports = {
	projects: [
		{ ...project, displayName: 'n8n 2.x' },
		// The same node code and harness over n8n-core 1.x and n8n-workflow 1.x (the 1.123 line's
		// request helpers, errors and refresh): every import of them, ours and n8n's, resolves there.
		{ ...project, displayName: 'n8n 1.x', testMatch: N8N_V1_TESTS, moduleNameMapper: n8nV1ModuleNameMapper() },
	],
	testTimeout: 60000,
	maxWorkers: 2,
};
