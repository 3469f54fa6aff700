import type { INodeParameters } from 'n8n-workflow';
import type { Harness } from '../test/harness';
import { median, REPETITIONS } from './lib/measure';
import { figure, type Figure } from './lib/report';
import { triggerNode } from './lib/setup';
import { requestsBetween, snapshot, type WireMeter } from './lib/traffic';

function longestThreadTopicId(harness: Harness): string {
	const topics = Object.values(harness.hub.state.data.topics);
	return topics.reduce((longest, topic) => (topic.replyCount > longest.replyCount ? topic : longest)).id;
}

function events(harness: Harness): Record<string, INodeParameters> {
	return {
		'New Notification': { event: 'newNotification' },
		'New Topic': { event: 'newTopic', communityId: { __rl: true, mode: 'slug', value: 'n8n-node-makers' } },
		'New Reply in Topic': { event: 'newReply', topicId: { __rl: true, mode: 'id', value: longestThreadTopicId(harness) } },
		'New Direct Message': { event: 'newDirectMessage' },
	};
}

/**
 * An active trigger whose feed has nothing new: what one poll costs the Hub, in requests and in
 * bytes on the wire (request and response, headers included).
 */
export async function measureIdlePolls(harness: Harness, meter: WireMeter): Promise<Figure[]> {
	const figures: Figure[] = [];
	for (const [title, eventParameters] of Object.entries(events(harness))) {
		const parameters = { authentication: 'oAuth2', ...eventParameters };
		const nodeName = `Idle ${title}`;
		// Activation (the first poll) records where the feed stands; a warm-up poll follows.
		await harness.poll(triggerNode, { parameters, nodeName });
		await harness.poll(triggerNode, { parameters, nodeName });
		const samples: Array<{ requests: number; bytes: number }> = [];
		for (let round = 0; round < REPETITIONS; round++) {
			const before = snapshot(harness.hub);
			const { result, sent, received } = await meter.measure(async () => await harness.poll(triggerNode, { parameters, nodeName }));
			if (result !== null) throw new Error(`${title}: an idle poll emitted items`);
			samples.push({ requests: requestsBetween(before, snapshot(harness.hub)), bytes: sent + received });
		}
		const requests = median(samples.map((sample) => sample.requests));
		figures.push(
			figure(
				`trigger idle poll, ${title}`,
				`${requests} request${requests === 1 ? '' : 's'}, ${median(samples.map((sample) => sample.bytes))} bytes`,
				'target 1 request',
				requests === 1,
			),
		);
	}
	return figures;
}
