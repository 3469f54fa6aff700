/*
 * What the sandbox's "future Hub" adds (docs/hub-drift.md): a Hub newer than the published types.
 * Every value here is one this package has never seen; tests look for them in the node's output.
 */

/** Added to every object of every answer (records, lists, nested objects, error bodies). */
export const FUTURE_FIELD = 'hubFutureField';
export const FUTURE_FIELD_VALUE = { addedIn: 'hub-v3', note: 'a field the published types do not list' };

/** The new enum values and kinds, one per kind of thing that can grow. */
export const FUTURE = {
	notificationCategory: 'agent_run',
	actionType: 'schedule',
	authMethod: 'passkey',
	reactionKind: 'project.tasks',
	provider: 'linear',
	connectionStatus: 'paused',
	searchHitKind: 'agent',
} as const;

/** Members a newer Hub adds to error bodies: nested `error` objects and problem details. */
export const FUTURE_ERROR_MEMBERS = { traceId: 'trace-future-0001', docsUrl: 'https://docs.example.com/errors' };
export const FUTURE_PROBLEM_MEMBERS = { instance: '/api/requests/future-0001', traceId: 'trace-future-0001', errors: [{ pointer: '/future', detail: 'a member the types do not list' }] };
