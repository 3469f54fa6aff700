import { createHash } from 'crypto';
import { HubError, validationError } from '../core/errors';
import { headerValue, type HubRequest } from '../core/http';
import type { Reply } from '../core/router';
import type { Hub } from '../hub';
import type { IdempotencyRecord } from '../state';

const RETENTION_MS = 24 * 3600 * 1000;
const MAX_KEY_LENGTH = 255;

/**
 * Which POSTs this pipeline replays by `Idempotency-Key`. `declared` (the default): none; the one
 * route the published types declare the key on (the action route) collapses a repeat onto the
 * first action itself, answering `deduped: true` as the types say (resources/actions.ts), and
 * every other POST runs again. `every-post`: every authenticated POST is replayed, as a Hub might
 * (hub-api.md section 2, "Retries and idempotency"), for the tests of this middleware.
 */
export type IdempotencyMode = 'declared' | 'every-post';

export const IDEMPOTENCY_MODES: readonly IdempotencyMode[] = ['declared', 'every-post'];

/** An authenticated POST that carries an `Idempotency-Key` (hub-api.md section 2). */
export interface IdempotentCall {
	storeKey: string;
	fingerprint: string;
}

/** The call to replay, or undefined when the mode leaves the key to the route. */
export function idempotentCall(hub: Hub, req: HubRequest): IdempotentCall | undefined {
	const key = headerValue(req.headers, 'idempotency-key');
	if (req.method !== 'POST' || key === undefined || hub.settings.idempotency === 'declared') return undefined;
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
