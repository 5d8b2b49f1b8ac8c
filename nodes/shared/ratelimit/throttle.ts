// Plans when the next call may leave so that it lands inside HubSpot's budget instead of earning
// a 429: a log of our own calls enforces the rolling window and the per-second search limit, and
// the Remaining header (which also counts other clients of the same app) slows us further when
// the shared budget runs low. Pure: the caller supplies the clock and does the waiting.
import type { RateLimitSnapshot } from './headers';

export type CallKind = 'standard' | 'search';

export interface ThrottleSettings {
	/** Calls per interval until headers say otherwise (Free/Starter: 100 per 10 s). */
	max: number;
	intervalMs: number;
	/** CRM search has its own limit and sends no headers, so it is a setting. */
	searchPerSecond: number;
	/** Extra spacing against clock granularity; calls are counted from their answer (see answered()). */
	marginMs: number;
	/** Calls left untouched in each window, for other workflows sharing the app. */
	reserve: number;
}

export const FREE_TIER: ThrottleSettings = {
	max: 100,
	intervalMs: 10_000,
	searchPerSecond: 5,
	marginMs: 50,
	reserve: 0,
};

const SEARCH_INTERVAL_MS = 1000;

interface SharedBudget {
	remaining: number;
	observedAt: number;
	sentSince: number;
}

/** Milliseconds until one more call fits a sliding log of `limit` calls per `windowMs`. */
function slidingWait(log: number[], limit: number, windowMs: number, now: number): number {
	if (limit <= 0) return windowMs;
	if (log.length < limit) return 0;
	return Math.max(0, log[log.length - limit] + windowMs - now);
}

function prune(log: number[], windowMs: number, now: number): void {
	let stale = 0;
	while (stale < log.length && log[stale] <= now - windowMs) stale++;
	if (stale) log.splice(0, stale);
}

/** Moves one entry of a sorted log from `from` to the later `to`, keeping it sorted. */
function restamp(log: number[], from: number, to: number): void {
	let i = log.lastIndexOf(from);
	if (i === -1) return;
	while (i + 1 < log.length && log[i + 1] < to) {
		log[i] = log[i + 1];
		i++;
	}
	log[i] = to;
}

export class ThrottlePlanner {
	private readonly settings: ThrottleSettings;
	private readonly sent: number[] = [];
	private readonly searches: number[] = [];
	private shared?: SharedBudget;

	constructor(settings: Partial<ThrottleSettings> = {}) {
		this.settings = { ...FREE_TIER, ...settings };
	}

	get limits(): Readonly<ThrottleSettings> {
		return this.settings;
	}

	/** When the latest call was counted (-Infinity before any). */
	get lastCallAt(): number {
		return this.sent.length ? this.sent[this.sent.length - 1] : -Infinity;
	}

	/** Learns the real budget from an answer's headers (HubSpot's numbers beat our settings). */
	observe(snapshot: RateLimitSnapshot, now: number): void {
		if (snapshot.max) this.settings.max = snapshot.max;
		if (snapshot.intervalMs) this.settings.intervalMs = snapshot.intervalMs;
		if (snapshot.remaining !== undefined)
			this.shared = { remaining: snapshot.remaining, observedAt: now, sentSince: 0 };
	}

	/** How long to wait before sending a call of this kind now (0 = send). */
	delayFor(kind: CallKind, now: number): number {
		const { max, intervalMs, marginMs, reserve, searchPerSecond } = this.settings;
		const window = intervalMs + marginMs;
		prune(this.sent, window, now);
		let wait = slidingWait(this.sent, max - reserve, window, now);
		if (kind === 'search') {
			prune(this.searches, SEARCH_INTERVAL_MS + marginMs, now);
			wait = Math.max(
				wait,
				slidingWait(this.searches, searchPerSecond, SEARCH_INTERVAL_MS + marginMs, now),
			);
		}
		return Math.max(wait, this.sharedWait(now));
	}

	/** Call when a request leaves. */
	record(kind: CallKind, now: number): void {
		this.sent.push(now);
		if (kind === 'search') this.searches.push(now);
		if (this.shared) this.shared.sentSince++;
	}

	/**
	 * Call when its answer arrives: HubSpot counted the call somewhere between send and answer, and a
	 * busy event loop can hold a "sent" request back for a while, so the answer time is the safe one
	 * to count the window from.
	 */
	answered(kind: CallKind, sentAt: number, now: number): void {
		restamp(this.sent, sentAt, now);
		if (kind === 'search') restamp(this.searches, sentAt, now);
	}

	/**
	 * Other clients' calls are invisible to our log; the last Remaining header shows them. When it
	 * is spent, space our calls at the window's average rate from that observation, so the shared
	 * budget refills while we go on.
	 */
	private sharedWait(now: number): number {
		const shared = this.shared;
		const { max, intervalMs, reserve } = this.settings;
		if (!shared || now - shared.observedAt >= intervalMs) return 0;
		const left = shared.remaining - shared.sentSince - reserve;
		if (left > 0) return 0;
		const pace = intervalMs / max;
		return Math.max(0, shared.observedAt + pace * (1 - left) - now);
	}
}
