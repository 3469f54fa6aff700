import { NodeOperationError, type IDataObject } from 'n8n-workflow';
import { topicLocator } from '../../descriptions/locators';
import { readLocator } from '../../helpers/locators';
import { hubGet } from '../api';
import { boundedPages, readFrom, type PageFetcher } from '../paging';
import { forEvent, type EventContext, type TriggerEvent } from './types';

const EVENT = 'newReply';
const MAX_PAGE_SIZE = 100;
/** An idle poll reads this many posts around the last one it handled. */
const FIRST_WINDOW = 5;

interface Post extends IDataObject {
	id: string;
	postNumber: number;
}

/** Where the thread was read up to: the last post's number and its position in the list (0-based). */
interface ThreadState extends IDataObject {
	topicId: string;
	last: number;
	position: number;
}

/**
 * Read as the action node reads its locators: the same URL patterns and ID check, and no n8n
 * `extractValue`, whose regex runs in a VM with a 250 ms limit that a busy host can exceed.
 */
function topicIdOf(context: EventContext): string {
	const topic = readLocator.call(context, context.getNodeParameter('topicId', ''), 'topic', 'Topic');
	if (!topic) {
		throw new NodeOperationError(context.getNode(), 'Choose the topic whose new replies start this workflow');
	}
	return topic.value;
}

function threadOf(context: EventContext, topicId: string): PageFetcher<Post> {
	return async (page, pageSize) => {
		const endpoint = `/api/discussion/topics/${encodeURIComponent(topicId)}/posts`;
		const body = await hubGet<{ items: Post[] }>(context, endpoint, { page, pageSize }, 'topic');
		return body.items ?? [];
	};
}

/** A page size whose page holding `position` also holds the position after it. */
function windowSize(position: number): number {
	let size = FIRST_WINDOW;
	while ((position + 1) % size === 0) size += 1;
	return size;
}

/**
 * The posts after post number `after`, in thread order, and the thread's last post with its
 * position. Reading starts at the page that held the last handled post (`position`), so a long
 * thread costs one request, not one per page from the start. Deleted posts leave the list and
 * move later posts up: when the page starts past `after` (or is empty), read the page before.
 */
async function readThread(thread: PageFetcher<Post>, after: number, position: number) {
	const size = windowSize(position);
	let page = Math.floor(position / size) + 1;
	// The position may come from the Hub's reply count: one that lies must not walk back forever.
	const walkBack = boundedPages(thread, 'pagesPerWalkBack', 'the thread backwards');
	let window = await readFrom(walkBack, (page - 1) * size, size);
	while (page > 1 && (window.rows.length === 0 || window.rows[0].postNumber > after)) {
		page -= 1;
		window = await readFrom(walkBack, (page - 1) * size, size);
	}
	const fetchPage = boundedPages(thread, 'pagesPerScan', 'the thread');
	const fresh: Post[] = [];
	let tail: { post: Post; position: number } | undefined;
	for (;;) {
		for (const post of window.rows) {
			if (post.postNumber > Math.max(after, fresh[fresh.length - 1]?.postNumber ?? 0)) fresh.push(post);
		}
		const { rows, start } = window;
		if (rows.length > 0) tail = { post: rows[rows.length - 1], position: start + rows.length - 1 };
		if (window.ended) return { fresh, tail };
		window = await readFrom(fetchPage, start + rows.length, MAX_PAGE_SIZE);
	}
}

/** The thread's last post, found from the topic's reply count (posts are the opening post plus replies). */
async function lastPostOf(context: EventContext, topicId: string) {
	const topic = await hubGet<IDataObject>(context, `/api/discussion/topics/${encodeURIComponent(topicId)}`, {}, 'topic');
	const { tail } = await readThread(threadOf(context, topicId), Infinity, Math.max(0, Number(topic.replyCount) || 0));
	return tail;
}

export const replyEvent: TriggerEvent = {
	option: {
		name: 'New Reply in Topic',
		value: EVENT,
		description: 'Triggers when someone replies in a topic',
	},
	properties: [
		topicLocator({
			description: 'The topic whose new replies start the workflow',
			displayOptions: forEvent(EVENT),
		}),
	],
	watchKey() {
		return `${EVENT}:${topicIdOf(this)}`;
	},
	async start() {
		const topicId = topicIdOf(this);
		const tail = await lastPostOf(this, topicId);
		return { topicId, last: tail?.post.postNumber ?? 0, position: tail?.position ?? 0 };
	},
	async poll(state) {
		const { topicId, last, position } = state as ThreadState;
		const { fresh, tail } = await readThread(threadOf(this, topicId), last, position);
		const next: ThreadState = {
			topicId,
			last: Math.max(last, tail?.post.postNumber ?? 0),
			position: tail?.position ?? position,
		};
		return { items: fresh, state: next };
	},
	async sample() {
		return (await lastPostOf(this, topicIdOf(this)))?.post;
	},
};
