import type { IAllExecuteFunctions, IOAuth2Options } from 'n8n-workflow';
import { readingCredentialAs } from './credentialSnapshot';
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
				const current = await ctx.getCredentials(credentialType);
				if (accessTokenOf(current) === staleToken) {
					// Under its refresh lease n8n re-reads the stored token and skips the Hub when it
					// differs from the one the helper read first. Hand the helper this read (holding the
					// stale token): reading again could already see another worker's refresh, and n8n
					// would then refresh once more.
					const readingCurrent = readingCredentialAs(ctx, credentialType, current);
					await ctx.helpers.refreshOAuth2Token.call(readingCurrent as IAllExecuteFunctions, credentialType, OAUTH2_SIGNING);
				}
				return { ok: true };
			} catch (error) {
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
