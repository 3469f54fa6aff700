import { z } from 'zod';
import { forbidden, notFound, validationError } from '../core/errors';
import type { Router } from '../core/router';
import { validate } from '../core/validate';
import { bodySchema, createPostIn, createTopicIn, titleSchema } from './activity';
import { json, listPage, noContent, pageOf, queryId } from './routing';
import type { ResourceState, TopicRecord } from './state';
import { idSchema, iso, isCommunityAdmin, livePost, liveTopic, toPost, toTopic, worldOf } from './world';

const TOPICS_DEFAULT_PAGE_SIZE = 20;
const POSTS_DEFAULT_PAGE_SIZE = 20;
export const TOPICS_MAX_PAGE_SIZE = 100;
export const POSTS_MAX_PAGE_SIZE = 100;

const createTopicBody = z.object({
	title: titleSchema,
	body: bodySchema,
	communityId: idSchema,
	categoryId: idSchema.nullish(),
	isPublic: z.boolean().optional(),
});

const updateTopicBody = z.object({
	title: titleSchema.optional(),
	isPinned: z.boolean().optional(),
	isLocked: z.boolean().optional(),
	answeredPostId: idSchema.nullable().optional(),
});

const createPostBody = z.object({ body: bodySchema, parentPostId: idSchema.nullish() });

/** Live topics, most recently active first (ties: newest created first). */
export function activeTopics(data: ResourceState, communityId?: string): TopicRecord[] {
	return Object.values(data.topics)
		.filter((topic) => !topic.deletedAt && (!communityId || topic.communityId === communityId))
		.sort((a, b) => b.lastActivityAt.localeCompare(a.lastActivityAt) || b.seq - a.seq);
}

function canModerate(data: ResourceState, topic: TopicRecord, userId: string): boolean {
	return topic.customerId === userId || isCommunityAdmin(data, topic.communityId, userId);
}

export function registerTopicRoutes(router: Router): void {
	router.add('GET', '/api/discussion/topics', ({ hub, req }) => {
		hub.authenticate(req, 'discussions:read');
		const communityId = queryId(req, 'communityId');
		if (communityId && !hub.state.data.communities[communityId]) throw notFound('Community');
		const { page, pageSize } = listPage(hub, req, TOPICS_DEFAULT_PAGE_SIZE, TOPICS_MAX_PAGE_SIZE);
		const { items } = pageOf(activeTopics(hub.state.data, communityId), page, pageSize);
		return json({ items: items.map(toTopic) });
	});

	router.add('GET', '/api/discussion/topics/:id', ({ hub, req }) => {
		hub.authenticate(req, 'discussions:read');
		return json(toTopic(liveTopic(hub.state.data, req.params.id)));
	});

	router.add('POST', '/api/discussion/topics', ({ hub, req }) => {
		const { userId } = hub.authenticate(req, 'discussions:write');
		const body = validate(createTopicBody, req.body);
		return json(createTopicIn(worldOf(hub), { ...body, authorId: userId }), 201);
	});

	router.add('PUT', '/api/discussion/topics/:id', ({ hub, req }) => {
		const { userId } = hub.authenticate(req, 'discussions:write');
		const data = hub.state.data;
		const topic = liveTopic(data, req.params.id);
		const changes = validate(updateTopicBody, req.body);
		const admin = isCommunityAdmin(data, topic.communityId, userId);
		if ((changes.isPinned !== undefined || changes.isLocked !== undefined) && !admin) {
			throw forbidden('Only community admins can pin or lock topics');
		}
		if ((changes.title !== undefined || changes.answeredPostId !== undefined) && !canModerate(data, topic, userId)) {
			throw forbidden('Only the author or a community admin can edit this topic');
		}
		if (changes.answeredPostId) {
			const post = data.posts[changes.answeredPostId];
			if (!post || post.deletedAt || post.topicId !== topic.id) {
				throw validationError('answeredPostId', 'answeredPostId is not a post of this topic');
			}
		}
		const edits = Object.entries(changes).filter(([, value]) => value !== undefined);
		if (edits.length > 0) {
			Object.assign(topic, Object.fromEntries(edits));
			topic.updatedAt = iso(hub.clock.now());
		}
		return json(toTopic(topic));
	});

	router.add('DELETE', '/api/discussion/topics/:id', ({ hub, req }) => {
		const { userId } = hub.authenticate(req, 'discussions:write');
		const data = hub.state.data;
		const topic = liveTopic(data, req.params.id);
		if (!canModerate(data, topic, userId)) throw forbidden('Only the author or a community admin can delete this topic');
		topic.deletedAt = iso(hub.clock.now());
		return noContent();
	});

	router.add('GET', '/api/discussion/topics/:id/posts', ({ hub, req }) => {
		hub.authenticate(req, 'discussions:read');
		const data = hub.state.data;
		const topic = liveTopic(data, req.params.id);
		const { page, pageSize } = listPage(hub, req, POSTS_DEFAULT_PAGE_SIZE, POSTS_MAX_PAGE_SIZE);
		const thread = Object.values(data.posts)
			.filter((post) => post.topicId === topic.id && !post.deletedAt)
			.sort((a, b) => a.postNumber - b.postNumber);
		return json({ items: pageOf(thread, page, pageSize).items.map(toPost) });
	});

	router.add('POST', '/api/discussion/topics/:id/posts', ({ hub, req }) => {
		const { userId } = hub.authenticate(req, 'discussions:write');
		liveTopic(hub.state.data, req.params.id);
		const body = validate(createPostBody, req.body);
		return json(createPostIn(worldOf(hub), { ...body, authorId: userId, topicId: req.params.id }), 201);
	});

	router.add('DELETE', '/api/discussion/posts/:id', ({ hub, req }) => {
		const { userId } = hub.authenticate(req, 'discussions:write');
		const data = hub.state.data;
		const post = livePost(data, req.params.id);
		const topic = data.topics[post.topicId];
		if (post.id === topic.openingPostId) {
			throw validationError('id', 'The opening post cannot be deleted: delete the topic instead');
		}
		if (post.customerId !== userId && !isCommunityAdmin(data, topic.communityId, userId)) {
			throw forbidden('Only the author or a community admin can delete this post');
		}
		post.deletedAt = iso(hub.clock.now());
		topic.replyCount -= 1;
		if (topic.answeredPostId === post.id) topic.answeredPostId = null;
		return noContent();
	});
}
