import type { INodeType } from 'n8n-workflow';
import type { Harness } from '../test/harness';
import { GenericOAuth2Request } from './fixtures/genericOAuth2Node';
import { median, REPETITIONS } from './lib/measure';
import { figure, type Figure } from './lib/report';
import { actionNode, shiftTime } from './lib/setup';
import { failedRequestsBetween, snapshot } from './lib/traffic';
import { withDefaults } from '../test/node/support';

const ITEMS_PER_RUN = 10;
const IN_FLIGHT = 50;
/** Past the access token's one-hour lifetime: the token has expired for n8n and for the Hub. */
const PAST_EXPIRY_MS = 3_601_000;

const genericNode = new GenericOAuth2Request();

interface Contender {
	nodeType: INodeType;
	parameters: Record<string, unknown>;
}

const contenders: Record<'node' | 'generic', Contender> = {
	node: { nodeType: actionNode, parameters: withDefaults({ authentication: 'oAuth2', resource: 'user', operation: 'getMe' }) },
	generic: { nodeType: genericNode, parameters: { path: '/api/auth/me' } },
};

interface ExpiryCost {
	refreshes: number;
	failedCalls: number;
}

/**
 * A fresh connection, then time moves past the access token's expiry and `executions` runs of
 * `itemsPerRun` items start at once. Counts what the expiry cost at the Hub.
 */
async function costOfOneExpiry(harness: Harness, contender: Contender, executions: number, itemsPerRun: number): Promise<ExpiryCost> {
	await harness.connectOAuth2();
	const before = snapshot(harness.hub);
	const restoreTime = shiftTime(PAST_EXPIRY_MS);
	try {
		const items = Array.from({ length: itemsPerRun }, () => ({ json: {} }));
		const runs = await Promise.all(
			Array.from({ length: executions }, async () => await harness.execute(contender.nodeType, { parameters: contender.parameters as never, items })),
		);
		const emitted = runs.reduce((total, output) => total + output[0].length, 0);
		if (emitted !== executions * itemsPerRun) throw new Error(`Expected ${executions * itemsPerRun} items, got ${emitted}`);
	} finally {
		restoreTime();
	}
	const after = snapshot(harness.hub);
	return { refreshes: after.refreshes - before.refreshes, failedCalls: failedRequestsBetween(before, after) };
}

async function medianCost(harness: Harness, contender: Contender, executions: number, itemsPerRun: number): Promise<ExpiryCost> {
	await costOfOneExpiry(harness, contender, executions, itemsPerRun); // warm-up
	const costs: ExpiryCost[] = [];
	for (let round = 0; round < REPETITIONS; round++) costs.push(await costOfOneExpiry(harness, contender, executions, itemsPerRun));
	return {
		refreshes: median(costs.map((cost) => cost.refreshes)),
		failedCalls: median(costs.map((cost) => cost.failedCalls)),
	};
}

const describeCost = (cost: ExpiryCost) =>
	`${cost.refreshes} refresh${cost.refreshes === 1 ? '' : 'es'}, ${cost.failedCalls} failed call${cost.failedCalls === 1 ? '' : 's'}`;

export async function measureTokenLifecycle(harness: Harness): Promise<Figure[]> {
	const ours = await medianCost(harness, contenders.node, 1, ITEMS_PER_RUN);
	const generic = await medianCost(harness, contenders.generic, 1, ITEMS_PER_RUN);
	const oursInFlight = await medianCost(harness, contenders.node, IN_FLIGHT, 1);
	const genericInFlight = await medianCost(harness, contenders.generic, IN_FLIGHT, 1);
	return [
		figure(
			'token expiry, node (round trips per expiry)',
			`${describeCost(ours)} = ${ours.refreshes + ours.failedCalls} extra round trip${ours.refreshes + ours.failedCalls === 1 ? '' : 's'}`,
			'target 1 refresh, 0 failed calls',
			ours.refreshes === 1 && ours.failedCalls === 0,
		),
		figure(
			'token expiry, n8n generic OAuth2 path (httpRequestWithAuthentication, default options)',
			`${describeCost(generic)} = ${generic.refreshes + generic.failedCalls} extra round trips`,
			'reference: 1 failed call + 1 refresh',
		),
		figure(
			`token expiry with ${IN_FLIGHT} executions in flight, node`,
			describeCost(oursInFlight),
			'target exactly 1 refresh',
			oursInFlight.refreshes === 1,
		),
		figure(
			`token expiry with ${IN_FLIGHT} executions in flight, n8n generic OAuth2 path`,
			describeCost(genericInFlight),
			'reference',
		),
	];
}
