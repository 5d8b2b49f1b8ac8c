// Clay takes about 10 rows per second per workspace (unverified, hence a setting). The push node paces
// itself with the shared sliding-window planner instead of earning 429s; only the numbers are Clay's.
import { ThrottlePlanner, type RetrySettings } from '../ratelimit';

export interface RowPacing {
	planner: ThrottlePlanner;
	retry: RetrySettings;
}

/** `marginMs` absorbs the gap between our send and Clay's arrival, so a window never holds one row too many. */
export function rowPacing(rowsPerSecond: number, maxAttempts: number, marginMs = 50): RowPacing {
	return {
		planner: new ThrottlePlanner({
			max: Math.max(1, Math.floor(rowsPerSecond)),
			intervalMs: 1000,
			marginMs,
			reserve: 0,
		}),
		retry: {
			maxAttempts: Math.max(1, maxAttempts),
			baseDelayMs: 500,
			maxDelayMs: 30_000,
			secondlyDelayMs: 1000,
		},
	};
}
