import { NodeOperationError, type ITriggerFunctions } from 'n8n-workflow';
import { HubBoundError } from '../transport/bounds';
import { readServerSentEvents } from '../transport/serverSentEvents';
import { openHubStream } from '../transport/stream';
import { isTransient } from './failures';
import { pause } from '../transport/pause';
import { realtimePolicy, reconnectDelayMs } from './policy';
import { WakeReader } from './wakeReader';

const NOTIFICATION_STREAM = '/api/notifications/stream';

export interface RealtimeSessionOptions {
	context: ITriggerFunctions;
	/** Reads what is new since the mark and emits it. */
	read: () => Promise<void>;
	/** Something only the user can fix, or an outage that outlasted the reconnects: the session has stopped. */
	fail: (error: Error) => void;
	/** How often to read when the Hub has no realtime events. */
	fallbackIntervalMs: number;
}

/** One open notification stream. */
interface LiveStream {
	controller: AbortController;
	openedAt: number;
	sawWakeUp: boolean;
	sawReady: boolean;
	/** Why reading broke off, when it was one of our bounds (a line or an event too long). */
	boundBroken?: Error;
	/** Settles when the body ends: `ended` when the Hub closed it, `broken` otherwise. */
	done: Promise<'ended' | 'broken'>;
}

/**
 * Keeps the Hub's notification stream open for an active trigger and reads on each wake-up (the
 * stream says only that something arrived; what is new comes from the list routes, from the mark).
 * Every time a stream opens after a gap, a catch-up read covers what arrived in the gap. Once the
 * Hub's stream life is known, the next stream opens shortly before the current one ends (a
 * handover), so an idle trigger costs one connect per stream life and no reads. Failed connects
 * back off with jitter; a Hub that answers a single `ready` is polled instead.
 */
export class RealtimeSession {
	private readonly stopper = new AbortController();
	private readonly reader: WakeReader;
	/** How long the last stream that the Hub ended lasted: the Hub's stream life, as far as seen. */
	private lastLife: number | undefined;
	private failures = 0;
	private stopped = false;

	constructor(private readonly options: RealtimeSessionOptions) {
		this.reader = new WakeReader(options.read, (error) => this.failWith(error), this.stopper.signal);
	}

	start(): void {
		void this.run().catch((error: Error) => this.failWith(error));
	}

	/** Reads now (and once more if a read is under way); resolves when that read is done. */
	async readNow(): Promise<void> {
		await this.reader.wake();
	}

	/** False once stopped: reads that finish later must not emit. */
	get active(): boolean {
		return !this.stopped;
	}

	/** Closes the stream (also one still connecting) and stops reading; safe to call twice. */
	stop(): void {
		this.stopped = true;
		this.stopper.abort();
	}

	private failWith(error: Error): void {
		if (this.stopped) return;
		this.stop();
		this.options.fail(error);
	}

	private async run(): Promise<void> {
		for (;;) {
			const live = await this.connectUntilOpen();
			if (!live) return;
			void this.reader.wake();
			const last = await this.follow(live);
			if (this.stopped) return;
			if (last.stream.sawReady && !last.stream.sawWakeUp) {
				await this.pollInstead();
				continue;
			}
			const life = Date.now() - last.stream.openedAt;
			if (last.outcome === 'ended') this.lastLife = life;
			const { minHealthyLifeMs } = realtimePolicy();
			if (life >= minHealthyLifeMs && !last.stream.boundBroken) {
				this.failures = 0;
				continue;
			}
			// Closed early (even right after an event) or broke a bound: back off as after a failed
			// connect, so a Hub that closes every stream at once is not reconnected in a loop.
			const node = this.options.context.getNode();
			const early = `The Hub closed its event stream within ${Math.round(minHealthyLifeMs / 1000)} s of opening it`;
			await this.backOff(last.stream.boundBroken ?? new NodeOperationError(node, early));
		}
	}

	/** Opens a stream, backing off between failed attempts; undefined once stopped (or failed). */
	private async connectUntilOpen(): Promise<LiveStream | undefined> {
		for (;;) {
			if (this.stopped) return undefined;
			try {
				return await this.connect();
			} catch (error) {
				if (this.stopped) return undefined;
				if (!isTransient(error)) this.failWith(error as Error);
				else await this.backOff(error as Error);
			}
		}
	}

	/** Waits before the next connect; past the policy's bound, reports the outage instead (and stops). */
	private async backOff(error: Error): Promise<void> {
		this.failures += 1;
		if (this.failures > realtimePolicy().maxConsecutiveFailures) return this.failWith(error);
		const delay = reconnectDelayMs(this.failures);
		this.options.context.logger.warn(`Agentic Developer Hub Realtime Trigger: ${error.message}; reconnecting in ${Math.round(delay / 1000)} s`);
		await pause(delay, this.stopper.signal);
	}

	private async connect(): Promise<LiveStream> {
		const controller = new AbortController();
		const abort = () => controller.abort();
		this.stopper.signal.addEventListener('abort', abort, { once: true });
		const opening = openHubStream(this.options.context, NOTIFICATION_STREAM, {
			signal: controller.signal,
			idleTimeoutMs: realtimePolicy().idleTimeoutMs,
			maxLifeMs: realtimePolicy().maxStreamLifeMs,
		});
		const forget = () => this.stopper.signal.removeEventListener('abort', abort);
		opening.catch(forget);
		const { body } = await opening;
		const stream: LiveStream = { controller, openedAt: Date.now(), sawWakeUp: false, sawReady: false, done: Promise.resolve('broken') };
		stream.done = readServerSentEvents(body, ({ event }) => {
			if (event === 'ready') stream.sawReady = true;
			if (event !== 'notification') return;
			stream.sawWakeUp = true;
			void this.reader.wake();
		}).then(
			() => 'ended' as const,
			(error: unknown) => {
				if (error instanceof HubBoundError) stream.boundBroken = error;
				// Whatever broke the read, the connection goes too (a 10 MB event is not read to its end).
				controller.abort();
				return 'broken' as const;
			},
		);
		void stream.done.finally(forget);
		return stream;
	}

	/** When to open the next stream, counted from a stream's opening; undefined while the life is unknown or short. */
	private handoverAfterMs(): number | undefined {
		const { minHandoverLifeMs, handoverLeadMs } = realtimePolicy();
		const life = this.lastLife ?? 0;
		return life >= minHandoverLifeMs ? life - handoverLeadMs : undefined;
	}

	/** Follows a stream through its handovers until one ends without a successor. */
	private async follow(first: LiveStream): Promise<{ stream: LiveStream; outcome: 'ended' | 'broken' }> {
		let stream = first;
		let handover = this.handoverAfterMs();
		for (;;) {
			const timer = new AbortController();
			const due = handover === undefined ? new Promise<never>(() => {}) : this.timeUp(handover - (Date.now() - stream.openedAt), timer.signal);
			const outcome = await Promise.race([stream.done, due]);
			timer.abort();
			if (outcome !== 'handover') return { stream, outcome };
			let next: LiveStream;
			try {
				next = await this.connect();
			} catch (error) {
				if (this.stopped) return { stream, outcome: 'broken' };
				if (!isTransient(error)) {
					this.failWith(error as Error);
					return { stream, outcome: 'broken' };
				}
				// Keep listening on the current stream; the reconnect after it ends backs off.
				handover = undefined;
				continue;
			}
			stream.controller.abort();
			stream = next;
			handover = this.handoverAfterMs();
		}
	}

	private async timeUp(ms: number, cancel: AbortSignal): Promise<'handover'> {
		await pause(ms, AbortSignal.any([cancel, this.stopper.signal]));
		return await new Promise((resolve) => {
			if (!cancel.aborted && !this.stopped) resolve('handover');
		});
	}

	/** A Hub without realtime events: read every fallback interval, and look for its stream again now and then. */
	private async pollInstead(): Promise<void> {
		const { context, fallbackIntervalMs } = this.options;
		context.logger.warn(
			`Agentic Developer Hub Realtime Trigger: the Hub has no realtime events; polling every ${Math.round(fallbackIntervalMs / 1000)} s instead`,
		);
		const since = Date.now();
		while (!this.stopped && Date.now() - since < realtimePolicy().reprobeMs) {
			await pause(fallbackIntervalMs, this.stopper.signal);
			await this.reader.wake();
		}
	}
}
