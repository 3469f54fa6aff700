import { ALL_SCOPES, type Scope } from '../state';

/** What the consent page says each scope grants (hub-api.md 1.2). */
export const SCOPE_DESCRIPTIONS: Record<Scope, string> = {
	'profile:read': 'Read your profile',
	'discussions:read': 'Read forum topics, posts, reactions, direct messages and notifications',
	'discussions:write':
		'Post replies, create, edit and delete topics and posts, react, send direct messages and change notification state',
	'integrations:manage': 'List, connect, disconnect, sync and act through third-party integrations',
};

export function isScope(value: string): value is Scope {
	return (ALL_SCOPES as string[]).includes(value);
}

/** Space-separated scopes, or undefined when one is unknown or none is given. */
export function parseScopes(value: string | undefined | null): Scope[] | undefined {
	const names = [...new Set((value ?? '').split(' ').filter((name) => name.length > 0))];
	if (names.length === 0 || !names.every(isScope)) return undefined;
	return ALL_SCOPES.filter((scope) => names.includes(scope));
}
