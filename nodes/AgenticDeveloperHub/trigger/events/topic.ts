import { NodeOperationError, type IDataObject } from 'n8n-workflow';
import { communityLocator } from '../../descriptions/locators';
import { resolveCommunityId } from '../../helpers/locators';
import { hubGet, timeOf } from '../api';
import { newestOf, pollFeed, startFeed, type Feed, type FeedMark } from '../feed';
import { forEvent, type EventContext, type TriggerEvent } from './types';

const EVENT = 'newTopic';
const MAX_PAGE_SIZE = 100;
/** A test event picks the newest-born topic among this many recently active ones. */
const SAMPLE_PAGE_SIZE = 20;

interface Topic extends IDataObject {
	id: string;
	lastActivityAt: string;
	createdAt: string;
}

interface TopicState extends IDataObject {
	communityId: string;
}

/**
 * Topics of a community, most recently active first. A reply moves an old topic to the top,
 * so the list is read by activity and a topic is new by its creation time.
 */
function topicsOf(context: EventContext, communityId: string): Feed<Topic> {
	return {
		maxPageSize: MAX_PAGE_SIZE,
		fetchPage: async (page, pageSize) => {
			const body = await hubGet<{ items: Topic[] }>(context, '/api/discussion/topics', {
				communityId,
				page,
				pageSize,
			});
			return body.items ?? [];
		},
		id: (topic) => topic.id,
		sortKey: (topic) => timeOf(topic.lastActivityAt),
		bornAt: (topic) => topic.createdAt,
	};
}

/** The community ID; a slug or web URL costs one request, so polls reuse the ID found at activation. */
async function communityIdOf(context: EventContext): Promise<string> {
	const id = await resolveCommunityId.call(context, context.getNodeParameter('communityId'), 'Community');
	if (!id) throw new NodeOperationError(context.getNode(), 'Choose the community whose new topics start this workflow');
	return id;
}

export const topicEvent: TriggerEvent = {
	option: {
		name: 'New Topic',
		value: EVENT,
		description: 'Triggers when a topic is created in a community',
	},
	properties: [
		communityLocator({
			description: 'The community whose new topics start the workflow',
			displayOptions: forEvent(EVENT),
		}),
	],
	watchKey() {
		const located = this.getNodeParameter('communityId') as IDataObject | string;
		const value = typeof located === 'object' ? `${located.mode}:${located.value}` : located;
		return `${EVENT}:${value}`;
	},
	async start() {
		const communityId = await communityIdOf(this);
		return { communityId, ...(await startFeed(topicsOf(this, communityId))) };
	},
	async poll(state) {
		const { communityId } = state as TopicState;
		const { fresh, mark } = await pollFeed(topicsOf(this, communityId), state as unknown as FeedMark);
		return { items: fresh, state: { communityId, ...mark } };
	},
	async sample() {
		return await newestOf(topicsOf(this, await communityIdOf(this)), SAMPLE_PAGE_SIZE);
	},
};
