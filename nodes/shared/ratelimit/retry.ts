// Whether and when to try a failed HubSpot call again. HubSpot's 429 names its policy: the rolling
// 10-second and secondly windows clear quickly; the DAILY quota does not reset until midnight, so
// retrying it only burns time. Server errors and network failures are retried with exponential
// backoff and jitter, so that many clients failing together do not retry together.

export interface FailedAttempt {
	/** HTTP status; undefined for a network failure or timeout. */
	status?: number;
	/** `policyName` of a 429 body. */
	policyName?: string;
	/** From the Retry-After header. */
	retryAfterMs?: number;
	/** Node error code of a network failure (ECONNRESET, ETIMEDOUT…). */
	networkCode?: string;
}

export interface RetrySettings {
	/** Attempts in all, the first included. */
	maxAttempts: number;
	baseDelayMs: number;
	maxDelayMs: number;
	/** Floor for a SECONDLY 429: the window is one second. */
	secondlyDelayMs: number;
}

export const DEFAULT_RETRY: RetrySettings = {
	maxAttempts: 6,
	baseDelayMs: 1000,
	maxDelayMs: 30_000,
	secondlyDelayMs: 1000,
};

export type FailureKind = 'rateLimited' | 'dailyLimit' | 'transient' | 'permanent';

export type RetryDecision =
	| { retry: true; delayMs: number; kind: FailureKind }
	| { retry: false; kind: FailureKind; reason: string };

const TRANSIENT_STATUSES = new Set([408, 500, 502, 503, 504, 520, 521, 522, 523, 524]);

export function classifyFailure(failure: FailedAttempt): FailureKind {
	if (failure.status === undefined) return 'transient';
	if (failure.status === 429) return failure.policyName === 'DAILY' ? 'dailyLimit' : 'rateLimited';
	return TRANSIENT_STATUSES.has(failure.status) ? 'transient' : 'permanent';
}

/** Exponential backoff with "equal jitter": never less than half the step, never two clients in step. */
export function backoffMs(attempt: number, settings: RetrySettings, random: () => number): number {
	const step = Math.min(settings.maxDelayMs, settings.baseDelayMs * 2 ** Math.max(0, attempt - 1));
	return Math.round(step / 2 + random() * (step / 2));
}

/** `attempt` = attempts made so far (1 after the first failure). */
export function decideRetry(
	failure: FailedAttempt,
	attempt: number,
	settings: RetrySettings = DEFAULT_RETRY,
	random: () => number = Math.random,
): RetryDecision {
	const kind = classifyFailure(failure);
	if (kind === 'dailyLimit') {
		return {
			retry: false,
			kind,
			reason: 'HubSpot daily API limit reached; it resets at midnight (account time zone)',
		};
	}
	if (kind === 'permanent')
		return { retry: false, kind, reason: `HTTP ${failure.status} is not retryable` };
	if (attempt >= settings.maxAttempts) {
		return { retry: false, kind, reason: `gave up after ${attempt} attempts` };
	}
	let delayMs = backoffMs(attempt, settings, random);
	if (kind === 'rateLimited') {
		if (failure.retryAfterMs !== undefined)
			delayMs = Math.min(settings.maxDelayMs, failure.retryAfterMs + Math.round(random() * 100));
		else if (failure.policyName === 'SECONDLY')
			delayMs = Math.max(delayMs, settings.secondlyDelayMs);
	}
	return { retry: true, delayMs, kind };
}
