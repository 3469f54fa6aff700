import type { ITriggerFunctions } from 'n8n-workflow';
import { pause } from '../transport/pause';
import { errorForNode } from '../transport/sharedReads';
import type { SharedStream, StreamListener } from './sharedStream';
import { joinStream, streamKeyFor } from './streams';
import { WakeReader } from './wakeReader';

const NOTIFICATION_STREAM = '/api/notifications/stream';

export interface RealtimeSessionOptions {
	context: ITriggerFunctions;
	/** Reads what is new since the workflow's mark and emits it. */
	read: () => Promise<void>;
	/** Something only the user can fix, or an outage that outlasted the reconnects: the session has stopped. */
	fail: (error: Error) => void;
	/** How often to read when the Hub has no realtime events. */
	fallbackIntervalMs: number;
}

/**
 * One workflow listening to its account's notification stream (shared with the other workflows
 * of the account: sharedStream.ts). It keeps its own reader: wake-ups become reads from its own
 * mark, one at a time. Stopping it leaves the stream to the others.
 */
export class RealtimeSession implements StreamListener {
	private readonly stopper = new AbortController();
	private readonly reader: WakeReader;
	private stream: SharedStream | undefined;
	private pollPhase: AbortSignal | undefined;
	private polling = false;
	private stopped = false;

	constructor(private readonly options: RealtimeSessionOptions) {
		this.reader = new WakeReader(options.read, (error) => this.failWith(error), this.stopper.signal);
	}

	get context(): ITriggerFunctions {
		return this.options.context;
	}

	/** Joins the account's stream (opening it when no other workflow of the account listens). */
	start(): void {
		void (async () => {
			const key = await streamKeyFor(this.context, NOTIFICATION_STREAM);
			if (!this.stopped) this.stream = joinStream(key, NOTIFICATION_STREAM, this);
		})().catch((error: Error) => this.failWith(error));
	}

	/** False once stopped: reads that finish later must not emit. */
	get active(): boolean {
		return !this.stopped;
	}

	/** Stops reading and leaves the stream (closed when no other workflow listens); safe to call twice. */
	stop(): void {
		if (this.stopped) return;
		this.stopped = true;
		this.stopper.abort();
		this.stream?.leave(this);
	}

	wake(): void {
		void this.reader.wake();
	}

	/** The stream's failure, reported by this workflow as its own. */
	fail(error: Error): void {
		this.failWith(errorForNode(error, this.context.getNode()));
	}

	pollUntil(phase: AbortSignal): void {
		const { context, fallbackIntervalMs } = this.options;
		context.logger.warn(
			`Agentic Developer Hub Realtime Trigger: the Hub has no realtime events; polling every ${Math.round(fallbackIntervalMs / 1000)} s instead`,
		);
		this.pollPhase = phase;
		if (this.polling) return;
		this.polling = true;
		void (async () => {
			while (!this.stopped && !this.pollPhase?.aborted) {
				await pause(fallbackIntervalMs, this.stopper.signal);
				await this.reader.wake();
			}
		})().finally(() => {
			this.polling = false;
		});
	}

	private failWith(error: Error): void {
		if (this.stopped) return;
		this.stop();
		this.options.fail(error);
	}
}
