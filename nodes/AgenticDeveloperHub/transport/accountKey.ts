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
