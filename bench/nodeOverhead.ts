import type { IDataObject, INodeExecutionData, INodeType } from 'n8n-workflow';
import type { Harness } from '../test/harness';
import { GenericOAuth2Request } from './fixtures/genericOAuth2Node';
import { parameterFloorNode } from './fixtures/parameterFloorNode';
import { compareMedians } from './lib/measure';
import { figure, ratio, type Figure } from './lib/report';
import { accessToken, adasCommunityId, createActivity, rawRequest, runNode, ADA } from './lib/setup';
import { requestsBetween, snapshot } from './lib/traffic';

const ITEMS = Number(process.env.BENCH_ITEMS ?? 1_000);
const TARGET_RATIO = 1.1;

/**
 * 1,000 Topic Get items through the node in the in-process n8n, against a loop that sends the
 * same 1,000 GETs with the same bearer token over the same HTTP stack (n8n's OutboundHttp) and
 * does nothing else. The difference is the node's whole cost: parameters, expressions, the
 * credential lookup, signing, error mapping, Simplify and the output items.
 *
 * Two more contenders, timed in the same rounds, say where that cost comes from:
 * - the parameter floor: n8n evaluates the Topic parameter per item and the bare GET goes out,
 *   the least any n8n node does for this work (bench/fixtures/parameterFloorNode.ts);
 * - the plain helper node: per item, the parameter and one `httpRequestWithAuthentication`, as a
 *   node written the straightforward way does (bench/fixtures/genericOAuth2Node.ts).
 */
export async function measureNodeOverhead(harness: Harness): Promise<Figure[]> {
	const { hub } = harness;
	const topics = await createActivity(
		hub,
		'/__sandbox/activity/topics',
		{ user: ADA, communityId: adasCommunityId(hub), title: 'Bench topic', body: 'Measured' },
		20,
	);
	const topicIds = Array.from({ length: ITEMS }, (_unused, index) => String(topics[index % topics.length].id));
	const items = topicIds.map((topicId) => ({ json: { topicId } }));
	const topicParameter = { __rl: true, mode: 'id', value: '={{ $json.topicId }}' };
	// The token stays valid through this figure, so the bare sender signs with it as it is now.
	const headers = { Authorization: `Bearer ${accessToken(harness)}`, Accept: 'application/json' };
	const rawGet = async (url: string) => await rawRequest({ method: 'GET', url, headers, json: true });
	const expectTopics = (output: INodeExecutionData[]) => {
		if (output.length !== ITEMS || (output[0].json as IDataObject).id !== topicIds[0]) throw new Error('Topic Get returned the wrong items');
	};
	const runFixture = async (nodeType: INodeType, parameters: IDataObject) =>
		expectTopics((await harness.execute(nodeType, { parameters: parameters as never, items }))[0]);

	const floorNode = parameterFloorNode(hub.url, rawGet);
	const helperNode = new GenericOAuth2Request();
	const contenders = {
		raw: async () => {
			for (const topicId of topicIds) await rawGet(`${hub.url}/api/discussion/topics/${topicId}`);
		},
		floor: async () => await runFixture(floorNode, { topicId: topicParameter }),
		helper: async () => await runFixture(helperNode, { path: '=/api/discussion/topics/{{ $json.topicId }}' }),
		node: async () =>
			expectTopics(await runNode(harness, { authentication: 'oAuth2', resource: 'topic', operation: 'get', topicId: topicParameter }, items)),
	};

	const before = snapshot(hub);
	await contenders.node();
	const requestsPerRun = requestsBetween(before, snapshot(hub));
	const ms = await compareMedians(contenders);
	const overhead = ms.node / ms.raw;
	const perItemUs = (from: number, to: number) => `${(((to - from) / ITEMS) * 1000).toFixed(0)} µs per item`;
	return [
		figure(
			'node overhead, 1,000 Topic Get (OAuth2) vs raw loop',
			`${ratio(ms.node, ms.raw)} (node ${ms.node.toFixed(0)} ms, raw ${ms.raw.toFixed(0)} ms, ${requestsPerRun} requests per node run)`,
			`target <= ${TARGET_RATIO.toFixed(2)}x, ${ITEMS} requests`,
			overhead <= TARGET_RATIO && requestsPerRun === ITEMS,
		),
		figure(
			"  of which n8n's own per-item work: the parameter floor vs raw loop",
			`${ratio(ms.floor, ms.raw)} (floor ${ms.floor.toFixed(0)} ms: ${perItemUs(ms.raw, ms.floor)} for n8n to run a node and evaluate its Topic parameter)`,
			'reference: what no n8n node avoids',
		),
		figure(
			'  and the rest: node vs the parameter floor',
			`${ratio(ms.node, ms.floor)} (${perItemUs(ms.floor, ms.node)}: n8n's OAuth2 signing helper, and the node's validation, errors and output)`,
			'reference',
		),
		figure(
			'node vs the plain helper node (parameter + httpRequestWithAuthentication per item)',
			`${ratio(ms.node, ms.helper)} (helper node ${ms.helper.toFixed(0)} ms)`,
			'reference: the straightforward n8n implementation',
		),
	];
}
