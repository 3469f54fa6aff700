import { validationError } from '../core/errors';
import type { HubRequest } from '../core/http';
import type { Reply, Router } from '../core/router';
import type { Hub } from '../hub';
import { bearerToken } from '../oauth/authenticate';
import type { AuthContext } from '../state';
import { chatOf, toMessage } from '../resources/world';
import type { EventCheck } from './streams';

/**
 * The caller of a stream route. hub-api.md: streams take the token as `Authorization: Bearer` or
 * as an `access_token` query parameter (the header wins when both are sent).
 */
function streamCaller(hub: Hub, req: HubRequest): { auth: AuthContext; tokenInQuery: boolean } {
	const queryToken = req.query.get('access_token');
	if (bearerToken(req) || !queryToken) return { auth: hub.authenticate(req, 'discussions:read'), tokenInQuery: false };
	const withHeader = { ...req, headers: { ...req.headers, authorization: `Bearer ${queryToken}` } };
	return { auth: hub.authenticate(withHeader, 'discussions:read'), tokenInQuery: true };
}

/** `?after=` of a chat stream: a whole number from 0 (default 0). */
function afterOf(req: HubRequest): number {
	const value = req.query.get('after');
	if (value === null || value === '') return 0;
	if (!/^\d+$/.test(value)) throw validationError('after', 'after must be a whole number of at least 0');
	return Number(value);
}

/** A 200 whose body the stream registry writes from now on (401/403/404 are ordinary answers before it). */
const streamReply = (stream: Reply['stream']): Reply => ({ status: 200, stream });

/** Each event's data checked against the published types, as every other answer of the sandbox is. */
function eventCheck(hub: Hub, req: HubRequest): EventCheck {
	return (data) => hub.contract.checkStreamEvent({ method: req.method, path: req.path, requestId: req.requestId }, data);
}

/** hub-api.md section 3 "Realtime": the notification wake-up stream and the per-chat message stream. */
export function registerStreamRoutes(router: Router): void {
	router.add('GET', '/api/notifications/stream', ({ hub, req }) => {
		const { auth, tokenInQuery } = streamCaller(hub, req);
		return streamReply((response) => hub.streams.openNotificationStream(response, auth.userId, tokenInQuery, eventCheck(hub, req)));
	});

	router.add('GET', '/api/chat/dms/:chatId/stream', ({ hub, req }) => {
		const { auth, tokenInQuery } = streamCaller(hub, req);
		const chat = chatOf(hub.state.data, req.params.chatId, auth.userId);
		const after = afterOf(req);
		const backlog = (hub.state.data.messages[chat.id] ?? []).filter((message) => message.seq > after).map(toMessage);
		return streamReply((response) => hub.streams.openChatStream(response, auth.userId, chat.id, backlog, after, tokenInQuery, eventCheck(hub, req)));
	});
}
