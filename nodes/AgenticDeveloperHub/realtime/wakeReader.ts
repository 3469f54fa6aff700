import { pause } from '../transport/pause';
import { reconnectDelayMs } from './policy';
import { isTransient } from './failures';

/**
 * Runs the read after wake-ups, one read at a time: wake-ups that arrive during a read make one
 * more read after it (a burst of 1,000 events costs a few reads, not 1,000). A read that fails on
 * the way (network, 5xx, 429) is tried again after a backoff; any other failure goes to `fail`.
 */
export class WakeReader {
	private running: Promise<void> | undefined;
	private again = false;
	private failures = 0;

	constructor(
		private readonly read: () => Promise<void>,
		private readonly fail: (error: Error) => void,
		private readonly stopSignal: AbortSignal,
	) {}

	/** Reads now, or once more after the read under way; resolves when that read is done. */
	async wake(): Promise<void> {
		if (this.stopSignal.aborted) return;
		if (this.running) {
			this.again = true;
			return await this.running;
		}
		this.running = this.loop().finally(() => {
			this.running = undefined;
		});
		return await this.running;
	}

	private async loop(): Promise<void> {
		do {
			this.again = false;
			try {
				await this.read();
				this.failures = 0;
			} catch (error) {
				if (this.stopSignal.aborted) return;
				if (!isTransient(error)) return this.fail(error as Error);
				this.failures += 1;
				await pause(reconnectDelayMs(this.failures), this.stopSignal);
				this.again = true;
			}
		} while (this.again && !this.stopSignal.aborted);
	}
}
