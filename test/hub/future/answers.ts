import type { Reply } from '../core/router';
import type { Hub } from '../hub';
import { FUTURE, FUTURE_ERROR_MEMBERS, FUTURE_FIELD, FUTURE_FIELD_VALUE, FUTURE_PROBLEM_MEMBERS } from './values';

/*
 * The future Hub's answer layer: runs after the published-types check of an answer (hub.ts), so the
 * sandbox's own answers are still checked, and then adds what a newer Hub would: list entries whose
 * enum values the types do not have, extra members in error bodies, and an extra field on every object.
 */

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Every object below `value` with the future field added (a copy). */
function withFutureFields(value: unknown): unknown {
	if (Array.isArray(value)) return value.map(withFutureFields);
	if (!isObject(value)) return value;
	const copy: Json = Object.fromEntries(Object.entries(value).map(([key, child]) => [key, withFutureFields(child)]));
	copy[FUTURE_FIELD] = { ...FUTURE_FIELD_VALUE };
	return copy;
}

/** A provider of an auth method and action type this package has never seen. */
export const FUTURE_PROVIDER = {
	providerId: FUTURE.provider,
	displayName: 'Linear',
	subtitle: 'Issues',
	description: 'Issues and projects, connected with a passkey.',
	authMethod: FUTURE.authMethod,
	serviceTypes: ['issues'],
	capabilities: [FUTURE.actionType],
	defaultPollIntervalMs: 300_000,
	links: [{ label: 'Linear', url: 'https://linear.app' }],
};

/** List entries whose enum values exceed the published types, per route label (GET only). */
function withFutureEntries(label: string, body: unknown): unknown {
	if (label === 'GET /api/users/search' && Array.isArray(body)) {
		return [...body, { slug: 'release-agent', displayName: 'Release Agent', avatarUrl: null, kind: FUTURE.searchHitKind }];
	}
	if (!isObject(body)) return body;
	if (label === 'GET /api/integrations/providers' && Array.isArray(body.providers)) {
		return { ...body, providers: [...body.providers, FUTURE_PROVIDER] };
	}
	if (label === 'GET /api/notifications/preferences' && Array.isArray(body.preferences)) {
		return { ...body, preferences: [...body.preferences, { category: FUTURE.notificationCategory, email: false, sms: false, inApp: true }] };
	}
	const [first] = Array.isArray(body.items) ? (body.items as Json[]) : [];
	if (label === 'GET /api/content/reactions' && first) {
		// The same target under a kind name this package has never seen, with a custom emoji.
		return { ...body, items: [...(body.items as Json[]), { ...first, id: `${String(first.id).slice(0, 30)}future`, targetKind: FUTURE.reactionKind, emoji: ':shipit:' }] };
	}
	return body;
}

function withFutureErrorMembers(body: unknown): unknown {
	if (!isObject(body)) return body;
	if (isObject(body.error)) return { ...body, error: { ...body.error, ...FUTURE_ERROR_MEMBERS } };
	if (typeof body.status === 'number' && 'title' in body) return { ...body, ...FUTURE_PROBLEM_MEMBERS };
	return { ...body, ...FUTURE_ERROR_MEMBERS };
}

/** The reply as the future Hub gives it (resource routes, after the published-types check). */
export function futureReply(hub: Hub, label: string, reply: Reply): Reply {
	if (!hub.settings.future || reply.stream || reply.body === undefined) return reply;
	const body = reply.status >= 400 ? withFutureErrorMembers(reply.body) : withFutureEntries(label, reply.body);
	return { ...reply, body: withFutureFields(body) };
}
