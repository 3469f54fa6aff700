import { createHash } from 'crypto';
import { HubError, validationError } from '../core/errors';
import { headerValue, type HubRequest } from '../core/http';
import type { Reply } from '../core/router';
import type { Hub } from '../hub';
import type { IdempotencyRecord } from '../state';

const RETENTION_MS = 24 * 3600 * 1000;
const MAX_KEY_LENGTH = 255;

/**
 * Which POSTs `Idempotency-Key` dedupes. `declared` (the default): only the route the published
 * types declare it on, as the Hub is known to do; `every-post`: every authenticated POST, as a Hub
 * might (hub-api.md section 2, "Retries and idempotency").
 */
export type IdempotencyMode = 'declared' | 'every-post';

export const IDEMPOTENCY_MODES: readonly IdempotencyMode[] = ['declared', 'every-post'];

/** The one route whose `Idempotency-Key` the published types declare. */
export const DECLARED_IDEMPOTENT_ROUTE = 'POST /api/integrations/:connectionId/actions/:actionType';

/** An authenticated POST that carries an `Idempotency-Key` (hub-api.md section 2). */
export interface IdempotentCall {
	storeKey: string;
	fingerprint: string;
}

/** The call to dedupe, or undefined when the mode leaves this route's key unread. */
export function idempotentCall(hub: Hub, req: HubRequest, routeLabel: string): IdempotentCall | undefined {
	const key = headerValue(req.headers, 'idempotency-key');
	if (req.method !== 'POST' || key === undefined) return undefined;
	if (hub.settings.idempotency === 'declared' && routeLabel !== DECLARED_IDEMPOTENT_ROUTE) return undefined;
	let owner: string;
	try {
		owner = hub.authenticate(req).userId;
	} catch {
		return undefined; // the route answers the 401 itself
	}
	if (key.length === 0 || key.length > MAX_KEY_LENGTH) {
		throw validationError('Idempotency-Key', `Idempotency-Key must be 1-${MAX_KEY_LENGTH} characters`);
	}
	const fingerprint = createHash('sha256').update(`${req.method} ${req.path}\n${req.rawBody}`).digest('hex');
	return { storeKey: `${owner} ${key}`, fingerprint };
}

/** The stored reply to replay, or undefined when the key is new; 409 when the body differs. */
export function storedReply(hub: Hub, call: IdempotentCall): Reply | undefined {
	const records = hub.state.idempotency;
	const now = hub.clock.now();
	for (const [key, record] of Object.entries(records)) if (record.expiresAt <= now) delete records[key];
	const record = records[call.storeKey];
	if (!record) return undefined;
	if (record.fingerprint !== call.fingerprint) {
		throw new HubError(409, 'idempotency_key_reused', 'This Idempotency-Key was already used with a different request body');
	}
	return {
		status: record.status,
		body: record.body,
		headers: { ...record.headers, 'Idempotent-Replayed': 'true' },
	};
}

/** Keeps the reply unless a retry could fairly get another one (auth, rate limit, server errors). */
export function storeReply(hub: Hub, call: IdempotentCall, reply: Reply): void {
	if (reply.status >= 500 || [401, 403, 429].includes(reply.status)) return;
	const record: IdempotencyRecord = {
		fingerprint: call.fingerprint,
		status: reply.status,
		body: reply.body,
		headers: reply.headers ?? {},
		expiresAt: hub.clock.now() + RETENTION_MS,
	};
	hub.state.idempotency[call.storeKey] = record;
}
