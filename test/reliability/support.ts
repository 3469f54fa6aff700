import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';
import type { Harness } from '../harness';
import { serialize } from '../harness/logger';
import type { Hub } from '../hub';
import type { Counters } from '../hub/middleware/counters';
import { node, rl, withDefaults } from '../node/support';
import { knownSecrets } from '../transport/support';

export { recordRetryWaits } from '../transport/support';

export { node, rl, withDefaults };

/** Runs the action node with n8n's stored parameters; returns its items or the error it threw. */
export async function runNode(
	harness: Harness,
	parameters: INodeParameters,
	run: { items?: INodeExecutionData[]; continueOnFail?: boolean } = {},
): Promise<{ output?: INodeExecutionData[]; error?: any }> {
	try {
		const output = await harness.execute(node, { parameters: withDefaults(parameters), ...run });
		return { output: output[0] };
	} catch (error) {
		return { error };
	}
}

export function emptyItems(count: number): INodeExecutionData[] {
	return Array.from({ length: count }, (_unused, index) => ({ json: { index } }));
}


/** Total API requests answered (control API excluded), optionally for one route label. */
export function requestCount(counters: Counters, label?: string): number {
	return Object.entries(counters.requests)
		.filter(([key]) => label === undefined || key === label)
		.reduce((sum, [, byStatus]) => sum + Object.values(byStatus).reduce((a, b) => a + b, 0), 0);
}


/** Mulberry32: a small seeded generator, so a failing fault sequence can be replayed exactly. */
export function seededRandom(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** The seeded community Ada administers (only admins start topics). */
export function adasCommunityId(hub: Hub): string {
	const ada = hub.info().users[0].id;
	const community = Object.values(hub.state.data.communities).find((candidate) => candidate.adminUserIds.includes(ada));
	if (!community) throw new Error('No community administered by Ada');
	return community.id;
}

/**
 * Every secret the sandbox or n8n holds (client secrets, personal tokens, and the access and
 * refresh tokens n8n stored) plus any extra ones seen during the test.
 */
export function allSecrets(harness: Harness, extra: string[] = []): string[] {
	const fromHub = harness.hub.info().clients.map((client) => client.clientSecret);
	return [...new Set([...knownSecrets(harness, extra), ...fromHub])];
}

/** Names each secret found in `text` by its prefix and length, never the secret itself. */
export function leakedSecrets(text: string, secrets: string[]): string[] {
	return secrets.filter((secret) => secret.length >= 8 && text.includes(secret)).map((secret) => `${secret.slice(0, 7)}... (${secret.length} chars)`);
}


/** Everything a run exposes to a user or an operator: output items, the error in every form, the logs. */
export function exposedText(harness: Harness, outcome: { output?: unknown; error?: unknown }): string {
	const error = outcome.error as IDataObject | undefined;
	return [
		serialize(outcome.output ?? null),
		error ? serialize(error) : '',
		error ? String(error.message) : '',
		error ? String(error.description ?? '') : '',
		error ? String(error.stack ?? '') : '',
		error ? serialize(error.cause ?? null) : '',
		...harness.logs,
	].join('\n');
}
