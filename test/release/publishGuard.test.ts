import { execFileSync } from 'child_process';
import { readFileSync } from 'fs';
import path from 'path';
import { publishRefusal, tagMismatch } from '../../scripts/release/publishGuard';

/* prepublishOnly refuses a publish anywhere but the publish workflow's job (trusted publishing, provenance, the right tag). */

const root = path.join(__dirname, '..', '..');
const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));

/** What GitHub and npm set in the publish job of .github/workflows/publish.yml for `npm publish --provenance`. */
const publishJob = {
	GITHUB_ACTIONS: 'true',
	GITHUB_WORKFLOW_REF: 'agentic-developer-hub/n8n-nodes-agentic-developer-hub/.github/workflows/publish.yml@refs/tags/v1.2.3',
	ACTIONS_ID_TOKEN_REQUEST_URL: 'https://pipelines.actions.example/token',
	ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'request-token',
	NODE_AUTH_TOKEN: 'XXXXX-XXXXX-XXXXX-XXXXX',
	npm_config_provenance: 'true',
	RELEASE_TAG: 'v1.2.3',
};

describe('the publish guard', () => {
	it('lets the publish job publish its tagged version', () => {
		expect(publishRefusal(publishJob, '1.2.3')).toBeUndefined();
	});

	it('lets any dry run through: nothing is uploaded', () => {
		expect(publishRefusal({ npm_config_dry_run: 'true' }, '1.2.3')).toBeUndefined();
	});

	it.each([
		['a laptop', { GITHUB_ACTIONS: undefined }, /runs only in GitHub Actions/],
		['another workflow', { GITHUB_WORKFLOW_REF: 'o/r/.github/workflows/ci.yml@refs/heads/main' }, /runs only in .github\/workflows\/publish.yml, not in o\/r\/.github\/workflows\/ci.yml/],
		['a job without id-token: write', { ACTIONS_ID_TOKEN_REQUEST_TOKEN: undefined }, /id-token: write/],
		['a long-lived token', { NODE_AUTH_TOKEN: 'npm_realLookingToken' }, /long-lived npm token/],
		['an NPM_TOKEN secret', { NPM_TOKEN: 'npm_realLookingToken' }, /long-lived npm token/],
		['no --provenance', { npm_config_provenance: undefined }, /--provenance/],
		['another tag', { RELEASE_TAG: 'v1.2.4' }, /"v1.2.4" does not match package.json's version 1.2.3/],
		['no tag', { RELEASE_TAG: undefined }, /\(none\) does not match/],
	])('refuses %s', (_case, change, message) => {
		expect(publishRefusal({ ...publishJob, ...change }, '1.2.3')).toMatch(message);
	});

	it('names the tag a version needs', () => {
		expect(tagMismatch('v1.2.3', '1.2.3')).toBeUndefined();
		expect(tagMismatch('1.2.3', '1.2.3')).toMatch(/tag the release v1.2.3/);
	});

	it('is what prepublishOnly runs first, and it stops a publish from here (exit 1, the reason on stderr)', () => {
		expect(manifest.scripts.prepublishOnly).toMatch(/^ts-node --transpile-only scripts\/release\/publishGuard\.ts && /);
		const env = { PATH: process.env.PATH, HOME: process.env.HOME };
		const run = (extra: Record<string, string>) => {
			try {
				execFileSync(process.execPath, ['-r', 'ts-node/register/transpile-only', 'scripts/release/publishGuard.ts'], { cwd: root, env: { ...env, ...extra }, stdio: 'pipe' });
				return 'allowed';
			} catch (error) {
				const { status, stderr } = error as { status: number; stderr: Buffer };
				return `exit ${status}: ${stderr}`;
			}
		};
		expect(run({})).toMatch(/^exit 1: prepublishOnly: refused. npm publish runs only in GitHub Actions/);
		expect(run({ npm_config_dry_run: 'true' })).toBe('allowed');
	});
});
