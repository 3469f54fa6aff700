/** @type {import('jest').Config} */
// The queue-mode suite: Redis, Postgres 17, the sandbox Hub and a real n8n 2.41 main with two
// workers, started once by the global setup; files run one at a time, in name order.
const e2e = require('./jest.e2e.config');

module.exports = {
	...e2e,
	roots: ['<rootDir>/test/e2e-queue'],
	testMatch: ['**/*.queue.ts'],
	globalSetup: '<rootDir>/test/e2e-queue/support/globalSetup.ts',
	globalTeardown: '<rootDir>/test/e2e-queue/support/globalTeardown.ts',
};
