// Transport settings a user can tune per node (Options → Rate Limits and Retries); defaults fit a
// Free/Starter HubSpot account and are replaced by what HubSpot's headers report.
import type { IDataObject } from 'n8n-workflow';
import {
	DEFAULT_RETRY,
	FREE_TIER,
	type BreakerSettings,
	type RetrySettings,
	type ThrottleSettings,
} from '../../shared/ratelimit';

export interface TransportSettings {
	throttle: ThrottleSettings;
	retry: RetrySettings;
	breaker: BreakerSettings;
	timeoutMs: number;
}

const number = (value: unknown, fallback: number) =>
	typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : fallback;

/** `options` = the node's Options collection. */
export function transportSettings(options: IDataObject): TransportSettings {
	return {
		throttle: {
			...FREE_TIER,
			max: Math.max(1, number(options.requestsPerInterval, FREE_TIER.max)),
			searchPerSecond: Math.max(
				1,
				number(options.searchRequestsPerSecond, FREE_TIER.searchPerSecond),
			),
			reserve: number(options.reservedRequests, FREE_TIER.reserve),
		},
		retry: {
			...DEFAULT_RETRY,
			maxAttempts: Math.max(1, number(options.maxAttempts, DEFAULT_RETRY.maxAttempts)),
			baseDelayMs: number(options.retryBaseDelayMs, DEFAULT_RETRY.baseDelayMs),
			// A SECONDLY window clears within a second; a smaller base delay (tests) shortens that wait too.
			secondlyDelayMs: Math.min(
				DEFAULT_RETRY.secondlyDelayMs,
				number(options.retryBaseDelayMs, DEFAULT_RETRY.secondlyDelayMs),
			),
		},
		breaker: {
			threshold: Math.max(1, number(options.circuitBreakerThreshold, 5)),
			cooldownMs: Infinity,
		},
		timeoutMs: Math.max(1000, number(options.timeoutMs, 30_000)),
	};
}
