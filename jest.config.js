/** @type {import('jest').Config} */
module.exports = {
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
	testTimeout: 60000,
	// Every sandbox Hub a test file starts must record no published-types violation it did not expect.
	setupFilesAfterEnv: ['<rootDir>/test/hub/jest/zeroViolations.ts'],
	maxWorkers: 2,
};
