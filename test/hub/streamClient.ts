import { request } from 'http';

/** One event as the sandbox writes it: `event: <name>` and one `data:` line of JSON. */
export interface ReceivedEvent {
	event: string;
	data: unknown;
	/** When it arrived (ms since the epoch). */
	at: number;
}

export interface OpenedStream {
	status: number;
	headers: Record<string, string | string[] | undefined>;
	/** The whole body of a non-200 answer, parsed as JSON. */
	body?: any;
	/** Events so far; grows while the stream is open. */
	events: ReceivedEvent[];
	/** Every byte received, as text (to check for comments or keep-alives). */
	raw(): string;
	/** Resolves when the Hub ends the stream (`clean`) or the connection breaks. */
	ended: Promise<'clean' | 'broken'>;
	/** Resolves once `count` events arrived (rejects after `timeoutMs`). */
	waitForEvents(count: number, timeoutMs?: number): Promise<ReceivedEvent[]>;
	close(): void;
}

/**
 * Opens a stream route of the sandbox over plain HTTP, for its contract tests. Deliberately not
 * the node's own parser: this reads the exact framing the sandbox writes (`event:`, `data:`, blank line).
 */
export async function openEventStream(
	baseUrl: string,
	path: string,
	auth: { header?: string; query?: string } = {},
): Promise<OpenedStream> {
	const url = new URL(path, baseUrl);
	if (auth.query) url.searchParams.set('access_token', auth.query);
	return await new Promise((resolve, reject) => {
		const outgoing = request(url, { headers: { Accept: 'text/event-stream', ...(auth.header ? { Authorization: `Bearer ${auth.header}` } : {}) } }, (response) => {
			let text = '';
			let pending = '';
			const events: ReceivedEvent[] = [];
			const waiters: Array<() => void> = [];
			const ended = new Promise<'clean' | 'broken'>((settle) => {
				response.on('end', () => settle('clean'));
				response.on('error', () => settle('broken'));
				response.on('close', () => settle(response.complete ? 'clean' : 'broken'));
			});
			response.setEncoding('utf8');
			response.on('data', (chunk: string) => {
				text += chunk;
				pending += chunk;
				let end: number;
				while ((end = pending.indexOf('\n\n')) >= 0) {
					const block = pending.slice(0, end);
					pending = pending.slice(end + 2);
					const name = /^event: (.*)$/m.exec(block)?.[1] ?? 'message';
					const data = /^data: (.*)$/m.exec(block)?.[1];
					events.push({ event: name, data: data === undefined ? undefined : JSON.parse(data), at: Date.now() });
				}
				waiters.splice(0).forEach((wake) => wake());
			});
			const status = response.statusCode ?? 0;
			const opened: OpenedStream = {
				status,
				headers: response.headers,
				events,
				raw: () => text,
				ended,
				async waitForEvents(count, timeoutMs = 5000) {
					const deadline = Date.now() + timeoutMs;
					while (events.length < count) {
						if (Date.now() > deadline) throw new Error(`${events.length} of ${count} events after ${timeoutMs} ms`);
						await Promise.race([new Promise<void>((wake) => waiters.push(wake)), new Promise((wake) => setTimeout(wake, 50))]);
					}
					return events.slice(0, count);
				},
				close: () => outgoing.destroy(),
			};
			if (status === 200) return resolve(opened);
			void ended.then(() => resolve({ ...opened, body: text ? JSON.parse(text) : undefined }));
		});
		outgoing.on('error', reject);
		outgoing.end();
	});
}
