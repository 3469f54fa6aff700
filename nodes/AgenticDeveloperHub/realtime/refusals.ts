import { NodeOperationError, type ITriggerFunctions } from 'n8n-workflow';
import { freshCredentialSnapshot, signingToken } from '../transport/credentialSnapshot';
import { tokenFingerprint } from '../transport/tokenFreshness';

interface Refusal {
	fingerprint: string;
	message: string;
	description?: string;
}

/** Per credential: the token the Hub refused (as a fingerprint, never the token) and what it said. */
const refusals = new Map<string, Refusal>();

async function currentToken(context: ITriggerFunctions): Promise<{ credentialId: string; fingerprint: string } | undefined> {
	const snapshot = await freshCredentialSnapshot(context, 0);
	const token = signingToken(snapshot);
	if (!token) return undefined;
	const credentialId = context.getNode().credentials?.[snapshot.credentialType]?.id ?? snapshot.credentialType;
	return { credentialId, fingerprint: tokenFingerprint(token) };
}

/**
 * Remembers that the Hub refused the credential's current token (a revoked grant, a missing
 * permission). n8n reactivates a trigger that reported an error; with this, the reactivation fails
 * at once without asking the Hub again, until the credential holds another token (reconnected).
 */
export async function rememberRefusal(context: ITriggerFunctions, error: Error & { description?: string | null }): Promise<void> {
	const current = await currentToken(context).catch(() => undefined);
	if (!current) return;
	refusals.set(current.credentialId, {
		fingerprint: current.fingerprint,
		message: error.message,
		description: error.description ?? undefined,
	});
}

/** Throws the Hub's earlier refusal when the credential still holds the token it refused. */
export async function throwIfRefusedBefore(context: ITriggerFunctions): Promise<void> {
	const current = await currentToken(context);
	if (!current) return;
	const refusal = refusals.get(current.credentialId);
	if (!refusal) return;
	if (refusal.fingerprint !== current.fingerprint) {
		refusals.delete(current.credentialId);
		return;
	}
	throw new NodeOperationError(context.getNode(), refusal.message, { description: refusal.description });
}
