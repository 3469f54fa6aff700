/** The hostile Hub's behaviours (README "Hostile Hub mode"), each a way a broken or hostile Hub answers. */
export const HOSTILE_BEHAVIOURS = [
	/** Every page of every list is full of rows never seen before: the list never ends. */
	'endlessPages',
	/** Every page number answers page 1 again, padded full: a cursor that repeats. */
	'repeatingPages',
	/** List rows carry times that are no times ("NaN"): sort keys that place nothing. */
	'nanSortKeys',
	/** Counts lie: replyCount, total, unreadCount and a chat's last seq are 1,000,000,000. */
	'lyingCounts',
	/** Every row and answer object also holds "__proto__" and "constructor" keys (own keys, from JSON). */
	'protoKeys',
	/** Every JSON answer is of another type than the types promise: a string for an object, an object for an array. */
	'wrongJsonTypes',
	/** Every API answer but the notification stream is a 100 MB JSON object, streamed (never held) without a Content-Length. */
	'hugeAnswer',
	/** JSON answers whose strings hold bytes that are not UTF-8. */
	'invalidUtf8',
	/** Every API request is answered 302 to another host (the collector, see `redirectTo`). */
	'redirectElsewhere',
	/** Every API request is answered 429 with Retry-After: 999999999. */
	'retryAfterForever',
	/** The notification stream sends one line that never ends (up to 16 MiB, then the Hub closes it). */
	'streamEndlessLine',
	/** The notification stream sends one 10 MB event. */
	'streamHugeEvent',
	/** The notification stream closes right after its first event. */
	'streamClosesAfterEvent',
	/** The token endpoints issue 1 MB access tokens shaped to defeat a backtracking JWT pattern. */
	'hugeToken',
] as const;

export type HostileBehaviour = (typeof HOSTILE_BEHAVIOURS)[number];
