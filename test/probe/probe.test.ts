import { execFile } from 'child_process';
import path from 'path';
import { ASSUMPTIONS, probeHub, probeTable, type AssumptionId, type ProbeOptions } from '../../scripts/lib/probe';
import { startHub, type Hub, type HubOptions } from '../hub';

/*
 * The probe of a live Hub (scripts/probe.ts) against the sandbox in each way the real Hub may
 * differ: it must name exactly the assumptions that mode breaks, and nothing else.
 */

const MODES: Array<[string, HubOptions, AssumptionId[]]> = [
	['hub-api.md as written', {}, []],
	['token endpoint takes JSON only', { tokenEndpoint: 'json-only' }, ['form']],
	['refresh only at /api/auth/refresh', { tokenEndpoint: 'refresh-elsewhere' }, ['refresh']],
	['sign-in answers as the published types ({ token, refreshToken })', { tokenEndpoint: 'published-signin' }, ['tokenShape']],
	['a Hub newer than its types (future mode)', { future: true }, ['types', 'errors']],
];

function optionsFor(hub: Hub): ProbeOptions {
	const [ada] = hub.info().users;
	const [client] = hub.info().clients;
	return { hubUrl: hub.url, token: ada.apiToken, clientId: client.clientId, clientSecret: client.clientSecret };
}

describe('the probe of a live Hub', () => {
	const table: string[] = [];
	afterAll(() => {
		const width = Math.max(...MODES.map(([mode]) => mode.length));
		process.stdout.write(`probe against the sandbox, per mode:\n${'mode'.padEnd(width)} | broken assumptions\n${table.join('\n')}\n`);
	});

	it.each(MODES)('%s: names exactly the broken assumptions', async (mode, hubOptions, broken) => {
		const hub = await startHub(hubOptions);
		try {
			const options = optionsFor(hub);
			const findings = await probeHub(options);
			expect(findings.map((finding) => finding.id)).toEqual(Object.keys(ASSUMPTIONS));
			const named = findings.filter((finding) => finding.verdict === 'broken').map((finding) => finding.id);
			table.push(`${mode.padEnd(Math.max(...MODES.map(([name]) => name.length)))} | ${named.map((id) => ASSUMPTIONS[id]).join('; ') || '(none)'}`);
			expect(named).toEqual(broken);
			expect(findings.filter((finding) => finding.verdict === 'unknown')).toEqual([]);
			const printed = probeTable(findings, options);
			expect(printed).not.toContain(options.token);
			expect(printed).not.toContain(options.clientSecret);
			// Read-only: nothing the probe sent breaks the published types.
			expect(hub.takeViolations()).toEqual([]);
			expect(hub.counters.grants).toEqual({ authorization_code: 0, refresh_token: 0 });
		} finally {
			await hub.close();
		}
	});

	it('without an app\'s credentials, the token-endpoint assumptions are unknown, not guessed', async () => {
		const hub = await startHub();
		try {
			const { hubUrl, token } = optionsFor(hub);
			const findings = await probeHub({ hubUrl, token });
			expect(findings.filter((finding) => finding.verdict !== 'held').map((finding) => `${finding.id} ${finding.verdict}`)).toEqual(['form unknown', 'refresh unknown']);
		} finally {
			await hub.close();
		}
	});

	it('npm run probe prints the table and never the token; exit 1 when an assumption is broken', async () => {
		const hub = await startHub({ tokenEndpoint: 'json-only' });
		try {
			const { hubUrl, token, clientId, clientSecret } = optionsFor(hub);
			const script = path.join(__dirname, '..', '..', 'scripts', 'probe.ts');
			const args = [require.resolve('ts-node/dist/bin.js'), '--transpile-only', script, '--hub-url', hubUrl, '--token', token, '--client-id', clientId!, '--client-secret', clientSecret!];
			const { code, stdout } = await new Promise<{ code: number; stdout: string }>((resolve) => {
				const child = execFile(process.execPath, args, { timeout: 120_000 }, (error, out) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout: out }));
				child.stdin?.end();
			});
			expect(code).toBe(1);
			expect(stdout).toMatch(/^broken {2}the token endpoint accepts form encoding/m);
			expect(stdout).toMatch(/^held {4}resource answers match the published types/m);
			expect(stdout).not.toContain(token);
			expect(stdout).not.toContain(clientSecret);
		} finally {
			await hub.close();
		}
	});
});
