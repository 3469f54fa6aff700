import { execFile } from 'child_process';
import { readFileSync } from 'fs';
import path from 'path';
import { promisify } from 'util';
import { n8nEnvironment, OWNER } from '../../scripts/lib/n8n';
import { freePort } from '../../scripts/lib/processes';
import { phase } from './support/environment';
import { useSession } from './support/session';
import { readExecution } from './support/workflows';

/*
 * Runs last (files run in name order): every token, secret and password this suite handled must
 * be absent from n8n's stored execution data, from its log and from the sandbox Hub's log.
 */

/** Anything shaped like a Hub token (access `adh_<JWT>`, refresh `adh_rt_`, personal `adh_pat_`); client IDs are public. */
const TOKEN_SHAPE = /adh_(?!client_)[A-Za-z0-9._~+/=-]{20,}/g;

describe('no token or secret in what n8n keeps', () => {
	const session = useSession();

	/** The stored credentials, decrypted by n8n's own CLI: the tokens n8n holds right now. */
	async function storedSecrets(): Promise<string[]> {
		const { environment } = session;
		const file = path.join(environment.workDir, 'credentials-export.json');
		// Not execFileSync: a blocked event loop misses n8n closing idle connections, and the next
		// request on one of them fails (seen with n8n 1.x).
		await promisify(execFile)(environment.runtime.nodeBinary, [environment.runtime.n8nBin, 'export:credentials', '--all', '--decrypted', `--output=${file}`], {
			env: n8nEnvironment({ port: await freePort(), userFolder: environment.userFolder }),
			maxBuffer: 64 * 1024 * 1024,
		});
		const credentials = JSON.parse(readFileSync(file, 'utf8')) as Array<{ data: Record<string, any> }>;
		return credentials.flatMap(({ data }) => [data.clientSecret, data.apiToken, data.oauthTokenData?.access_token, data.oauthTokenData?.refresh_token]);
	}

	it('holds for the execution data and the logs', async () => {
		await phase('secret scan (executions and logs)', async () => {
			const { hubInfo } = session.environment;
			const stored = await storedSecrets();
			// The export worked: the credentials' tokens are there to look for.
			expect(stored.filter((value) => typeof value === 'string' && value.startsWith('adh_')).length).toBeGreaterThan(0);
			const secrets = [
				...stored,
				...hubInfo.clients.map((client) => client.clientSecret),
				...hubInfo.users.flatMap((user) => [user.password, user.apiToken]),
				OWNER.password,
			].filter((value): value is string => typeof value === 'string' && value.length >= 8);

			const listed = await session.n8n.data<{ results: Array<{ id: string }> }>('GET', '/rest/executions?limit=100');
			expect(listed.results.length).toBeGreaterThan(0);
			const executions = await Promise.all(listed.results.map(async ({ id }) => JSON.stringify((await readExecution(session.environment, session.n8n, id)).raw)));
			const logs = [
				['n8n log', readFileSync(session.environment.n8nLog, 'utf8')],
				['sandbox Hub log', readFileSync(session.environment.hubLog, 'utf8')],
			];
			// The Hub log holds its start line: proof that the scan reads what the sandbox printed.
			expect(logs[1][1]).toContain(session.environment.hubInfo.url);

			for (const [where, text] of [...executions.map((json, index) => [`execution ${listed.results[index].id}`, json]), ...logs]) {
				expect({ where, leaked: secrets.filter((secret) => text.includes(secret)).map((secret) => `${secret.slice(0, 8)}...`) }).toEqual({ where, leaked: [] });
				expect({ where, tokenShaped: (text.match(TOKEN_SHAPE) ?? []).map((token) => `${token.slice(0, 10)}...`) }).toEqual({ where, tokenShaped: [] });
			}
		});
	});
});
