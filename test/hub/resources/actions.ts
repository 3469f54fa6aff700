import { conflict, validationError } from '../core/errors';
import { headerValue } from '../core/http';
import type { Router } from '../core/router';
import type { Hub } from '../hub';
import { authenticateManage, json } from './routing';
import type { ActionLog, ActionType, ConnectionRecord } from './state';
import { connectionOf, iso } from './world';

/**
 * `POST /api/integrations/{connectionId}/actions/{actionType}`. The body is the published
 * `IntegrationActionRequest` branch of the action type (send, post, sms, submit, comment, subscribe,
 * unsubscribe, broadcast, broadcast_send), which the contract layer checks before this runs. The
 * answer is `IntegrationActionResult`: 200 `{ ok: true, status: "ok", ... }`, or, when the provider
 * refused the action (armed with `POST /__sandbox/action-failures`), 200 `{ ok: false, status:
 * "error", error }`. An optional `Idempotency-Key` (1-255 characters) collapses a repeat on the same
 * connection onto the first action (`deduped: true`), as the types declare for this route.
 */

const MAX_KEY_LENGTH = 255;

function actionReply(log: ActionLog, deduped: boolean) {
	return json({
		ok: log.status === 'ok',
		status: log.status,
		actionLogId: log.id,
		externalId: log.externalId,
		deduped,
		...(log.error === undefined ? {} : { error: log.error }),
	});
}

function takeAction(hub: Hub, connection: ConnectionRecord, userId: string, actionType: ActionType, key: string | undefined): ActionLog {
	const refusal = hub.actionFailures.take(connection.id, actionType);
	const log: ActionLog = {
		id: hub.newId(),
		connectionId: connection.id,
		userId,
		actionType,
		idempotencyKey: key ?? '',
		status: refusal === undefined ? 'ok' : 'error',
		...(refusal === undefined ? {} : { error: refusal }),
		externalId: refusal === undefined ? `${connection.provider}_${hub.newId().replace(/-/g, '').slice(0, 20)}` : null,
		createdAt: iso(hub.clock.now()),
	};
	hub.state.data.actionLogs[log.id] = log;
	return log;
}

export function registerActionRoute(router: Router): void {
	router.add('POST', '/api/integrations/:connectionId/actions/:actionType', ({ hub, req }) => {
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
		if (key !== undefined && (key.length === 0 || key.length > MAX_KEY_LENGTH)) {
			throw validationError('Idempotency-Key', `Idempotency-Key must be 1-${MAX_KEY_LENGTH} characters`);
		}
		const earlier = key === undefined ? undefined : Object.values(data.actionLogs).find((log) => log.connectionId === connection.id && log.idempotencyKey === key);
		if (earlier) return actionReply(earlier, true);
		if (connection.status !== 'active') {
			throw conflict(`The connection is ${connection.status}: reconnect it before acting through it`);
		}
		return actionReply(takeAction(hub, connection, userId, actionType, key), false);
	});
}
