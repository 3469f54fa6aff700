/**
 * The sandbox's notion of time. Tests move it forward instead of sleeping (a 60 s code lifetime,
 * a one-hour token, a 30-day refresh token), over the control API or programmatically.
 */
export class Clock {
	private offsetMs = 0;

	now(): number {
		return Date.now() + this.offsetMs;
	}

	nowSeconds(): number {
		return Math.floor(this.now() / 1000);
	}

	iso(): string {
		return new Date(this.now()).toISOString();
	}

	advance(ms: number): void {
		this.offsetMs += ms;
	}

	reset(): void {
		this.offsetMs = 0;
	}
}
