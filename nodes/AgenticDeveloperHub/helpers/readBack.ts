import type { IDataObject } from 'n8n-workflow';
import type { ReadBack, ReadBackFinding, ReadBackLookup } from '../transport';
import { connectionsIn, MAX_PAGES, threadPostsSince, timeOf, topicsActiveSince } from './recentRecords';

/*
 * What a POST that the Hub does not dedupe made, looked up after a failure that leaves it open
 * (the transport's GuardedPost calls these). Only fields that hub-openapi.json defines are used.
 * A record counts as this item's when it matches what was sent, was made since the attempt began
 * (on the Hub's clock), is not one this node already made in this execution (another item's), and
 * is the caller's. When that cannot be told, the answer is "unknown", never a guess.
 */

interface Verdict {
	record: IDataObject;
	/** `maybe`: it matches, but whether it is this item's cannot be told (`reason`). */
	verdict: 'ours' | 'maybe';
	reason?: string;
}

/** Whether the Hub stored what was sent (line endings and runs of white space aside). */
export function sameText(stored: unknown, sent: string): boolean {
	const normal = (text: string) => text.replace(/\s+/g, ' ').trim();
	return typeof stored === 'string' && normal(stored) === normal(sent);
}

function madeEarlier(lookup: ReadBackLookup, record: IDataObject): boolean {
	return lookup.created.some((made) => made.id === record.id);
}

const NO_PROFILE = "the credential may not read its user's profile (add Profile: Read to let the node tell)";

/**
 * The credential's user id: the author of a record this node made in this execution, else
 * `GET /api/auth/me` once per execution. That needs Profile: Read, which an OAuth2 credential may
 * lack: then the author of a record cannot be told (returned: why), and a match stays "maybe".
 */
export async function callerId(lookup: ReadBackLookup): Promise<{ id: string } | { why: string }> {
	if (lookup.caller.id === undefined) {
		const author = lookup.created.find((made) => typeof made.customerId === 'string')?.customerId;
		if (typeof author === 'string') {
			lookup.caller.id = author;
		} else {
			try {
				const me = await lookup.get('/api/auth/me');
				lookup.caller.id = typeof me.id === 'string' ? me.id : null;
			} catch (error) {
				// Refused for good (no scope): remembered. Anything else: this read-back cannot tell.
				if ((error as { httpCode?: unknown }).httpCode === '403') lookup.caller.id = null;
				else return { why: `reading your profile failed: ${(error as Error).message}` };
			}
		}
	}
	return lookup.caller.id ? { id: lookup.caller.id } : { why: NO_PROFILE };
}

/** Who wrote a record (`customerId` is optional in the Hub's types): 'caller', 'other', or why it cannot be told. */
async function authorOf(lookup: ReadBackLookup, record: IDataObject): Promise<'caller' | 'other' | string> {
	if (typeof record.customerId !== 'string') return 'the Hub did not say who wrote it';
	const caller = await callerId(lookup);
	if ('why' in caller) return caller.why;
	return record.customerId === caller.id ? 'caller' : 'other';
}

function conclude(verdicts: Verdict[], complete: boolean, noun: string): ReadBackFinding {
	const ours = verdicts.filter((candidate) => candidate.verdict === 'ours');
	if (ours.length === 1) return { found: ours[0].record };
	if (ours.length > 1) return { unknown: `${ours.length} matching ${noun}s were made since the attempt began, and which is this item's cannot be told` };
	const maybe = verdicts.find((candidate) => candidate.verdict === 'maybe');
	if (maybe) return { unknown: `a matching ${noun} (${String(maybe.record.id)}) was made since the attempt began, but whether it is this item's cannot be told: ${maybe.reason}` };
	if (!complete) return { unknown: `more than ${MAX_PAGES} pages changed since the attempt began` };
	return { absent: true };
}

/** Topic Create: the caller's newest topics in the community with this title since the attempt began. */
export function topicReadBack(communityId: string, title: string): ReadBack {
	return {
		did: `created the topic "${title}"`,
		where: 'the community',
		async find(lookup) {
			const { records, complete } = await topicsActiveSince(lookup, communityId);
			const verdicts: Verdict[] = [];
			for (const topic of records) {
				if (topic.communityId !== communityId || !sameText(topic.title, title)) continue;
				if (timeOf(topic, 'createdAt') < lookup.since() || madeEarlier(lookup, topic)) continue;
				const author = await authorOf(lookup, topic);
				if (author === 'caller') verdicts.push({ record: topic, verdict: 'ours' });
				else if (author !== 'other') verdicts.push({ record: topic, verdict: 'maybe', reason: author });
			}
			return conclude(verdicts, complete, 'topic');
		},
	};
}

/**
 * Post Reply: the caller's posts in the topic with this body since the attempt began (the thread
 * read back from its end, recentRecords.ts).
 */
export function replyReadBack(topicId: string, body: string, parentPostId?: string): ReadBack {
	return {
		did: 'posted the reply',
		where: 'the topic',
		async find(lookup) {
			const { records, complete } = await threadPostsSince(lookup, topicId);
			const verdicts: Verdict[] = [];
			for (const post of records) {
				if (madeEarlier(lookup, post)) continue;
				// Without a parent sent, any parent: the Hub may file a reply under the opening post.
				if (parentPostId !== undefined && post.parentPostId !== parentPostId) continue;
				const author = await authorOf(lookup, post);
				if (author === 'other') continue;
				// `content` holds the Markdown as sent: another text is another reply.
				if (typeof post.content === 'string' && !sameText(post.content, body)) continue;
				if (author === 'caller' && typeof post.content === 'string') verdicts.push({ record: post, verdict: 'ours' });
				else verdicts.push({ record: post, verdict: 'maybe', reason: author === 'caller' ? 'the Hub did not return its text' : author });
			}
			return conclude(verdicts, complete, 'reply');
		},
	};
}

/**
 * Integration Connect: the connections of this provider and service type in the ecosystem made
 * since the attempt began (the list holds the caller's connections only).
 */
export function connectionReadBack(providerId: string, serviceType: string, ecosystemId: string): ReadBack {
	return {
		did: `connected ${providerId} (${serviceType})`,
		where: "the ecosystem's connections",
		async find(lookup) {
			const connections = await connectionsIn(lookup, ecosystemId);
			const since = lookup.since();
			const verdicts: Verdict[] = connections
				.filter((connection) => connection.provider === providerId && connection.serviceType === serviceType)
				.filter((connection) => timeOf(connection, 'createdAt') >= since && !madeEarlier(lookup, connection))
				.map((record) => ({ record, verdict: 'ours' }));
			return conclude(verdicts, true, 'connection');
		},
	};
}

/** Ecosystems a Sync Now read-back looks through for the connection at most. */
const MAX_ECOSYSTEMS = 20;

/**
 * Sync Now: done when the connection shows a sync since the attempt began (`lastSyncAt`); anything
 * else is unknown, as a sync the Hub accepted may still be queued. So a sync is never sent twice.
 */
export function syncReadBack(connectionId: string): ReadBack {
	return {
		did: 'started a sync of the connection',
		where: "the connection's last sync time",
		async find(lookup) {
			const ecosystems = await lookup.get<IDataObject[]>('/api/ecosystem/ecosystems');
			for (const ecosystem of (Array.isArray(ecosystems) ? ecosystems : []).slice(0, MAX_ECOSYSTEMS)) {
				const connection = (await connectionsIn(lookup, String(ecosystem.id))).find((candidate) => candidate.id === connectionId);
				if (!connection) continue;
				if (typeof connection.lastSyncAt === 'string' && timeOf(connection, 'lastSyncAt') >= lookup.since()) return { found: { ok: true } };
				return { unknown: 'the connection shows no sync since the attempt began, and a sync the Hub accepted may still be queued' };
			}
			return { unknown: `the connection was not found in the first ${MAX_ECOSYSTEMS} ecosystems` };
		},
	};
}
