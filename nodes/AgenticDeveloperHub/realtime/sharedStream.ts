import { NodeOperationError, type ITriggerFunctions } from 'n8n-workflow';
import { HubBoundError } from '../transport/bounds';
import { pause } from '../transport/pause';
import { readServerSentEvents } from '../transport/serverSentEvents';
import { openHubStream } from '../transport/stream';
import { isTransient } from './failures';
import { realtimePolicy, reconnectDelayMs } from './policy';

/** What a shared stream needs from each workflow listening to it (realtime/session.ts). */
export interface StreamListener {
	/** The listener's trigger context: a live one opens the stream again and logs. */
	readonly context: ITriggerFunctions;
	/** Something may have arrived (or the stream opened after a gap): read from the listener's own mark. */
	wake(): void;
	/** The stream stopped for good (only the user can fix it, or an outage outlasted the reconnects). */
	fail(error: Error): void;
	/** A Hub without realtime events: read every fallback interval until `phase` aborts. */
	pollUntil(phase: AbortSignal): void;
}

/** One open event stream. */
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
 * One Hub event stream of one account, shared by every active workflow listening to it: each
 * wake-up wakes every listener, each of which reads from its own mark. Every time a stream opens
 * after a gap, every listener reads to catch up on the gap. Once the Hub's stream life is known,
 * the next stream opens shortly before the current one ends (a handover), so an idle account costs
 * one connect per stream life and no reads. Failed connects back off with jitter; a Hub that
 * answers a single `ready` is polled instead. Connects and logs use a listener still listening,
 * whichever opened the stream first; the last listener to leave closes it.
 */
export class SharedStream {
	private readonly stopper = new AbortController();
	private readonly listeners = new Set<StreamListener>();
	/** A stream is open: a listener that joins now reads at once (else the next open wakes it). */
	private live = false;
	/** Set while the Hub is polled instead: a listener that joins polls too. */
	private pollPhase: AbortController | undefined;
	/** How long the last stream that the Hub ended lasted: the Hub's stream life, as far as seen. */
	private lastLife: number | undefined;
	private failures = 0;
	private stopped = false;

	constructor(
		private readonly endpoint: string,
		private readonly onStopped: () => void,
	) {}

	/** Adds a listener; the first one starts the stream. */
	join(listener: StreamListener): void {
		const first = this.listeners.size === 0 && !this.stopped;
		this.listeners.add(listener);
		if (this.pollPhase) listener.pollUntil(this.pollPhase.signal);
		if (this.live) listener.wake();
		if (first) void this.run().catch((error: Error) => this.failWith(error));
	}

	/** Removes a listener; the stream closes with the last one. The others are not disturbed. */
	leave(listener: StreamListener): void {
		this.listeners.delete(listener);
		if (this.listeners.size === 0) this.stop();
	}

	get listenerCount(): number {
		return this.listeners.size;
	}

	private stop(): void {
		if (this.stopped) return;
		this.stopped = true;
		this.stopper.abort();
		this.onStopped();
	}

	/** Any listener still listening (they all act as the same account). */
	private get context(): ITriggerFunctions {
		return this.listeners.values().next().value!.context;
	}

	private wakeAll(): void {
		for (const listener of [...this.listeners]) listener.wake();
	}

	/** Stops the stream and hands the failure to every listener, once each. */
	private failWith(error: Error): void {
		if (this.stopped) return;
		const listeners = [...this.listeners];
		this.stop();
		for (const listener of listeners) listener.fail(error);
	}

	private async run(): Promise<void> {
		for (;;) {
			const live = await this.connectUntilOpen();
			if (!live) return;
			this.live = true;
			this.wakeAll();
			const last = await this.follow(live);
			this.live = false;
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
			const early = `The Hub closed its event stream within ${Math.round(minHealthyLifeMs / 1000)} s of opening it`;
			await this.backOff(last.stream.boundBroken ?? new NodeOperationError(this.context.getNode(), early));
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
		if (this.stopped) return;
		this.failures += 1;
		if (this.failures > realtimePolicy().maxConsecutiveFailures) return this.failWith(error);
		const delay = reconnectDelayMs(this.failures);
		this.context.logger.warn(`Agentic Developer Hub Realtime Trigger: ${error.message}; reconnecting in ${Math.round(delay / 1000)} s`);
		await pause(delay, this.stopper.signal);
	}

	private async connect(): Promise<LiveStream> {
		const controller = new AbortController();
		const abort = () => controller.abort();
		this.stopper.signal.addEventListener('abort', abort, { once: true });
		const opening = openHubStream(this.context, this.endpoint, {
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
			this.wakeAll();
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

	/** A Hub without realtime events: every listener reads every fallback interval of its own; the stream is looked for again now and then. */
	private async pollInstead(): Promise<void> {
		const phase = new AbortController();
		this.pollPhase = phase;
		for (const listener of [...this.listeners]) listener.pollUntil(phase.signal);
		await pause(realtimePolicy().reprobeMs, this.stopper.signal);
		phase.abort();
		this.pollPhase = undefined;
	}
}
