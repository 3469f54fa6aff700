import { z } from 'zod';
import { pageParams } from '../core/http';
import type { Router } from '../core/router';
import { validate } from '../core/validate';
import { json, pageOf } from './routing';
import { activeTopics } from './topics';
import { toPost, toTopic } from './world';

const SEARCH_DEFAULT_PAGE_SIZE = 20;
export const SEARCH_MAX_PAGE_SIZE = 100;

const searchQuery = z.object({
	q: z.string().trim().min(1).max(500),
	type: z.enum(['topics', 'posts']).optional(),
});

export function registerSearchRoutes(router: Router): void {
	// Topics match on title or excerpt, posts on content; both case-insensitive substrings.
	router.add('GET', '/api/search/discussions', ({ hub, req }) => {
		hub.authenticate(req, 'discussions:read');
		const { q, type } = validate(searchQuery, {
			q: req.query.get('q') ?? undefined,
			type: req.query.get('type') || undefined,
		});
		const { page, pageSize } = pageParams(req.query, SEARCH_DEFAULT_PAGE_SIZE, SEARCH_MAX_PAGE_SIZE);
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
			topics: topicPage.items.map(toTopic),
			posts: postPage.items.map(toPost),
			page,
			pageSize,
			topicsHasMore: topicPage.hasMore,
			postsHasMore: postPage.hasMore,
		});
	});
}
