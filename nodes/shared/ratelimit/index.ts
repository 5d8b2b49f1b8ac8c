export { CircuitBreaker, type BreakerSettings, type BreakerState } from './breaker';
export { readRateLimitHeaders, retryAfterMs, type RateLimitSnapshot } from './headers';
export {
	backoffMs,
	classifyFailure,
	decideRetry,
	DEFAULT_RETRY,
	type FailedAttempt,
	type FailureKind,
	type RetryDecision,
	type RetrySettings,
} from './retry';
export { pacedRequest, type CallMeter, type PacedCall, type PacedOutcome } from './pacedRequest';
export { FREE_TIER, ThrottlePlanner, type CallKind, type ThrottleSettings } from './throttle';
