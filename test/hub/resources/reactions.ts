import { z } from 'zod';
import { forbidden, notFound, validationError } from '../core/errors';
import type { Router } from '../core/router';
import { validate } from '../core/validate';
import { json, noContent } from './routing';
import { REACTION_TARGET_KINDS, type Reaction, type ReactionTargetKind, type ResourceState } from './state';
import { ecosystemOfTarget, idSchema, iso, livePost, liveTopic } from './world';

const reactionBody = z.object({
	targetKind: z.enum(REACTION_TARGET_KINDS),
	targetId: idSchema,
	emoji: z.string().trim().min(1).max(64),
});

/** 404 unless the target is a live topic or post. */
function requireTarget(data: ResourceState, kind: ReactionTargetKind, id: string): void {
	if (kind === 'discussion.topics') liveTopic(data, id);
	else livePost(data, id);
}

export function registerReactionRoutes(router: Router): void {
	// One target (`targetId`) or several (`targetIds`, comma-separated), all of one kind.
	router.add('GET', '/api/content/reactions', ({ hub, req }) => {
		hub.authenticate(req, 'discussions:read');
		const kind = req.query.get('targetKind');
		if (!REACTION_TARGET_KINDS.includes(kind as ReactionTargetKind)) {
			throw validationError('targetKind', `targetKind must be one of ${REACTION_TARGET_KINDS.join(', ')}`);
		}
		const field = req.query.has('targetIds') ? 'targetIds' : 'targetId';
		const targetIds = (req.query.get(field) ?? '').split(',').filter((id) => id !== '');
		if (targetIds.length === 0 || targetIds.some((id) => !idSchema.safeParse(id).success)) {
			throw validationError(field, `${field}: give a targetId, or targetIds separated by commas (ids of at most 36 characters)`);
		}
		const data = hub.state.data;
		for (const targetId of targetIds) requireTarget(data, kind as ReactionTargetKind, targetId);
		const items = Object.values(data.reactions)
			.filter((reaction) => reaction.targetKind === kind && targetIds.includes(reaction.targetId))
			.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
		return json({ items });
	});

	router.add('POST', '/api/content/reactions', ({ hub, req }) => {
		const { userId } = hub.authenticate(req, 'discussions:write');
		const { targetKind, targetId, emoji } = validate(reactionBody, req.body);
		const data = hub.state.data;
		requireTarget(data, targetKind, targetId);
		const existing = Object.values(data.reactions).find(
			(reaction) =>
				reaction.customerId === userId &&
				reaction.targetKind === targetKind &&
				reaction.targetId === targetId &&
				reaction.emoji === emoji,
		);
		if (existing) return json(existing, 200);
		const reaction: Reaction = {
			id: hub.newId(),
			customerId: userId,
			ecosystemId: ecosystemOfTarget(data, targetKind, targetId),
			targetKind,
			targetId,
			emoji,
			createdAt: iso(hub.clock.now()),
		};
		data.reactions[reaction.id] = reaction;
		return json(reaction, 201);
	});

	router.add('DELETE', '/api/content/reactions/:id', ({ hub, req }) => {
		const { userId } = hub.authenticate(req, 'discussions:write');
		const data = hub.state.data;
		const reaction = data.reactions[req.params.id];
		if (!reaction) throw notFound('Reaction');
		if (reaction.customerId !== userId) throw forbidden('You can only remove your own reactions');
		delete data.reactions[reaction.id];
		return noContent();
	});
}
