import type { IAllExecuteFunctions, ICredentialDataDecryptedObject } from 'n8n-workflow';
import type { AuthKind } from './errorMessages';
import { reportingFailures } from './failedCall';
import { credentialSecrets } from './redact';
import { accessTokenOf, oauthTokenData } from './tokenFreshness';

type ReadingContext = Pick<IAllExecuteFunctions, 'getCredentials' | 'getNodeParameter'>;
type SigningBase = Pick<IAllExecuteFunctions, 'getCredentials' | 'helpers'>;

/** The node's credential as read once for a run of the node. */
export interface CredentialSnapshot {
	auth: AuthKind;
	credentialType: string;
	data: ICredentialDataDecryptedObject;
	/** The secret values in `data`, masked wherever Hub text is echoed. */
	secrets: string[];
	readAt: number;
}

/**
 * Every read of a credential makes n8n decrypt it and resolve its hidden expressions, each in a
 * fresh expression sandbox: the dearest part of a request. One read serves every item of a run
 * of the node (keyed by its execution context, which n8n creates per run). The snapshot is dropped
 * after a refresh, near the token's expiry and after a 401 (see request.ts), and never outlives
 * this age, so a long-lived context (an activated trigger's) still sees an edited credential.
 */
export const SNAPSHOT_MAX_AGE_MS = 10_000;

const snapshots = new WeakMap<object, Promise<CredentialSnapshot>>();

/** The credential type behind each value of the node's Authentication parameter. */
function credentialTypeFor(auth: AuthKind): string {
	return auth === 'apiToken' ? 'agenticDeveloperHubApi' : 'agenticDeveloperHubOAuth2Api';
}

function authKind(ctx: ReadingContext): AuthKind {
	// The execute context reads (name, itemIndex); the others read (name, fallback).
	const value = (ctx.getNodeParameter as (name: string, index: number, fallback: string) => unknown)(
		'authentication',
		0,
		'oAuth2',
	);
	return value === 'apiToken' ? 'apiToken' : 'oAuth2';
}

async function readSnapshot(ctx: ReadingContext, itemIndex: number): Promise<CredentialSnapshot> {
	const auth = authKind(ctx);
	const credentialType = credentialTypeFor(auth);
	const data = await ctx.getCredentials(credentialType, itemIndex);
	return { auth, credentialType, data, secrets: credentialSecrets(data), readAt: Date.now() };
}

/** The run's snapshot of the credential, read now when there is none (or it is too old). */
export async function credentialSnapshot(ctx: ReadingContext, itemIndex: number): Promise<CredentialSnapshot> {
	const cached = await snapshots.get(ctx)?.catch(() => undefined);
	const age = cached ? Date.now() - cached.readAt : -1;
	if (cached && age >= 0 && age < SNAPSHOT_MAX_AGE_MS) return cached;
	// Concurrent requests of one context share one read; a failed read is not kept.
	const pending = readSnapshot(ctx, itemIndex);
	snapshots.set(ctx, pending);
	pending.catch(() => {
		if (snapshots.get(ctx) === pending) snapshots.delete(ctx);
	});
	return await pending;
}

/** Reads the credential again: after a refresh, near the token's expiry, or after a 401. */
export async function freshCredentialSnapshot(ctx: ReadingContext, itemIndex: number): Promise<CredentialSnapshot> {
	snapshots.delete(ctx);
	return await credentialSnapshot(ctx, itemIndex);
}

/** The token the Hub sees for this snapshot: the OAuth2 access token or the personal token. */
export function signingToken(snapshot: CredentialSnapshot): string | undefined {
	if (snapshot.auth === 'oAuth2') return accessTokenOf(snapshot.data);
	return typeof snapshot.data.apiToken === 'string' ? snapshot.data.apiToken : undefined;
}

/** What n8n may sign with: a copy (n8n adds to what it reads) without the refresh token. */
function signingCopy(snapshot: CredentialSnapshot): ICredentialDataDecryptedObject {
	const tokens = { ...oauthTokenData(snapshot.data) };
	delete tokens.refresh_token;
	return { ...snapshot.data, oauthTokenData: tokens };
}

/**
 * The context n8n's OAuth2 signing runs in: the node's own, except that
 * - with a snapshot, reading this credential returns it instead of resolving it again, without the
 *   refresh token: only the transport refreshes (single-flight, tokenRefresh.ts). n8n 1.x refreshes
 *   by itself on any 401, whatever `skipTokenRefresh` says; without a refresh token that attempt
 *   fails before it sends anything, so it can never redeem a refresh token already used;
 * - n8n's HTTP helper reports each failure to `onFailure` (failedCall.ts), as 1.x's NodeApiError
 *   keeps neither the HTTP error nor its headers.
 */
export function signingContext<T extends SigningBase>(
	ctx: T,
	snapshot: CredentialSnapshot | undefined,
	onFailure: (error: unknown) => void,
): T {
	const reading = snapshot ? readingCredentialAs(ctx, snapshot.credentialType, signingCopy(snapshot)) : ctx;
	return Object.create(reading, { helpers: { value: reportingFailures(ctx.helpers, onFailure) } }) as T;
}

/** The context, except that reading `credentialType` returns a copy of `data`. */
function readingCredentialAs<T extends Pick<IAllExecuteFunctions, 'getCredentials'>>(
	ctx: T,
	credentialType: string,
	data: ICredentialDataDecryptedObject,
): T {
	const getCredentials = async (type: string, itemIndex?: number) =>
		type === credentialType ? { ...data } : await ctx.getCredentials(type, itemIndex);
	return Object.create(ctx, { getCredentials: { value: getCredentials } }) as T;
}
