import type { IAllExecuteFunctions, IOAuth2Options } from 'n8n-workflow';
import { accessTokenOf, tokenFingerprint } from './tokenFreshness';

type RefreshingContext = Pick<IAllExecuteFunctions, 'getCredentials' | 'getNode' | 'helpers'>;

export const OAUTH2_SIGNING: IOAuth2Options = { tokenType: 'Bearer' };

/** One refresh per (credential, replaced token): concurrent and late callers share its outcome. */
const refreshes = new Map<string, Promise<RefreshOutcome>>();
const REMEMBERED_REFRESHES = 200;

/** n8n 2.x and 1.123 have `helpers.refreshOAuth2Token`; without it the transport leaves 401s to n8n's own path. */
export function canRefreshExplicitly(ctx: RefreshingContext): boolean {
	return typeof (ctx.helpers as { refreshOAuth2Token?: unknown }).refreshOAuth2Token === 'function';
}

/** How a refresh ended: done, refused by the Hub (reconnect needed), or failed on the way. */
export type RefreshOutcome = { ok: true } | { ok: false; revoked: boolean; error: unknown };

function isRevokedGrant(error: unknown): boolean {
	const text = String((error as Error)?.message ?? '');
	const body = (error as { body?: { error?: unknown } })?.body;
	return body?.error === 'invalid_grant' || /needs to be reconnected|invalid_grant|no refresh token/i.test(text);
}

/** Thrown from the refresh helper's credential read when the stored token was already replaced. */
class TokenAlreadyReplaced extends Error {}

/**
 * The context n8n's refresh helper runs in: its read of the credential (the one whose refresh
 * token it presents) fails with `TokenAlreadyReplaced` when the stored access token is no longer
 * `staleToken`, so the helper stops before it calls the Hub. n8n 2.x compares again under its
 * refresh lease; n8n 1.x has no lease and no comparison, so without this read a refresh by another
 * worker since this node's read would be redone with a rotated-away refresh token (reuse).
 */
function readingUnlessReplaced(ctx: RefreshingContext, credentialType: string, staleToken: string): RefreshingContext {
	const getCredentials = async (type: string, itemIndex?: number) => {
		const data = await ctx.getCredentials(type, itemIndex);
		if (type === credentialType && accessTokenOf(data) !== staleToken) throw new TokenAlreadyReplaced();
		return data;
	};
	return Object.create(ctx, { getCredentials: { value: getCredentials } }) as RefreshingContext;
}

/**
 * Replaces `staleToken` through n8n's single-flight refresh, which exchanges the refresh token at
 * the token URL and persists the rotated tokens. Skips the Hub when the stored token already
 * differs (another item or execution refreshed it). A refusal is remembered, so later items fail
 * without another attempt; other failures are forgotten, so a later call may try again.
 */
export async function refreshReplacing(
	ctx: RefreshingContext,
	credentialType: string,
	staleToken: string,
): Promise<RefreshOutcome> {
	const credentialId = ctx.getNode().credentials?.[credentialType]?.id ?? credentialType;
	const key = `${credentialId}:${tokenFingerprint(staleToken)}`;
	let pending = refreshes.get(key);
	if (!pending) {
		pending = (async (): Promise<RefreshOutcome> => {
			try {
				const reading = readingUnlessReplaced(ctx, credentialType, staleToken);
				await ctx.helpers.refreshOAuth2Token.call(reading as IAllExecuteFunctions, credentialType, OAUTH2_SIGNING);
				return { ok: true };
			} catch (error) {
				if (error instanceof TokenAlreadyReplaced) return { ok: true };
				const revoked = isRevokedGrant(error);
				if (!revoked) refreshes.delete(key);
				return { ok: false, revoked, error };
			}
		})();
		refreshes.set(key, pending);
		if (refreshes.size > REMEMBERED_REFRESHES) refreshes.delete(refreshes.keys().next().value as string);
	}
	return await pending;
}
