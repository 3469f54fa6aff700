import { readFileSync } from 'fs';
import path from 'path';

/*
 * `prepublishOnly`: a real `npm publish` runs only in .github/workflows/publish.yml, where npm's
 * trusted publishing signs in with GitHub's OIDC token and attaches provenance (which n8n requires
 * of every community package). A publish from a laptop would carry no provenance and fail n8n's
 * scanner, so it is refused here. `npm publish --dry-run` is let through: nothing leaves the machine.
 * The variables read below can be faked by someone set on it; this stops mistakes, and npm's own
 * package setting (trusted publisher only, tokens disallowed) is the lock. RELEASING.md says how.
 */

export const PUBLISH_WORKFLOW = '.github/workflows/publish.yml';

/** What actions/setup-node puts in NODE_AUTH_TOKEN when none is given: a stand-in, not a credential. */
const SETUP_NODE_PLACEHOLDER = 'XXXXX-XXXXX-XXXXX-XXXXX';

/** Why a release tag does not name this version (tags are `v` + the package.json version), or undefined. */
export function tagMismatch(tag: string | undefined, version: string): string | undefined {
	if (tag === `v${version}`) return undefined;
	return `The release tag ${tag ? `"${tag}"` : '(none)'} does not match package.json's version ${version}: tag the release v${version}`;
}

/** Why this `npm publish` must not go on, or undefined when it may. */
export function publishRefusal(env: NodeJS.ProcessEnv, version: string): string | undefined {
	if (env.npm_config_dry_run === 'true') return undefined;
	if (env.GITHUB_ACTIONS !== 'true') {
		return `npm publish runs only in GitHub Actions (${PUBLISH_WORKFLOW}), with trusted publishing and provenance: see RELEASING.md`;
	}
	if (!env.GITHUB_WORKFLOW_REF?.includes(`/${PUBLISH_WORKFLOW}@`)) {
		return `npm publish runs only in ${PUBLISH_WORKFLOW}, not in ${env.GITHUB_WORKFLOW_REF ?? 'an unnamed workflow'}`;
	}
	if (!env.ACTIONS_ID_TOKEN_REQUEST_URL || !env.ACTIONS_ID_TOKEN_REQUEST_TOKEN) {
		return 'No GitHub OIDC token can be requested: the publish job needs "permissions: id-token: write" for trusted publishing';
	}
	if (env.NPM_TOKEN || (env.NODE_AUTH_TOKEN && env.NODE_AUTH_TOKEN !== SETUP_NODE_PLACEHOLDER)) {
		return 'A long-lived npm token is set (NPM_TOKEN or NODE_AUTH_TOKEN): publish through trusted publishing (OIDC) only';
	}
	if (env.npm_config_provenance !== 'true') return 'Publish with --provenance: n8n requires provenance for community packages';
	return tagMismatch(env.RELEASE_TAG, version);
}

if (require.main === module) {
	const { version } = JSON.parse(readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8')) as { version: string };
	const refusal = publishRefusal(process.env, version);
	if (refusal) {
		process.stderr.write(`prepublishOnly: refused. ${refusal}\n`);
		process.exit(1);
	}
}
