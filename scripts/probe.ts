import { probeHub, probeTable, type ProbeOptions } from './lib/probe';

/*
 * `npm run probe -- --hub-url URL --token adh_pat_... [--client-id ID --client-secret SECRET]`:
 * checks, read-only, each assumption this package makes of a Hub (docs/hub-drift.md) and prints
 * held / broken / unknown per assumption. Exit 0 when none is broken, 1 otherwise, 2 on bad arguments.
 * The token and the client secret are never printed.
 */

const USAGE = 'usage: npm run probe -- --hub-url URL --token adh_pat_... [--client-id ID --client-secret SECRET]';

function option(argv: string[], name: string): string | undefined {
	const index = argv.indexOf(name);
	return index < 0 ? undefined : argv[index + 1];
}

async function main(): Promise<void> {
	const argv = process.argv.slice(2);
	const hubUrl = option(argv, '--hub-url');
	const token = option(argv, '--token') ?? process.env.ADH_PROBE_TOKEN;
	if (!hubUrl || !token || !/^https?:\/\//.test(hubUrl)) {
		process.stderr.write(`${USAGE}\n`);
		process.exit(2);
	}
	const options: ProbeOptions = { hubUrl, token, clientId: option(argv, '--client-id'), clientSecret: option(argv, '--client-secret') };
	const findings = await probeHub(options);
	process.stdout.write(`${probeTable(findings, options)}\n`);
	process.exit(findings.some((finding) => finding.verdict === 'broken') ? 1 : 0);
}

main().catch((error: Error) => {
	// A network failure names the URL, never the token.
	process.stderr.write(`probe failed: ${error.message}\n`);
	process.exit(1);
});
