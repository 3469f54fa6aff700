/**
 * `npm run test:reliability`: restarts, random faults, fuzzing and security scenarios against the
 * sandbox Hub. Files are named `*.reliability.ts` so that the default `npm test` (which matches
 * `*.test.ts`) never runs them: they take minutes, not seconds.
 * @type {import('jest').Config}
 */
const base = require('./jest.config.js');

module.exports = {
	...base,
	roots: ['<rootDir>/test/reliability'],
	testMatch: ['**/*.reliability.ts'],
	testPathIgnorePatterns: ['/node_modules/'],
	testTimeout: 300000,
	// Each file starts its own Hub; two at a time fit two cores.
	maxWorkers: 2,
};
