import { HUB_BOUNDS, HubBoundError } from './bounds';

/**
 * Server-Sent Events (`text/event-stream`, the HTML standard's "event stream interpretation"):
 * lines end in CRLF, LF or CR; `:` starts a comment; `data` lines of one event join with "\n";
 * `event` names it (default `message`); a blank line dispatches it. Two deliberate differences
 * from a browser, for a stream that the Hub closes by itself: an event with a name but no data
 * (`event: ready`) is still dispatched, and an event that the stream's clean end cuts short of its
 * blank line is dispatched too.
 */
export interface ServerSentEvent {
	/** The `event` field, or `message` when the event named none. */
	event: string;
	/** The `data` lines joined with "\n" ('' when it had none). */
	data: string;
	/** The last `id` seen on the stream so far, if any. */
	id?: string;
	/** A `retry` field of this event (milliseconds), if it had a valid one. */
	retry?: number;
}

const LF = 10;
const CR = 13;

function lineTooLong(): HubBoundError {
	return new HubBoundError(
		'streamLineChars',
		`A line of the Hub's event stream exceeded ${HUB_BOUNDS.streamLineChars} characters without ending (bound streamLineChars); the stream was closed`,
	);
}

/** Turns text chunks, split anywhere, into events. */
export class ServerSentEventParser {
	private partialLine = '';
	/** The previous chunk ended in CR: an LF starting the next one belongs to that line end. */
	private skipLeadingLf = false;
	private started = false;
	private dataLines: string[] = [];
	/** Characters in `dataLines`: one event's data is bounded, however many lines it takes. */
	private dataChars = 0;
	private eventType: string | undefined;
	private retry: number | undefined;
	private lastEventId: string | undefined;

	/** The events completed by this chunk. */
	push(text: string): ServerSentEvent[] {
		const events: ServerSentEvent[] = [];
		let chunk = text;
		if (!this.started && chunk.length > 0) {
			this.started = true;
			if (chunk.charCodeAt(0) === 0xfeff) chunk = chunk.slice(1);
		}
		let start = 0;
		if (this.skipLeadingLf && chunk.length > 0) {
			this.skipLeadingLf = false;
			if (chunk.charCodeAt(0) === LF) start = 1;
		}
		for (let index = start; index < chunk.length; index++) {
			const code = chunk.charCodeAt(index);
			if (code !== LF && code !== CR) continue;
			if (this.partialLine.length + index - start > HUB_BOUNDS.streamLineChars) throw lineTooLong();
			this.takeLine(this.partialLine + chunk.slice(start, index), events);
			this.partialLine = '';
			if (code === CR) {
				if (index + 1 === chunk.length) this.skipLeadingLf = true;
				else if (chunk.charCodeAt(index + 1) === LF) index += 1;
			}
			start = index + 1;
		}
		if (this.partialLine.length + chunk.length - start > HUB_BOUNDS.streamLineChars) throw lineTooLong();
		this.partialLine += chunk.slice(start);
		return events;
	}

	/** The stream ended cleanly: its last line and last event count even without their line ends. */
	end(): ServerSentEvent[] {
		const events: ServerSentEvent[] = [];
		if (this.partialLine !== '') this.takeLine(this.partialLine, events);
		this.partialLine = '';
		this.dispatch(events);
		return events;
	}

	private takeLine(line: string, events: ServerSentEvent[]): void {
		if (line === '') return this.dispatch(events);
		if (line.startsWith(':')) return;
		const colon = line.indexOf(':');
		const field = colon < 0 ? line : line.slice(0, colon);
		let value = colon < 0 ? '' : line.slice(colon + 1);
		if (value.startsWith(' ')) value = value.slice(1);
		if (field === 'data') {
			this.dataChars += value.length + 1;
			if (this.dataChars > HUB_BOUNDS.streamEventChars) {
				throw new HubBoundError(
					'streamEventChars',
					`An event of the Hub's event stream exceeded ${HUB_BOUNDS.streamEventChars} characters (bound streamEventChars); the stream was closed`,
				);
			}
			this.dataLines.push(value);
		}
		else if (field === 'event') this.eventType = value;
		else if (field === 'id' && !value.includes('\u0000')) this.lastEventId = value;
		else if (field === 'retry' && /^\d+$/.test(value)) this.retry = Number(value);
	}

	private dispatch(events: ServerSentEvent[]): void {
		if (this.dataLines.length > 0 || this.eventType !== undefined) {
			events.push({
				event: this.eventType || 'message',
				data: this.dataLines.join('\n'),
				...(this.lastEventId !== undefined ? { id: this.lastEventId } : {}),
				...(this.retry !== undefined ? { retry: this.retry } : {}),
			});
		}
		this.dataLines = [];
		this.dataChars = 0;
		this.eventType = undefined;
		this.retry = undefined;
	}
}

/**
 * The parts of a Node response stream that reading it needs (the community rules refuse even a
 * type import from `stream`).
 */
export interface EventStreamBody {
	on(event: 'data', listener: (chunk: Uint8Array | string) => void): unknown;
	on(event: 'end' | 'close', listener: () => void): unknown;
	on(event: 'error', listener: (error: Error) => void): unknown;
}

/**
 * Reads a response body to its end, calling `onEvent` for each event as it arrives. Resolves when
 * the body ends cleanly; rejects when it breaks (an error, or a close without an end): what came
 * after the last complete event is then dropped, since it may be cut short.
 */
export async function readServerSentEvents(
	body: EventStreamBody,
	onEvent: (event: ServerSentEvent) => void,
): Promise<void> {
	const parser = new ServerSentEventParser();
	const decoder = new TextDecoder('utf-8');
	await new Promise<void>((resolve, reject) => {
		let settled = false;
		const settle = (error?: Error) => {
			if (settled) return;
			settled = true;
			if (error) reject(error);
			else resolve();
		};
		const deliver = (events: ServerSentEvent[]) => {
			for (const event of events) {
				if (settled) return;
				try {
					onEvent(event);
				} catch (error) {
					settle(error as Error);
				}
			}
		};
		// A bound the stream broke (a line or an event too long) ends the read with its error.
		const parse = (read: () => ServerSentEvent[]) => {
			try {
				deliver(read());
			} catch (error) {
				settle(error as Error);
			}
		};
		body.on('data', (chunk) => {
			if (settled) return;
			parse(() => parser.push(typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true })));
		});
		body.on('end', () => {
			if (settled) return;
			parse(() => [...parser.push(decoder.decode()), ...parser.end()]);
			settle();
		});
		body.on('error', (error) => settle(error));
		body.on('close', () => settle(new Error('the event stream closed before it ended')));
	});
}
