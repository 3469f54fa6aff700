import type { IDataObject } from 'n8n-workflow';
import type { Harness } from '../test/harness';
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
	const parameters = {
		authentication: 'oAuth2',
		resource: 'topic',
		operation: 'get',
		topicId: { __rl: true, mode: 'id', value: '={{ $json.topicId }}' },
	};
	const raw = async () => {
		const headers = { Authorization: `Bearer ${accessToken(harness)}`, Accept: 'application/json' };
		for (const topicId of topicIds) {
			await rawRequest({ method: 'GET', url: `${hub.url}/api/discussion/topics/${topicId}`, headers, json: true });
		}
	};
	const node = async () => {
		const output = await runNode(harness, parameters, items);
		if (output.length !== ITEMS || (output[0].json as IDataObject).id !== topicIds[0]) throw new Error('Topic Get returned the wrong items');
	};

	const before = snapshot(hub);
	await node();
	const requestsPerRun = requestsBetween(before, snapshot(hub));
	const medians = await compareMedians({ node, raw });
	const overhead = medians.node / medians.raw;
	return [
		figure(
			'node overhead, 1,000 Topic Get (OAuth2) vs raw loop',
			`${ratio(medians.node, medians.raw)} (node ${medians.node.toFixed(0)} ms, raw ${medians.raw.toFixed(0)} ms, ${requestsPerRun} requests per node run)`,
			`target <= ${TARGET_RATIO.toFixed(2)}x, ${ITEMS} requests`,
			overhead <= TARGET_RATIO && requestsPerRun === ITEMS,
		),
	];
}
