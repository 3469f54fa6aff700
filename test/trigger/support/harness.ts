import type { IDataObject, INodeParameters } from 'n8n-workflow';
import { AgenticDeveloperHubTrigger } from '../../../nodes/AgenticDeveloperHubTrigger/AgenticDeveloperHubTrigger.node';
import { createHarness, type Harness } from '../../harness';
import type { Hub } from '../../hub';
import { controlRequest } from '../../hub/testing';

export const trigger = new AgenticDeveloperHubTrigger();

/** A harness with both credentials for Ada, the trigger's user; other people act through the control API. */
export async function triggerHarness(): Promise<Harness> {
	const harness = await createHarness();
	harness.useApiToken();
	await harness.connectOAuth2();
	return harness;
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

export async function counters(hub: Hub): Promise<Counters> {
	return await controlRequest<Counters>(hub, 'GET', '/__sandbox/counters');
}

/** Hub API requests (control calls excluded) between two counter snapshots. */
export function requestsBetween(before: Counters, after: Counters): number {
	const total = (snapshot: Counters) =>
		Object.values(snapshot.requests).reduce(
			(sum, byStatus) => sum + Object.values(byStatus).reduce((routeSum, n) => routeSum + n, 0),
			0,
		);
	return total(after) - total(before);
}

/** Response body bytes the Hub sends while `run` runs (API routes only), counted in-process. */
export async function measureResponseBytes<T>(hub: Hub, run: () => Promise<T>): Promise<{ result: T; bytes: number }> {
	type Send = (response: { req?: { url?: string } }, requestId: string, reply: { body?: unknown }) => void;
	const target = hub as unknown as { send: Send };
	const original = target.send;
	let bytes = 0;
	const spy = jest.spyOn(target, 'send').mockImplementation(function (this: unknown, response, requestId, reply) {
		if (!response.req?.url?.startsWith('/__sandbox') && reply.body !== undefined) {
			bytes += Buffer.byteLength(JSON.stringify(reply.body));
		}
		return original.call(this, response, requestId, reply);
	});
	try {
		return { result: await run(), bytes };
	} finally {
		spy.mockRestore();
	}
}
