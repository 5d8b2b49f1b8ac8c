// Circuit breaker: after N consecutive failed calls HubSpot is treated as down and no call is made
// until a cool-down passes (then one trial call decides). Within a run this turns an outage into
// "the remaining items go to the error output now" instead of minutes of doomed retries.

export type BreakerState = 'closed' | 'open' | 'halfOpen';

export interface BreakerSettings {
	/** Consecutive failures that open the circuit. */
	threshold: number;
	/** How long an open circuit refuses calls; Infinity = for the rest of the run. */
	cooldownMs: number;
}

export class CircuitBreaker {
	private failures = 0;
	private openedAt = 0;
	private current: BreakerState = 'closed';

	constructor(private readonly settings: BreakerSettings) {}

	state(now: number): BreakerState {
		if (this.current === 'open' && now - this.openedAt >= this.settings.cooldownMs)
			this.current = 'halfOpen';
		return this.current;
	}

	/** False while open: the caller must fail the call without sending it. */
	allows(now: number): boolean {
		return this.state(now) !== 'open';
	}

	onSuccess(): void {
		this.failures = 0;
		this.current = 'closed';
	}

	onFailure(now: number): void {
		this.failures++;
		if (this.current === 'halfOpen' || this.failures >= this.settings.threshold) {
			this.current = 'open';
			this.openedAt = now;
		}
	}

	get consecutiveFailures(): number {
		return this.failures;
	}
}
