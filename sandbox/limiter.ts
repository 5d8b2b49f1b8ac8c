// Sliding-log rate limiter shared by HubSpot (10 s rolling, secondly search), Slack (per channel)
// and Clay (per source). Exact, unlike fixed buckets: "at most N calls in any window of W ms".

export class SlidingWindow {
	private hits: number[] = [];
	private head = 0;

	constructor(
		public limit: number,
		public windowMs: number,
	) {}

	private prune(now: number) {
		const from = now - this.windowMs;
		while (this.head < this.hits.length && this.hits[this.head] <= from) this.head++;
		// Compact now and then so the array does not grow with every call ever made.
		if (this.head > 1024 && this.head * 2 > this.hits.length) {
			this.hits = this.hits.slice(this.head);
			this.head = 0;
		}
	}

	used(now: number): number {
		this.prune(now);
		return this.hits.length - this.head;
	}

	remaining(now: number): number {
		return Math.max(0, this.limit - this.used(now));
	}

	/** 0 when one more call fits now, else the milliseconds until it does. */
	waitMs(now: number): number {
		const used = this.used(now);
		if (used < this.limit) return 0;
		const oldest = this.hits[this.head + used - this.limit];
		return Math.max(1, oldest + this.windowMs - now);
	}

	record(now: number): void {
		this.hits.push(now);
	}

	/** Records the call when it fits; returns the wait otherwise (0 = taken). */
	take(now: number): number {
		const wait = this.waitMs(now);
		if (wait === 0) this.record(now);
		return wait;
	}
}

/** Applies `{enabled?, <rateKey>?}` from an admin request to a limit setting (rate must be ≥ 1). */
export function patchLimit<T extends { enabled: boolean }>(
	current: T,
	body: unknown,
	rateKey: keyof T & string,
): T {
	if (typeof body !== 'object' || body === null || Array.isArray(body))
		throw new Error('Expected a JSON object');
	const { enabled, [rateKey]: rate } = body as Record<string, unknown>;
	if (enabled !== undefined && typeof enabled !== 'boolean')
		throw new Error('enabled must be a boolean');
	if (rate !== undefined && !(typeof rate === 'number' && rate >= 1))
		throw new Error(`${rateKey} must be a number >= 1`);
	return {
		...current,
		...(enabled === undefined ? {} : { enabled }),
		...(rate === undefined ? {} : { [rateKey]: rate }),
	};
}

/**
 * The most of `times` (sorted, ms) inside any window of `windowMs`: what a sliding window like the one above
 * measures, for checking a client's calls against it afterwards (tests and benchmarks read the request log).
 */
export function busiestWindow(times: readonly number[], windowMs: number): number {
	let busiest = 0;
	for (let last = 0, first = 0; last < times.length; last++) {
		while (times[last] - times[first] >= windowMs) first++;
		busiest = Math.max(busiest, last - first + 1);
	}
	return busiest;
}
