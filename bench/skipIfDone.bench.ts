import type { INodeExecutionData, INodeParameters } from 'n8n-workflow';
import type { Harness } from '../test/harness';
import { median, REPETITIONS, WARM_UP_RUNS } from './lib/measure';
import { figure, ratio, type Figure } from './lib/report';
import { adasCommunityId, runNode } from './lib/setup';
import { requestsBetween, snapshot } from './lib/traffic';
import { performance } from 'perf_hooks';

const ITEMS = Number(process.env.BENCH_SKIP_ITEMS ?? 100);
/** Items that each reply in their own topic: the read-back cannot be shared between them. */
const SCATTERED = 20;
const REPLY = 'POST /api/discussion/topics/:id/posts';
/** Who the caller is: read once per run, to tell the caller's records from others'. */
const CALLER = 'GET /api/auth/me';
const TARGET_EXTRA_PER_ITEM = 1;

interface Run {
	ms: number;
	requests: number;
	writes: number;
	callerReads: number;
	skipped: number;
}

/**
 * Skip If Already Done on Post Reply (issue 16): what the read-back costs beside the write-only
 * run, measured in the same rounds on fresh topics. `ITEMS` replies into one topic, with the
 * option off (the baseline), on (the first run: nothing to skip), and on again over the same items
 * (a Retry: everything skipped); then `SCATTERED` items each in its own new topic, and the same
 * again: nothing shared between them, the worst case.
 */
export async function measureSkipIfDone(harness: Harness): Promise<Figure[]> {
	const { hub } = harness;
	const newTopic = async (): Promise<string> => {
		const [topic] = await runNode(harness, { authentication: 'apiToken', resource: 'topic', operation: 'create', communityId: { __rl: true, mode: 'id', value: adasCommunityId(hub) }, title: `Bench ${performance.now()}`, body: 'Bench' });
		return String(topic.json.id);
	};
	const replies = (topicIds: string[]): INodeExecutionData[] => topicIds.map((topicId, index) => ({ json: { topicId, text: `Bench reply ${index}` } }));
	const parameters = (skip: boolean): INodeParameters => ({
		authentication: 'apiToken',
		resource: 'post',
		operation: 'reply',
		topicId: { __rl: true, mode: 'id', value: '={{ $json.topicId }}' },
		body: '={{ $json.text }}',
		...(skip ? { options: { skipIfAlreadyDone: true } } : {}),
	});
	const run = async (skip: boolean, items: INodeExecutionData[]): Promise<Run> => {
		const before = snapshot(hub);
		const started = performance.now();
		const output = await runNode(harness, parameters(skip), items);
		const ms = performance.now() - started;
		const after = snapshot(hub);
		return {
			ms,
			requests: requestsBetween(before, after),
			writes: requestsBetween(before, after, { label: REPLY }),
			callerReads: requestsBetween(before, after, { label: CALLER }),
			skipped: output.filter((item) => item.json.skipped === true).length,
		};
	};

	const rounds: Array<Record<'off' | 'on' | 'again' | 'scattered' | 'scatteredAgain', Run>> = [];
	for (let round = 0; round < WARM_UP_RUNS + REPETITIONS; round++) {
		const single = replies(Array.from({ length: ITEMS }, () => ''));
		const [offTopic, onTopic] = [await newTopic(), await newTopic()];
		const off = await run(false, single.map((item) => ({ json: { ...item.json, topicId: offTopic } })));
		const onItems = single.map((item) => ({ json: { ...item.json, topicId: onTopic } }));
		const on = await run(true, onItems);
		const again = await run(true, onItems);
		const scatteredTopics: string[] = [];
		for (let index = 0; index < SCATTERED; index++) scatteredTopics.push(await newTopic());
		const scattered = await run(true, replies(scatteredTopics));
		const scatteredAgain = await run(true, replies(scatteredTopics));
		if (round >= WARM_UP_RUNS) rounds.push({ off, on, again, scattered, scatteredAgain });
	}
	const of = (name: keyof (typeof rounds)[number], field: keyof Run) => median(rounds.map((one) => one[name][field]));
	const perItem = (requests: number, items: number) => (requests / items).toFixed(2);
	const extraOn = (of('on', 'requests') - of('off', 'requests')) / ITEMS;
	/** The read-back's requests per item: all but the writes and the caller's once-per-run read. */
	const readBackPerItem = (name: 'scattered' | 'scatteredAgain') => (of(name, 'requests') - of(name, 'writes') - of(name, 'callerReads')) / SCATTERED;
	const extraScattered = readBackPerItem('scattered');
	const readBackScatteredAgain = readBackPerItem('scatteredAgain');
	return [
		figure(
			`skip if already done, ${ITEMS} Post Reply into one topic: requests per item`,
			`write-only ${perItem(of('off', 'requests'), ITEMS)}; option on ${perItem(of('on', 'requests'), ITEMS)} (read-back +${extraOn.toFixed(2)} per item, ${of('on', 'writes')} writes); run again ${perItem(of('again', 'requests'), ITEMS)} (${of('again', 'skipped')} skipped, ${of('again', 'writes')} writes)`,
			`target read-back <= ${TARGET_EXTRA_PER_ITEM} extra request per item, one write per item`,
			extraOn <= TARGET_EXTRA_PER_ITEM && of('on', 'writes') === ITEMS && of('again', 'writes') === 0,
		),
		figure(
			`  ${SCATTERED} Post Reply, each in its own new topic (nothing shared)`,
			`${perItem(of('scattered', 'requests'), SCATTERED)} requests per item: read-back ${extraScattered.toFixed(2)} per item (the topic, which has no reply yet) and ${of('scattered', 'callerReads')} per run (the caller), ${of('scattered', 'writes')} writes`,
			`target read-back <= ${TARGET_EXTRA_PER_ITEM} extra request per item`,
			extraScattered <= TARGET_EXTRA_PER_ITEM && of('scattered', 'writes') === SCATTERED,
		),
		figure(
			`  the same ${SCATTERED} run again (a Retry: each topic holds the reply)`,
			`${perItem(of('scatteredAgain', 'requests'), SCATTERED)} requests per item: read-back ${readBackScatteredAgain.toFixed(2)} per item (the topic for its replyCount, then the thread's last page) and ${of('scatteredAgain', 'callerReads')} per run, ${of('scatteredAgain', 'skipped')} skipped, ${of('scatteredAgain', 'writes')} writes`,
			`target read-back <= ${TARGET_EXTRA_PER_ITEM} request per item (the thread route has no total and no newest-first order)`,
			readBackScatteredAgain <= TARGET_EXTRA_PER_ITEM && of('scatteredAgain', 'writes') === 0,
		),
		figure(
			'  time, option on vs write-only (one topic)',
			`${ratio(of('on', 'ms'), of('off', 'ms'))} (on ${of('on', 'ms').toFixed(0)} ms, off ${of('off', 'ms').toFixed(0)} ms); run again ${ratio(of('again', 'ms'), of('off', 'ms'))}`,
			'no target; reported',
		),
	];
}
