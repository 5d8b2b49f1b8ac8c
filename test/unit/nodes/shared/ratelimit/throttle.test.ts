import { readRateLimitHeaders, retryAfterMs } from '../../../../../nodes/shared/ratelimit/headers';
import { ThrottlePlanner } from '../../../../../nodes/shared/ratelimit/throttle';
import { busiestWindow } from '../../../../../sandbox/limiter';

/** Sends `count` calls as soon as the planner allows, on a simulated clock; returns the send times. */
function drive(
	planner: ThrottlePlanner,
	count: number,
	kind: 'standard' | 'search' = 'standard',
	start = 0,
): number[] {
	const times: number[] = [];
	let now = start;
	for (let i = 0; i < count; i++) {
		now += planner.delayFor(kind, now);
		planner.record(kind, now);
		times.push(now);
	}
	return times;
}

describe('ThrottlePlanner', () => {
	it('lets a full window through at once, then waits for the oldest call to leave it', () => {
		const planner = new ThrottlePlanner({ max: 100, intervalMs: 10_000, marginMs: 250 });
		const times = drive(planner, 101);
		expect(times[99]).toBe(0);
		expect(times[100]).toBe(10_250);
	});

	it('never puts more than max calls in any rolling window, over many windows', () => {
		const planner = new ThrottlePlanner({ max: 100, intervalMs: 10_000 });
		const times = drive(planner, 1000);
		expect(busiestWindow(times, 10_000)).toBeLessThanOrEqual(100);
		// ...and uses the budget: 1000 calls take about 9 windows, not more.
		expect(times[999]).toBeLessThan(10 * 10_250);
	});

	it('keeps search under its per-second limit and counts searches in the 10 s window too', () => {
		const planner = new ThrottlePlanner({ max: 100, searchPerSecond: 5, marginMs: 100 });
		const times = drive(planner, 20, 'search');
		expect(busiestWindow(times, 1000)).toBeLessThanOrEqual(5);
		expect(planner.delayFor('standard', times[19])).toBe(0);
	});

	it('adopts the limit HubSpot reports in its headers', () => {
		const planner = new ThrottlePlanner({ max: 100 });
		planner.observe(
			readRateLimitHeaders({
				'x-hubspot-ratelimit-max': '190',
				'x-hubspot-ratelimit-interval-milliseconds': '10000',
			}),
			0,
		);
		expect(busiestWindow(drive(planner, 190), 10_000)).toBe(190);
		expect(planner.limits.max).toBe(190);
	});

	it('slows down when the shared budget (other clients of the app) is spent', () => {
		const planner = new ThrottlePlanner({ max: 100, intervalMs: 10_000 });
		planner.record('standard', 0);
		planner.observe({ remaining: 0 }, 10);
		// Our own log has 99 free slots, but HubSpot says none are left: pace at 10 s / 100.
		expect(planner.delayFor('standard', 10)).toBe(100);
		planner.observe({ remaining: 40 }, 200);
		expect(planner.delayFor('standard', 200)).toBe(0);
	});

	it('counts a call from its answer: a request held back after "sending" still fits the window', () => {
		const planner = new ThrottlePlanner({ max: 2, intervalMs: 10_000, marginMs: 0 });
		planner.record('standard', 0);
		planner.answered('standard', 0, 900);
		planner.record('standard', 1000);
		planner.answered('standard', 1000, 1010);
		// The first call may have reached HubSpot at 900 ms: it leaves the window at 10.9 s, not 10 s.
		expect(planner.delayFor('standard', 5000)).toBe(5900);
		planner.record('search', 20_000);
		planner.answered('search', 20_000, 20_300);
		expect(planner.delayFor('search', 20_300)).toBe(0);
	});

	it('keeps a reserve for other workflows', () => {
		const planner = new ThrottlePlanner({ max: 100, reserve: 20, intervalMs: 10_000 });
		expect(busiestWindow(drive(planner, 300), 10_000)).toBeLessThanOrEqual(80);
	});
});

describe('rate-limit headers', () => {
	it('reads the X-HubSpot-RateLimit-* headers in any case', () => {
		expect(
			readRateLimitHeaders({
				'X-HubSpot-RateLimit-Max': '100',
				'x-hubspot-ratelimit-remaining': ['37'],
				'X-HUBSPOT-RATELIMIT-INTERVAL-MILLISECONDS': 10000,
				'x-hubspot-ratelimit-daily-remaining': '249000',
			}),
		).toEqual({ max: 100, remaining: 37, intervalMs: 10_000, dailyRemaining: 249_000 });
		expect(readRateLimitHeaders({})).toEqual({});
	});

	it('reads Retry-After as seconds or as an HTTP date', () => {
		expect(retryAfterMs({ 'retry-after': '2' }, 0)).toBe(2000);
		expect(retryAfterMs({ 'Retry-After': 'Thu, 01 Jan 1970 00:00:05 GMT' }, 1000)).toBe(4000);
		expect(retryAfterMs({ 'retry-after': 'soon' }, 0)).toBeUndefined();
		expect(retryAfterMs({}, 0)).toBeUndefined();
	});
});
