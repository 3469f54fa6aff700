import { createHash } from 'crypto';
import { baseUrlOf } from './baseUrl';
import { credentialSnapshot, signingToken } from './credentialSnapshot';
import type { HubContext } from './request';

/**
 * Which Hub user a context's requests act as, for sharing a stream or a read between workflows:
 * an OAuth2 credential by its ID and Base URL (every workflow using it acts as its one connected
 * user), a personal token by a SHA-256 of the token and the Base URL (two credentials holding the
 * same token are the same user). Never the token itself. Undefined when the account cannot be told
 * apart (an OAuth2 credential without an ID, no token, a Base URL the transport refuses): then
 * nothing is shared.
 */
export async function accountKey(ctx: HubContext, itemIndex = 0): Promise<string | undefined> {
	try {
		const snapshot = await credentialSnapshot(ctx, itemIndex);
		const baseUrl = baseUrlOf(ctx, snapshot, itemIndex);
		if (snapshot.auth === 'oAuth2') {
			const id = ctx.getNode().credentials?.[snapshot.credentialType]?.id;
			return id ? `oAuth2 ${id} ${baseUrl}` : undefined;
		}
		const token = signingToken(snapshot);
		if (!token) return undefined;
		return `apiToken ${createHash('sha256').update(`${token}\u0000${baseUrl}`).digest('hex')} ${baseUrl}`;
	} catch {
		// The request itself reports what is wrong with the credential.
		return undefined;
	}
}

/** How long a trigger's account, once read, is taken as known before its credential is read again. */
export const ACCOUNT_KEY_MAX_AGE_MS = 60_000;

const knownAccounts = new WeakMap<object, { key: string | undefined; readAt: number }>();

/**
 * The account a trigger's read is shared within: `accountKey`, read again at most once a minute per
 * trigger context (an activated trigger keeps its context). Each read of the credential costs n8n
 * an expression isolate (credentials-helper's applyDefaultsAndOverwrites): with 200 workflows woken
 * by one event, reading it at every wake-up was most of the fan-out's time. Each workflow's key still
 * comes from its own credential as n8n resolves it for that workflow (never another's); an edited
 * credential is seen within a minute.
 */
export async function sharedReadKey(ctx: HubContext, itemIndex = 0): Promise<string | undefined> {
	const now = Date.now();
	const known = knownAccounts.get(ctx);
	if (known && now - known.readAt >= 0 && now - known.readAt < ACCOUNT_KEY_MAX_AGE_MS) return known.key;
	const key = await accountKey(ctx, itemIndex);
	knownAccounts.set(ctx, { key, readAt: now });
	return key;
}
