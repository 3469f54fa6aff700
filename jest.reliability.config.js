/**
 * `npm run test:reliability`: restarts, random faults, fuzzing and security scenarios against the
 * sandbox Hub. Files are named `*.reliability.ts` so that the default `npm test` (which matches
 * `*.test.ts`) never runs them: they take minutes, not seconds.
 * @type {import('jest').Config}
 */
const { projects, ...base } = require('./jest.config.js');
// The n8n 2.x project's settings: this suite runs on n8n-core 2.41 only.
const { displayName: _line, ...project } = projects[0];

module.exports = {
	...base,
	...project,
	roots: ['<rootDir>/test/reliability'],
	testMatch: ['**/*.reliability.ts'],
	testPathIgnorePatterns: ['/node_modules/'],
	testTimeout: 300000,
	// Each file starts its own Hub; two at a time fit two cores.
	maxWorkers: 2,
};
