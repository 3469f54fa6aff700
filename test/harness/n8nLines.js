// The n8n 1.x line for the in-process harness: n8n-core 1.122 (the core of n8n 1.123) with the
// n8n-workflow and @n8n/* packages it pins, installed by `npm ci` through the dev dependency
// `n8n-v1-harness` (./n8n-v1: its own package, so that isolated-vm 6 can be the stub too). Jest maps
// every import of these names, the node's own included, to those copies: one module graph, 1.x only.
const path = require('path');

const harnessPackage = path.join(__dirname, 'n8n-v1');

/** The folder of `name` as Node would load it from `from` (a package folder). */
function packageFolder(name, from) {
	try {
		return path.dirname(require.resolve(`${name}/package.json`, { paths: [from] }));
	} catch {
		throw new Error(`${name} is not installed for the n8n 1.x harness (run npm ci)`);
	}
}

const v1Core = packageFolder('n8n-core', harnessPackage);

/** The packages n8n-core and the harness share; each must be the copy n8n-core 1.x itself loads. */
const SHARED = ['n8n-workflow', '@n8n/di', '@n8n/backend-common', '@n8n/client-oauth2', '@n8n/errors', '@n8n/config', '@n8n/constants', '@n8n/decorators'];

const escape = (name) => name.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

function n8nV1ModuleNameMapper() {
	const mapper = { '^n8n-core$': v1Core };
	for (const name of SHARED) mapper[`^${escape(name)}$`] = packageFolder(name, v1Core);
	return mapper;
}

/**
 * The tests that run on both lines: everything that goes through n8n-core's request helpers. Not
 * the personal-token credential test: n8n's credential tester (CLI code the harness reproduces)
 * reads the failed response from the error's `cause`, which 1.x drops, so 1.x ignores the test's
 * `rules` and shows its own message; nor the sandbox's contract tests, which use no n8n code.
 */
const N8N_V1_TESTS = [
	'<rootDir>/test/transport/**/*.test.ts',
	'<rootDir>/test/harness/**/*.test.ts',
	'<rootDir>/test/node/**/*.test.ts',
	'<rootDir>/test/trigger/**/*.test.ts',
	'<rootDir>/test/requestShapes/**/*.test.ts',
	'<rootDir>/test/credentials/oauth2Credential.test.ts',
	'<rootDir>/test/credentials/credentialRedirect.test.ts',
];

module.exports = { n8nV1ModuleNameMapper, N8N_V1_TESTS };
