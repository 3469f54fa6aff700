import { z } from 'zod';
import type { Router } from '../core/router';
import { validate } from '../core/validate';
import type { Hub } from '../hub';
import { createNotification, createPost, createTopic, sendDirectMessage } from '../resources/activity';
import { resolveUser, userRef } from './shared';

const count = z.number().int().min(1).max(500).optional();
const text = z.string();

const topicsInput = z.object({
	user: userRef,
	communityId: z.string(),
	title: text,
	body: text,
	categoryId: z.string().optional(),
	count,
});
const postsInput = z.object({ user: userRef, topicId: z.string(), body: text, parentPostId: z.string().optional(), count });
const messagesInput = z.object({ user: userRef, recipient: userRef, body: text, count });
const notificationsInput = z.object({
	user: userRef,
	category: z.string(),
	title: text,
	body: text.optional(),
	actor: userRef.optional(),
	entityKind: z.string().optional(),
	entityId: z.string().optional(),
	count,
});

/** With `count > 1`, the n-th item's title/body get the suffix ` #n` (n from 1). */
function repeat<T>(times: number | undefined, make: (suffix: (value: string) => string) => T): { items: T[] } {
	const total = times ?? 1;
	const items: T[] = [];
	for (let n = 1; n <= total; n++) items.push(make((value) => (total > 1 ? `${value} #${n}` : value)));
	return { items };
}

const created = (body: unknown) => ({ status: 201, body });

function optionalUser(hub: Hub, ref: string | undefined): string | undefined {
	return ref === undefined ? undefined : resolveUser(hub, ref);
}

/** `/__sandbox/activity/*`: other users' activity, through HUB-DATA's domain functions. */
export function registerActivityControlRoutes(router: Router): void {
	router.add('POST', '/__sandbox/activity/topics', ({ hub, req }) => {
		const input = validate(topicsInput, req.body);
		const authorId = resolveUser(hub, input.user);
		return created(
			repeat(input.count, (suffix) =>
				createTopic(hub, {
					authorId,
					communityId: input.communityId,
					title: suffix(input.title),
					body: suffix(input.body),
					categoryId: input.categoryId,
				}),
			),
		);
	});

	router.add('POST', '/__sandbox/activity/posts', ({ hub, req }) => {
		const input = validate(postsInput, req.body);
		const authorId = resolveUser(hub, input.user);
		return created(
			repeat(input.count, (suffix) =>
				createPost(hub, { authorId, topicId: input.topicId, body: suffix(input.body), parentPostId: input.parentPostId }),
			),
		);
	});

	router.add('POST', '/__sandbox/activity/messages', ({ hub, req }) => {
		const input = validate(messagesInput, req.body);
		const senderId = resolveUser(hub, input.user);
		const recipientId = resolveUser(hub, input.recipient);
		return created(
			repeat(input.count, (suffix) => sendDirectMessage(hub, { senderId, recipientId, body: suffix(input.body) })),
		);
	});

	router.add('POST', '/__sandbox/activity/notifications', ({ hub, req }) => {
		const input = validate(notificationsInput, req.body);
		const userId = resolveUser(hub, input.user);
		const actorId = optionalUser(hub, input.actor);
		return created(
			repeat(input.count, (suffix) =>
				createNotification(hub, {
					userId,
					category: input.category as Parameters<typeof createNotification>[1]['category'],
					title: suffix(input.title),
					body: input.body === undefined ? undefined : suffix(input.body),
					actorId,
					entityKind: input.entityKind,
					entityId: input.entityId,
				}),
			),
		);
	});
}
