/**
 * The sandbox's notion of time. Tests move it forward instead of sleeping (a 60 s code lifetime,
 * a one-hour token, a 30-day refresh token), over the control API or programmatically. A test whose
 * assertion depends on the moment (a Retry-After, an expiry) freezes it, so a slow machine gives the
 * same answer as a fast one.
 */
export class Clock {
	private offsetMs = 0;
	private frozenAt: number | undefined;

	now(): number {
		return this.frozenAt ?? Date.now() + this.offsetMs;
	}

	nowSeconds(): number {
		return Math.floor(this.now() / 1000);
	}

	iso(): string {
		return new Date(this.now()).toISOString();
	}

	advance(ms: number): void {
		if (this.frozenAt !== undefined) this.frozenAt += ms;
		else this.offsetMs += ms;
	}

	/** Stops time at the current moment; only `advance` moves it until `thaw`. */
	freeze(): void {
		this.frozenAt ??= this.now();
	}

	/** Lets time run again from where it stands. */
	thaw(): void {
		if (this.frozenAt === undefined) return;
		this.offsetMs = this.frozenAt - Date.now();
		this.frozenAt = undefined;
	}

	get frozen(): boolean {
		return this.frozenAt !== undefined;
	}

	reset(): void {
		this.offsetMs = 0;
		this.frozenAt = undefined;
	}
}
