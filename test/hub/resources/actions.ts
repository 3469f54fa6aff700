import { z } from 'zod';
import { conflict, validationError } from '../core/errors';
import { headerValue } from '../core/http';
import type { Router } from '../core/router';
import { validate } from '../core/validate';
import { authenticateManage, json, PROBLEM } from './routing';
import type { ActionLog, ActionType } from './state';
import { connectionOf, iso } from './world';

/**
 * `POST /api/integrations/{connectionId}/actions/{actionType}`. The bodies are this sandbox's
 * decision (hub-api.md names the action types only):
 * - `send` (email): `{ to: email, subject?: string, message: string }`
 * - `post` (social): `{ message: string (max 3000) }`
 * - `sms`: `{ to: E.164 number, message: string (max 1600) }`
 * Answer: 200 `{ ok, status: 'sent'|'posted', actionLogId, externalId, deduped }`.
 */
const ACTION_BODIES: Record<ActionType, z.ZodTypeAny> = {
	send: z.object({
		to: z.string().email(),
		subject: z.string().max(998).optional(),
		message: z.string().min(1).max(50_000),
	}),
	post: z.object({ message: z.string().min(1).max(3000) }),
	sms: z.object({
		to: z.string().regex(/^\+[1-9]\d{6,14}$/, 'must be an E.164 phone number like +14155550100'),
		message: z.string().min(1).max(1600),
	}),
};

const ACTION_STATUS: Record<ActionType, string> = { send: 'sent', post: 'posted', sms: 'sent' };

const idempotencyKeySchema = z.string().min(1).max(255);

function actionReply(log: ActionLog, deduped: boolean) {
	return json({ ok: true, status: log.status, actionLogId: log.id, externalId: log.externalId, deduped });
}

export function registerActionRoute(router: Router): void {
	router.add(
		'POST',
		'/api/integrations/:connectionId/actions/:actionType',
		({ hub, req }) => {
			const userId = authenticateManage(hub, req);
			const data = hub.state.data;
			const connection = connectionOf(data, req.params.connectionId, userId);
			const provider = data.providers.find((candidate) => candidate.providerId === connection.provider);
			const actionType = req.params.actionType as ActionType;
			if (!provider?.capabilities.includes(actionType)) {
				const allowed = provider?.capabilities.join(', ') || 'none';
				throw validationError('actionType', `${connection.displayName} supports these actions: ${allowed}`);
			}
			const key = headerValue(req.headers, 'Idempotency-Key');
			if (!idempotencyKeySchema.safeParse(key).success) {
				throw validationError('Idempotency-Key', 'Actions need an Idempotency-Key header (1-255 characters)');
			}
			const earlier = Object.values(data.actionLogs).find(
				(log) => log.connectionId === connection.id && log.idempotencyKey === key,
			);
			if (earlier) return actionReply(earlier, true);
			if (connection.status !== 'active') {
				throw conflict(`The connection is ${connection.status}: reconnect it before acting through it`);
			}
			validate(ACTION_BODIES[actionType], req.body);
			const log: ActionLog = {
				id: hub.newId(),
				connectionId: connection.id,
				userId,
				actionType,
				idempotencyKey: key!,
				status: ACTION_STATUS[actionType],
				externalId: `${provider.providerId}_${hub.newId().replace(/-/g, '').slice(0, 20)}`,
				createdAt: iso(hub.clock.now()),
			};
			data.actionLogs[log.id] = log;
			return actionReply(log, false);
		},
		PROBLEM,
	);
}
