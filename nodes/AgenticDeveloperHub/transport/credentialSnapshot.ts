import type { IAllExecuteFunctions, ICredentialDataDecryptedObject, IExecuteFunctions } from 'n8n-workflow';
import type { AuthKind } from './errorMessages';
import { credentialSecrets } from './redact';
import { accessTokenOf } from './tokenFreshness';

type ReadingContext = Pick<IAllExecuteFunctions, 'getCredentials' | 'getNodeParameter'>;

/** The node's credential as read for a run of the node, or for one item of it. */
export interface CredentialSnapshot {
	auth: AuthKind;
	credentialType: string;
	data: ICredentialDataDecryptedObject;
	/** The secret values in `data`, masked wherever Hub text is echoed. */
	secrets: string[];
	readAt: number;
}

/**
 * Every read of a credential makes n8n decrypt it and resolve its expressions, each in a fresh
 * expression sandbox: the dearest part of a request. n8n resolves them per item
 * (`getCredentials(type, itemIndex)`), so a field written as `={{ $json.hubToken }}` acts as another
 * Hub user on each item. The first read of a run is compared with a read for no item at all (the
 * index past the input): equal, the data does not depend on the item and that one read serves every
 * item of the run (keyed by its execution context, which n8n creates per run); different or
 * unresolvable, the credential is read per item, as n8n's own nodes do. A read is dropped after a
 * refresh, near the token's expiry and after a 401 (see request.ts), and never outlives this age,
 * so a long-lived context (an activated trigger's) still sees an edited credential.
 */
export const SNAPSHOT_MAX_AGE_MS = 10_000;

/** The key of the read that serves every item of a run. */
const WHOLE_RUN = -1;

/** What one context (one run of the node) has read. */
interface RunReads {
	/** Whether the credential resolves differently per item; settled by the run's first read. */
	perItem?: Promise<boolean>;
	/** By item index, or WHOLE_RUN. */
	reads: Map<number, Promise<CredentialSnapshot>>;
}

const runs = new WeakMap<object, RunReads>();

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

/** How many items the run has; undefined outside a node's execution (a trigger, a list search). */
function inputLength(ctx: ReadingContext): number | undefined {
	const { getInputData } = ctx as Partial<Pick<IExecuteFunctions, 'getInputData'>>;
	if (typeof getInputData !== 'function') return undefined;
	try {
		return getInputData.call(ctx).length;
	} catch {
		return undefined;
	}
}

/**
 * Whether the credential resolves differently per item: the first read against a read for the index
 * past the input, where an expression on the item has nothing to read (it fails or differs).
 */
async function dependsOnItem(ctx: ReadingContext, first: Promise<CredentialSnapshot>): Promise<boolean> {
	const items = inputLength(ctx);
	if (items === undefined || items < 2) return false;
	const [read, probe] = await Promise.all([first, readSnapshot(ctx, items).catch(() => undefined)]);
	return probe === undefined || JSON.stringify(probe.data) !== JSON.stringify(read.data);
}

function remember(run: RunReads, key: number, pending: Promise<CredentialSnapshot>): Promise<CredentialSnapshot> {
	run.reads.set(key, pending);
	// A failed read is not kept.
	pending.catch(() => {
		if (run.reads.get(key) === pending) run.reads.delete(key);
	});
	return pending;
}

/** The credential as it resolves for this item: the run's read when it holds for every item. */
export async function credentialSnapshot(ctx: ReadingContext, itemIndex: number): Promise<CredentialSnapshot> {
	let run = runs.get(ctx);
	if (!run) {
		run = { reads: new Map() };
		runs.set(ctx, run);
	}
	if (!run.perItem) {
		// Concurrent requests of one context share the first read and the probe.
		const first = remember(run, itemIndex, readSnapshot(ctx, itemIndex));
		const settled = run;
		const perItem = dependsOnItem(ctx, first).then((varies) => {
			if (!varies) {
				settled.reads.delete(itemIndex);
				remember(settled, WHOLE_RUN, first);
			}
			return varies;
		});
		run.perItem = perItem;
		perItem.catch(() => {
			if (settled.perItem === perItem) settled.perItem = undefined;
		});
	}
	const key = (await run.perItem) ? itemIndex : WHOLE_RUN;
	const cached = await run.reads.get(key)?.catch(() => undefined);
	const age = cached ? Date.now() - cached.readAt : -1;
	if (cached && age >= 0 && age < SNAPSHOT_MAX_AGE_MS) return cached;
	return await remember(run, key, readSnapshot(ctx, itemIndex));
}

/** Reads the credential again: after a refresh, near the token's expiry, or after a 401. */
export async function freshCredentialSnapshot(ctx: ReadingContext, itemIndex: number): Promise<CredentialSnapshot> {
	const run = runs.get(ctx);
	if (run?.perItem) run.reads.delete((await run.perItem) ? itemIndex : WHOLE_RUN);
	return await credentialSnapshot(ctx, itemIndex);
}

/** The token the Hub sees for this snapshot: the OAuth2 access token or the personal token. */
export function signingToken(snapshot: CredentialSnapshot): string | undefined {
	if (snapshot.auth === 'oAuth2') return accessTokenOf(snapshot.data);
	return typeof snapshot.data.apiToken === 'string' ? snapshot.data.apiToken : undefined;
}
