import type { IncomingMessage, Server, ServerResponse } from 'http';
import type { INodeExecutionData, INodeParameters } from 'n8n-workflow';
import { setRetryPolicy } from '../../nodes/AgenticDeveloperHub/transport/retryPolicy';
import type { Hub } from '../hub';
import { controlRequest } from '../hub/testing';
import type { Counters } from '../hub/middleware/counters';
import { API_TOKEN_CREDENTIAL, createHarness, OAUTH2_CREDENTIAL, type Harness } from '../harness';
import { HubProbe } from '../harness/fixtures/probeNode';

export const probe = new HubProbe();

export async function counters(hub: Hub): Promise<Counters> {
	return await controlRequest<Counters>(hub, 'GET', '/__sandbox/counters');
}

/** Responses counted for one route label, by status. */
export function responses(all: Counters, label: string): Record<string, number> {
	return all.requests[label] ?? {};
}

/** Retry waits recorded instead of slept, so retry tests neither sleep nor time anything. */
export function recordRetryWaits(): { waits: number[]; restore: () => void } {
	const waits: number[] = [];
	const restore = setRetryPolicy({
		sleep: async (ms: number) => {
			waits.push(ms);
		},
	});
	return { waits, restore };
}

/** Every secret the harness holds: client secret, tokens (current and past), personal tokens. */
export function knownSecrets(harness: Harness, extra: string[] = []): string[] {
	const secrets = new Set<string>(extra);
	for (const type of [OAUTH2_CREDENTIAL, API_TOKEN_CREDENTIAL]) {
		let data: Record<string, unknown>;
		try {
			data = harness.storedCredential(type);
		} catch {
			continue;
		}
		const tokens = (data.oauthTokenData ?? {}) as Record<string, unknown>;
		for (const value of [data.clientSecret, data.apiToken, tokens.access_token, tokens.refresh_token]) {
			if (typeof value === 'string' && value) secrets.add(value);
		}
	}
	for (const user of harness.hub.info().users) secrets.add(user.apiToken);
	return [...secrets];
}

/** Everything a failing run exposes: output items, the error's JSON and fields, and the logs. */
export function exposedText(harness: Harness, outcome: { output?: INodeExecutionData[][]; error?: unknown }): string {
	const error = outcome.error as Record<string, unknown> | undefined;
	return [
		JSON.stringify(outcome.output ?? null),
		error ? JSON.stringify(error) : '',
		error ? String(error.message) : '',
		error ? String(error.description ?? '') : '',
		error ? JSON.stringify(error.errorResponse ?? null) : '',
		error ? JSON.stringify(error.context ?? null) : '',
		error?.cause ? JSON.stringify(error.cause) : '',
		...harness.logs,
	].join('\n');
}

/** Fails with the secret's kind and position, never printing the secret itself. */
export function expectNoSecrets(harness: Harness, outcome: { output?: INodeExecutionData[][]; error?: unknown }, extra: string[] = []): void {
	const text = exposedText(harness, outcome);
	const leaked = knownSecrets(harness, extra).filter((secret) => text.includes(secret));
	expect(leaked.map((secret) => `${secret.slice(0, 7)}... (${secret.length} chars)`)).toEqual([]);
	expect(text).not.toMatch(/Bearer\s+adh_|authorization":\s*"Bearer/i);
}

/** Runs the probe and returns either its output or the error it threw. */
export async function runProbe(
	harness: Harness,
	parameters: INodeParameters,
	run: { items?: INodeExecutionData[]; continueOnFail?: boolean } = {},
): Promise<{ output?: INodeExecutionData[][]; error?: any }> {
	try {
		return { output: await harness.execute(probe, { parameters, ...run }) };
	} catch (error) {
		return { error };
	}
}

export function items(count: number): INodeExecutionData[] {
	return Array.from({ length: count }, (_unused, index) => ({ json: { index } }));
}

/** The community where Ada is admin (she may create topics there). */
export function adasCommunityId(hub: Hub): string {
	const ada = hub.info().users[0];
	const community = Object.values(hub.state.data.communities).find((candidate) => candidate.adminUserIds.includes(ada.id));
	if (!community) throw new Error('No community administered by Ada');
	return community.id;
}

/**
 * One harness for the enclosing describe block, handed over through `use`. Before each test the
 * sandbox is reset, Ada's OAuth2 credential connected again and the captured logs emptied; a
 * block's own beforeEach runs after this one.
 */
export function resetHarnessBeforeEach(use: (harness: Harness) => void): void {
	let harness: Harness | undefined;
	beforeAll(async () => {
		harness = await createHarness();
		use(harness);
	});
	afterAll(async () => await harness?.close());
	beforeEach(async () => {
		await controlRequest(harness!.hub, 'POST', '/__sandbox/reset');
		await harness!.connectOAuth2();
		harness!.logs.length = 0;
	});
}

/**
 * Calls `onMatch` for every API request to the sandbox with this method and path (`nth` from 1),
 * after the Hub has taken it in (so a fault armed there hits the next matching request).
 */
export function watchRequests(
	hub: Hub,
	method: string,
	path: string | RegExp,
	onMatch: (response: ServerResponse, nth: number) => void,
): { stop: () => void } {
	const server = (hub as unknown as { server: Server }).server;
	let seen = 0;
	const onRequest = (message: IncomingMessage, response: ServerResponse) => {
		const requestPath = new URL(message.url ?? '/', 'http://hub').pathname;
		if (message.method !== method || !(typeof path === 'string' ? requestPath === path : path.test(requestPath))) return;
		seen += 1;
		onMatch(response, seen);
	};
	server.on('request', onRequest);
	return { stop: () => server.off('request', onRequest) };
}

/** The route runs, then the connection is dropped instead of answered: an answer lost after the Hub acted. */
export function dropAnswer(response: ServerResponse, afterDrop?: () => void): void {
	response.writeHead = (() => {
		response.socket?.destroy();
		afterDrop?.();
		return response;
	}) as typeof response.writeHead;
	response.end = (() => response) as typeof response.end;
}
