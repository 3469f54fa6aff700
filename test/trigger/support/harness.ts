import { createServer, request as httpRequest } from 'http';
import type { AddressInfo } from 'net';
import type { IDataObject, INodeParameters } from 'n8n-workflow';
import { AgenticDeveloperHubTrigger } from '../../../nodes/AgenticDeveloperHub/AgenticDeveloperHubTrigger.node';
import { API_TOKEN_CREDENTIAL, createHarness, type Harness } from '../../harness';

export const trigger = new AgenticDeveloperHubTrigger();

/** A harness with both credentials for Ada, the trigger's user; other people act through the control API. */
export async function triggerHarness(): Promise<Harness> {
	const harness = await createHarness();
	harness.useApiToken();
	await harness.connectOAuth2();
	return harness;
}

/** Every secret the harness holds for Ada: none may show up in outputs, errors, state or logs. */
export function secretsOf(harness: Harness): string[] {
	const oauth = harness.storedCredential('agenticDeveloperHubOAuth2Api');
	const tokens = (oauth.oauthTokenData ?? {}) as IDataObject;
	const apiToken = harness.storedCredential(API_TOKEN_CREDENTIAL).apiToken;
	return [apiToken, oauth.clientSecret, tokens.access_token, tokens.refresh_token]
		.filter((secret): secret is string => typeof secret === 'string' && secret.length > 0);
}

/** Fails when any of the harness's secrets appears in `material` (serialized) or in the run logs. */
export function expectNoSecrets(harness: Harness, material: unknown): void {
	const text = `${JSON.stringify(material)}\n${harness.logs.join('\n')}`;
	const secrets = secretsOf(harness);
	expect(secrets.length).toBeGreaterThanOrEqual(3);
	for (const secret of secrets) expect(text.includes(secret)).toBe(false);
}

let nodeCount = 0;

/** A fresh node name, so that every test starts with empty static data. */
export function freshNodeName(): string {
	nodeCount += 1;
	return `Trigger ${nodeCount}`;
}

/** One poll as the active trigger (or a manual "Fetch Test Event"), as plain JSON items; [] for null. */
export async function pollItems(
	harness: Harness,
	nodeName: string,
	parameters: INodeParameters,
	mode: 'trigger' | 'manual' = 'trigger',
): Promise<IDataObject[]> {
	const output = await harness.poll(trigger, { parameters, nodeName, mode });
	if (output === null) return [];
	expect(output).toHaveLength(1);
	return output[0].map((item) => item.json);
}

interface Counters {
	requests: Record<string, Record<string, number>>;
	refreshes: number;
}

export { counters } from '../../transport/support';

/** Hub API requests (control calls excluded) between two counter snapshots. */
export function requestsBetween(before: Counters, after: Counters): number {
	const total = (snapshot: Counters) =>
		Object.values(snapshot.requests).reduce(
			(sum, byStatus) => sum + Object.values(byStatus).reduce((routeSum, n) => routeSum + n, 0),
			0,
		);
	return total(after) - total(before);
}

/**
 * Response body bytes, as they cross the wire, of the Hub API calls the
 * personal-token credential makes while `run` runs: its Base URL points at a counting proxy.
 */
export async function measureResponseBytes<T>(harness: Harness, run: () => Promise<T>): Promise<{ result: T; bytes: number }> {
	let bytes = 0;
	const target = new URL(harness.hub.url);
	const proxy = createServer((request, response) => {
		const upstream = httpRequest(
			{ host: target.hostname, port: target.port, path: request.url, method: request.method, headers: request.headers },
			(answer) => {
				response.writeHead(answer.statusCode ?? 502, answer.headers);
				answer.on('data', (chunk: Buffer) => (bytes += chunk.length));
				answer.pipe(response);
			},
		);
		request.pipe(upstream);
	});
	await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
	const stored = harness.storedCredential(API_TOKEN_CREDENTIAL);
	harness.setCredentialData(API_TOKEN_CREDENTIAL, { ...stored, baseUrl: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}` });
	try {
		return { result: await run(), bytes };
	} finally {
		harness.setCredentialData(API_TOKEN_CREDENTIAL, stored);
		proxy.closeAllConnections();
		await new Promise<void>((resolve) => proxy.close(() => resolve()));
	}
}
