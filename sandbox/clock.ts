// One clock for every time-based rule (rate limits, search-index lag, timestamps) so tests can
// move time forward instead of sleeping through a 10-second window.
export class Clock {
	private offsetMs = 0;

	constructor(private readonly source: () => number = Date.now) {}

	now(): number {
		return this.source() + this.offsetMs;
	}

	advance(ms: number): number {
		this.offsetMs += ms;
		return this.now();
	}

	/** Drops any advance made so far. */
	reset(): void {
		this.offsetMs = 0;
	}
}
