import { readdirSync, readFileSync } from 'fs';
import path from 'path';
import { OWNER } from '../../scripts/lib/n8n';
import { loadQueueEnvironment, queueResultsDir } from './support/environment';

/*
 * Runs last: no Hub token (access `adh_<JWT>`, refresh `adh_rt_`, personal `adh_pat_`), client
 * secret or password in anything the queue-mode processes logged (n8n at debug level).
 */

const TOKEN_SHAPE = /adh_(?!client_)[A-Za-z0-9._~+/=-]{20,}/g;

describe('no token or secret in the queue-mode logs', () => {
	it('holds for the main, the workers, the sandbox Hub, Postgres and Redis', () => {
		const { hubInfo } = loadQueueEnvironment();
		const secrets = [...hubInfo.clients.map((client) => client.clientSecret), ...hubInfo.users.flatMap((user) => [user.password, user.apiToken]), OWNER.password];
		const logs = readdirSync(queueResultsDir).filter((file) => file.endsWith('.log'));
		expect(logs.sort()).toEqual(['hub.log', 'main.log', 'postgres.log', 'redis.log', 'worker-1.log', 'worker-2.log']);
		const text = (file: string) => readFileSync(path.join(queueResultsDir, file), 'utf8');
		// The scan reads what the processes did: the main enqueued, each worker ran executions.
		expect(text('main.log')).toMatch(/Enqueued execution/);
		for (const worker of ['worker-1.log', 'worker-2.log']) expect(text(worker)).toMatch(/Worker started execution/);

		for (const file of logs) {
			const content = text(file);
			expect({ file, leaked: secrets.filter((secret) => content.includes(secret)).map((secret) => `${secret.slice(0, 8)}...`) }).toEqual({ file, leaked: [] });
			expect({ file, tokenShaped: (content.match(TOKEN_SHAPE) ?? []).map((token) => `${token.slice(0, 10)}...`) }).toEqual({ file, tokenShaped: [] });
		}
	});
});
