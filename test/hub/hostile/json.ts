import type { Reply } from '../core/router';
import type { HostileBehaviour } from './behaviours';

const LIST_FIELDS = ['items', 'chats', 'topics', 'posts'];
const TIME_FIELDS = ['createdAt', 'lastActivityAt', 'updatedAt', 'dateSent'];
const COUNT_FIELDS = ['replyCount', 'total', 'unreadCount'];
const TEXT_FIELDS = ['title', 'name', 'displayName', 'content', 'body', 'message', 'excerpt'];
const LIE = 1_000_000_000;
/** Marks where `invalidUtf8` puts bytes that no UTF-8 decoder accepts (0xFF 0xFE, then a lone 0xC3). */
const INVALID_MARK = '~~not-utf-8~~';
const INVALID_BYTES = Buffer.from([0xff, 0xfe, 0xc3]);

export type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Applies `change` to every plain object in `value`, innermost first (a copy). */
function mapObjects(value: unknown, change: (object: Json) => Json): unknown {
	if (Array.isArray(value)) return value.map((item) => mapObjects(item, change));
	if (!isObject(value)) return value;
	return change(Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, mapObjects(inner, change)])));
}

/** A row the list never held: the template with new IDs, the newest time, and numbers that go on. */
function fabricatedRow(template: Json, position: number, idSuffix: string, now: string): Json {
	const row: Json = structuredClone(template);
	if (typeof row.id === 'string') row.id = `${row.id}~${idSuffix}`;
	if (typeof row.chatId === 'string') row.chatId = `${row.chatId}~${idSuffix}`;
	for (const field of TIME_FIELDS) if (field in row) row[field] = now;
	if (isObject(row.lastMessage)) row.lastMessage = { ...row.lastMessage, dateSent: now, seq: position + 1 };
	if (typeof row.postNumber === 'number') row.postNumber = position + 1;
	if (typeof row.seq === 'number') row.seq = position + 1;
	return row;
}

/** endlessPages / repeatingPages: the page's list, full whatever was asked, from rows never seen (or page 1's again). */
function fillPage(body: Json, active: Set<HostileBehaviour>, query: URLSearchParams, now: string, templates: Map<string, Json>, path: string): Json {
	const field = LIST_FIELDS.find((name) => Array.isArray(body[name]));
	if (!field || !query.has('page')) return body;
	// A row of this list seen before serves as the template once the real list has run out.
	const template = (body[field] as Json[])[0] ?? templates.get(path);
	if (!template) return body;
	templates.set(path, template);
	const page = Math.max(1, Number(query.get('page')) || 1);
	const size = Math.min(500, Math.max(1, Number(query.get('pageSize')) || 20));
	const repeating = active.has('repeatingPages');
	const rows = Array.from({ length: size }, (_unused, index) => {
		const position = repeating ? index : (page - 1) * size + index;
		return fabricatedRow(template, position, repeating ? `r${index}` : `p${page}i${index}`, now);
	});
	const filled: Json = { ...body, [field]: rows };
	if ('total' in filled) filled.total = LIE;
	if ('topicsHasMore' in filled) filled.topicsHasMore = true;
	return filled;
}

function nanTimes(object: Json): Json {
	for (const field of TIME_FIELDS) if (typeof object[field] === 'string') object[field] = 'NaN';
	return object;
}

function lyingCounts(object: Json): Json {
	for (const field of COUNT_FIELDS) if (typeof object[field] === 'number') object[field] = LIE;
	if (isObject(object.lastMessage)) object.lastMessage = { ...object.lastMessage, seq: LIE };
	return object;
}

/** The object with own "__proto__" and "constructor" keys first, as JSON.parse makes them. */
function protoKeys(object: Json): Json {
	const prefix = '{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}';
	const rest = JSON.stringify(object).slice(1);
	return JSON.parse(rest === '}' ? `${prefix}}` : `${prefix},${rest}`) as Json;
}

function markInvalid(object: Json): Json {
	for (const field of TEXT_FIELDS) if (typeof object[field] === 'string') object[field] = `${object[field]}${INVALID_MARK}`;
	return object;
}

/** JSON text as bytes, with the invalid-UTF-8 marks replaced by bytes no decoder accepts. */
function invalidUtf8Bytes(body: unknown): Buffer {
	const parts = JSON.stringify(body).split(INVALID_MARK).map((part) => Buffer.from(part));
	return Buffer.concat(parts.flatMap((part, index) => (index === 0 ? [part] : [INVALID_BYTES, part])));
}

/** A route's JSON answer as the active behaviours bend it; the same reply when none applies. */
export function bendJson(
	reply: Reply,
	active: Set<HostileBehaviour>,
	request: { path: string; query: URLSearchParams; now: number; templates: Map<string, Json> },
): Reply {
	const { path, query, now, templates } = request;
	if (active.has('wrongJsonTypes')) return { ...reply, body: Array.isArray(reply.body) ? { wrong: 'an object where a list belongs' } : 'a string where an object belongs' };
	let body = reply.body;
	const nowIso = new Date(now).toISOString();
	if ((active.has('endlessPages') || active.has('repeatingPages')) && isObject(body)) body = fillPage(body, active, query, nowIso, templates, path);
	if (active.has('nanSortKeys')) body = mapObjects(body, nanTimes);
	if (active.has('lyingCounts')) body = mapObjects(body, lyingCounts);
	if (active.has('hugeToken') && isObject(body) && typeof body.access_token === 'string') {
		body = { ...body, access_token: `adh_${'a'.repeat(1024 * 1024)}.${'b'.repeat(16)}%` };
	}
	if (active.has('protoKeys')) body = mapObjects(body, protoKeys);
	if (active.has('invalidUtf8')) {
		const bytes = invalidUtf8Bytes(mapObjects(body, markInvalid));
		return { status: reply.status, headers: { ...reply.headers, 'Content-Type': 'application/json' }, stream: (response) => response.end(bytes) };
	}
	return body === reply.body ? reply : { ...reply, body };
}
