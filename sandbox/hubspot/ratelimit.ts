// HubSpot's per-app limits: a rolling 10-second window, a daily quota (reset at midnight UTC here)
// and a separate per-second limit for CRM search, with the X-HubSpot-RateLimit-* headers and
// 429 bodies naming the policy, so clients can tell "slow down" from "stop for today".
import { SlidingWindow } from '../limiter';
import { HubSpotError } from './errors';
import type { TokenInfo } from './tokens';

export interface RateLimitConfig {
	enabled: boolean;
	/** Calls per rolling 10 s: 100 (Free/Starter), 190 (Pro/Enterprise), 250 (capacity pack). */
	tenSecondly: number;
	daily: number;
	searchPerSecond: number;
}

export const TIERS: Record<string, Pick<RateLimitConfig, 'tenSecondly' | 'daily'>> = {
	free: { tenSecondly: 100, daily: 250_000 },
	starter: { tenSecondly: 100, daily: 250_000 },
	professional: { tenSecondly: 190, daily: 625_000 },
	enterprise: { tenSecondly: 190, daily: 1_000_000 },
	'capacity-pack': { tenSecondly: 250, daily: 1_000_000 },
};

export const defaultLimits = (): RateLimitConfig => ({
	enabled: true,
	...TIERS.free,
	searchPerSecond: 5,
});

const INTERVAL_MS = 10_000;
const DAY_MS = 86_400_000;

interface Counters {
	tenSecondly: SlidingWindow;
	search: SlidingWindow;
	day: number;
	dailyUsed: number;
}

export type Verdict =
	| { ok: true; headers: Record<string, string | number> }
	| { ok: false; error: HubSpotError };

export class RateLimits {
	defaults = defaultLimits();
	private counters = new Map<string, Counters>();

	reset() {
		this.defaults = defaultLimits();
		this.counters.clear();
	}

	effective(token: TokenInfo): RateLimitConfig {
		return { ...this.defaults, ...token.limits };
	}

	private countersFor(token: TokenInfo, limits: RateLimitConfig, now: number): Counters {
		let c = this.counters.get(token.appId);
		if (!c) {
			c = {
				tenSecondly: new SlidingWindow(limits.tenSecondly, INTERVAL_MS),
				search: new SlidingWindow(limits.searchPerSecond, 1000),
				day: Math.floor(now / DAY_MS),
				dailyUsed: 0,
			};
			this.counters.set(token.appId, c);
		}
		c.tenSecondly.limit = limits.tenSecondly;
		c.search.limit = limits.searchPerSecond;
		const day = Math.floor(now / DAY_MS);
		if (day !== c.day) {
			c.day = day;
			c.dailyUsed = 0;
		}
		return c;
	}

	/** Counts the call when it is allowed; a rejected call is not counted. */
	check(token: TokenInfo, isSearch: boolean, now: number): Verdict {
		const limits = this.effective(token);
		if (!limits.enabled) return { ok: true, headers: {} };
		const c = this.countersFor(token, limits, now);
		const headers = (remaining: number, dailyRemaining: number) => ({
			'X-HubSpot-RateLimit-Daily': limits.daily,
			'X-HubSpot-RateLimit-Daily-Remaining': dailyRemaining,
			'X-HubSpot-RateLimit-Interval-Milliseconds': INTERVAL_MS,
			'X-HubSpot-RateLimit-Max': limits.tenSecondly,
			'X-HubSpot-RateLimit-Remaining': remaining,
		});
		const reject = (
			policy: string,
			message: string,
			extraHeaders: Record<string, string | number> = {},
		) => ({
			ok: false as const,
			error: new HubSpotError(
				429,
				'RATE_LIMITS',
				message,
				{
					extra: {
						errorType: 'RATE_LIMIT',
						policyName: policy,
						groupName: `publicapi:private-app:${token.appId}`,
					},
				},
				extraHeaders,
			),
		});
		if (c.dailyUsed >= limits.daily)
			return reject('DAILY', 'You have reached your daily limit.', headers(0, 0));
		if (isSearch && c.search.waitMs(now) > 0)
			return reject('SECONDLY', 'You have reached your secondly limit.');
		if (c.tenSecondly.waitMs(now) > 0) {
			return reject(
				'TEN_SECONDLY_ROLLING',
				'You have reached your ten_secondly_rolling limit.',
				headers(0, limits.daily - c.dailyUsed),
			);
		}
		c.tenSecondly.record(now);
		c.dailyUsed++;
		if (isSearch) {
			c.search.record(now);
			// CRM search responses carry no rate-limit headers (HubSpot documents this).
			return { ok: true, headers: {} };
		}
		return { ok: true, headers: headers(c.tenSecondly.remaining(now), limits.daily - c.dailyUsed) };
	}
}
