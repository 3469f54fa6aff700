import { HubError } from '../core/errors';
import { tokenKey } from '../oauth/secrets';

const WINDOW_MS = 60 * 1000;

/** Fixed one-minute windows per bearer token, on the hub clock (`--rate-limit N`). */
export class RateLimiter {
	private windows = new Map<string, { start: number; count: number }>();

	/** Counts a request; throws 429 `rate_limited` with an integer `Retry-After` past `limit`. */
	admit(token: string, limit: number, now: number): void {
		if (limit <= 0) return;
		const key = tokenKey(token);
		const start = now - (now % WINDOW_MS);
		let window = this.windows.get(key);
		if (!window || window.start !== start) {
			window = { start, count: 0 };
			this.windows.set(key, window);
		}
		window.count += 1;
		if (window.count <= limit) return;
		const retryAfter = Math.max(1, Math.ceil((start + WINDOW_MS - now) / 1000));
		throw new HubError(429, 'rate_limited', `Too many requests: at most ${limit} per minute. Retry in ${retryAfter} s`, {
			headers: { 'Retry-After': String(retryAfter) },
		});
	}

	clear(): void {
		this.windows.clear();
	}
}
