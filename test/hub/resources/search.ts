import { z } from 'zod';
import type { Router } from '../core/router';
import { validate } from '../core/validate';
import { json, listPage, pageOf } from './routing';
import { activeTopics } from './topics';
import type { PostRecord, TopicRecord } from './state';

const SEARCH_DEFAULT_PAGE_SIZE = 20;
export const SEARCH_MAX_PAGE_SIZE = 100;

const searchQuery = z.object({
	q: z.string().trim().min(1).max(500),
	type: z.enum(['topics', 'posts']).optional(),
});

/** The published `SearchDiscussionTopicResult`: no community, no author, no excerpt. */
function toTopicHit(topic: TopicRecord) {
	const { id, title, categoryId, replyCount, lastActivityAt, createdAt } = topic;
	return { id, title, categoryId, replyCount, lastActivityAt, createdAt };
}

/** The published `SearchDiscussionPostResult`: where the post is, never its content; `rank` counts the matches. */
function toPostHit(post: PostRecord, needle: string) {
	const { id, topicId, postNumber, bodyDocumentId, createdAt } = post;
	const rank = post.content.toLowerCase().split(needle).length - 1;
	return { id, topicId, postNumber, bodyDocumentId, createdAt, rank };
}

export function registerSearchRoutes(router: Router): void {
	// Topics match on title or excerpt, posts on content; both case-insensitive substrings.
	router.add('GET', '/api/search/discussions', ({ hub, req }) => {
		hub.authenticate(req, 'discussions:read');
		const { q, type } = validate(searchQuery, {
			q: req.query.get('q') ?? undefined,
			type: req.query.get('type') || undefined,
		});
		const { page, pageSize } = listPage(hub, req, SEARCH_DEFAULT_PAGE_SIZE, SEARCH_MAX_PAGE_SIZE);
		const needle = q.toLowerCase();
		const data = hub.state.data;
		const topics =
			type === 'posts'
				? []
				: activeTopics(data).filter((topic) =>
						`${topic.title}\n${topic.excerpt ?? ''}`.toLowerCase().includes(needle),
					);
		const posts =
			type === 'topics'
				? []
				: Object.values(data.posts)
						.filter(
							(post) =>
								!post.deletedAt && !data.topics[post.topicId]?.deletedAt && post.content.toLowerCase().includes(needle),
						)
						.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.postNumber - a.postNumber);
		const topicPage = pageOf(topics, page, pageSize);
		const postPage = pageOf(posts, page, pageSize);
		return json({
			topics: topicPage.items.map(toTopicHit),
			posts: postPage.items.map((post) => toPostHit(post, needle)),
			page,
			pageSize,
			topicsHasMore: topicPage.hasMore,
			postsHasMore: postPage.hasMore,
		});
	});
}
