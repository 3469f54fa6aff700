import type { ServerResponse } from 'http';
import type { Message } from '../resources/state';

/** How the sandbox's event streams behave; the control API changes it at run time. */
export interface StreamSettings {
	/** A stream closes by itself this long after it opened (hub-api.md: at most 5 minutes). */
	maxLifeMs: number;
	/** A Hub without its notification service: one `ready` event, then the stream closes. */
	readyOnly: boolean;
}

export const DEFAULT_STREAM_SETTINGS: Readonly<StreamSettings> = Object.freeze({ maxLifeMs: 300_000, readyOnly: false });

export type StreamKind = 'notifications' | 'chat';

interface OpenStream {
	kind: StreamKind;
	userId: string;
	chatId?: string;
	/** The chat stream's position: the last `seq` written to it. */
	after: number;
	response: ServerResponse;
	timer: NodeJS.Timeout;
	/** Checks each event's data against the published types before it is written. */
	check: EventCheck;
}

export type EventCheck = (data: unknown) => void;

/** What `/__sandbox/counters` reports under `streams`. */
export interface StreamCounters {
	open: Record<StreamKind, number>;
	opened: Record<StreamKind, number>;
	/** The most streams open at once since the reset (or since `resetPeak`). */
	peak: Record<StreamKind, number>;
	/** Streams opened with the token in the `access_token` query parameter instead of the header. */
	queryTokenConnects: number;
	/** `notification` wake-ups written, all streams together. */
	wakeUps: number;
}

/**
 * The open Server-Sent Events streams of hub-api.md section 3 "Realtime". The domain functions
 * announce what arrives (resources/world.ts `Announcer`): each new notification, and each direct
 * message for its recipient, wakes the user's notification streams (something arrived for the
 * caller); each message goes to the streams of its chat.
 */
export class EventStreams {
	settings: StreamSettings = { ...DEFAULT_STREAM_SETTINGS };
	private readonly open = new Set<OpenStream>();
	private opened: Record<StreamKind, number> = { notifications: 0, chat: 0 };
	private peak: Record<StreamKind, number> = { notifications: 0, chat: 0 };
	private queryTokenConnects = 0;
	private wakeUps = 0;

	/** Takes over an answered 200: registers it, or in `readyOnly` mode sends `ready` and ends it. */
	openNotificationStream(response: ServerResponse, userId: string, tokenInQuery: boolean, check: EventCheck): void {
		this.countOpen('notifications', tokenInQuery);
		if (this.settings.readyOnly) {
			check({});
			response.end(eventText('ready', {}));
			return;
		}
		this.register(response, { kind: 'notifications', userId, after: 0, check });
	}

	/** Takes over an answered 200: writes the chat's backlog after `after`, then its live messages. */
	openChatStream(response: ServerResponse, userId: string, chatId: string, backlog: Message[], after: number, tokenInQuery: boolean, check: EventCheck): void {
		this.countOpen('chat', tokenInQuery);
		const stream = this.register(response, { kind: 'chat', userId, chatId, after, check });
		for (const message of backlog) this.writeMessage(stream, message);
	}

	notificationCreated(userId: string): void {
		this.wake(userId);
	}

	messageAppended(message: Message, recipientIds: string[]): void {
		for (const stream of this.open) {
			if (stream.kind === 'chat' && stream.chatId === message.chatId) this.writeMessage(stream, message);
		}
		for (const userId of recipientIds) this.wake(userId);
	}

	/** Ends every open stream (of one user, when given) as the Hub does at a stream's maximum life. */
	closeAll(userId?: string): number {
		let closed = 0;
		for (const stream of [...this.open]) {
			if (userId !== undefined && stream.userId !== userId) continue;
			this.close(stream);
			closed += 1;
		}
		return closed;
	}

	counters(): StreamCounters {
		return { open: this.openCounts(), opened: { ...this.opened }, peak: { ...this.peak }, queryTokenConnects: this.queryTokenConnects, wakeUps: this.wakeUps };
	}

	/** Starts a new peak from the streams open now (a benchmark's phase measures its own peak). */
	resetPeak(): Record<StreamKind, number> {
		this.peak = this.openCounts();
		return { ...this.peak };
	}

	/** Closes everything and forgets counts and settings (`/__sandbox/reset`, shutdown). */
	reset(): void {
		this.closeAll();
		this.settings = { ...DEFAULT_STREAM_SETTINGS };
		this.opened = { notifications: 0, chat: 0 };
		this.peak = { notifications: 0, chat: 0 };
		this.queryTokenConnects = 0;
		this.wakeUps = 0;
	}

	private openCounts(): Record<StreamKind, number> {
		const open: Record<StreamKind, number> = { notifications: 0, chat: 0 };
		for (const stream of this.open) open[stream.kind] += 1;
		return open;
	}

	private countOpen(kind: StreamKind, tokenInQuery: boolean): void {
		this.opened[kind] += 1;
		if (tokenInQuery) this.queryTokenConnects += 1;
	}

	private register(response: ServerResponse, fields: Omit<OpenStream, 'response' | 'timer'>): OpenStream {
		const stream: OpenStream = {
			...fields,
			response,
			timer: setTimeout(() => this.close(stream), this.settings.maxLifeMs),
		};
		this.open.add(stream);
		this.peak[stream.kind] = Math.max(this.peak[stream.kind], this.openCounts()[stream.kind]);
		// The client went away (or the socket broke): the stream is gone.
		response.on('close', () => this.forget(stream));
		return stream;
	}

	private wake(userId: string): void {
		for (const stream of this.open) {
			if (stream.kind !== 'notifications' || stream.userId !== userId) continue;
			this.wakeUps += 1;
			stream.check({});
			stream.response.write(eventText('notification', {}));
		}
	}

	private writeMessage(stream: OpenStream, message: Message): void {
		if (message.seq <= stream.after) return;
		stream.after = message.seq;
		stream.check(message);
		stream.response.write(eventText('message', message));
	}

	private close(stream: OpenStream): void {
		this.forget(stream);
		stream.response.end();
	}

	private forget(stream: OpenStream): void {
		clearTimeout(stream.timer);
		this.open.delete(stream);
	}
}

/** One event on the wire: its name, its data as one JSON line, and the blank line that ends it. */
export function eventText(event: string, data: unknown): string {
	return `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
}
