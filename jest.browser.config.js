/** @type {import('jest').Config} */
// The browser suite: the same real n8n and sandbox Hub as the e2e suite, driven through the
// editor in Debian's chromium (playwright-core).
const e2e = require('./jest.e2e.config');

process.env.ADH_SUITE = 'browser';

module.exports = {
	...e2e,
	roots: ['<rootDir>/test/browser'],
	testMatch: ['**/*.browser.test.ts'],
};
