// The one retry policy of the package's transports (HubSpot, Clay): wait for the planner's budget,
// send, count the call from its answer, retry what decideRetry says is worth retrying after its
// delay, and stop at once while a circuit breaker is open. The transport supplies how to send and
// how to read an answer; the waiting is injected (n8n's `sleep` in nodes), so this stays pure.
import type { CircuitBreaker } from './breaker';
import {
	decideRetry,
	type FailedAttempt,
	type FailureKind,
	type RetryDecision,
	type RetrySettings,
} from './retry';
import type { CallKind, ThrottlePlanner } from './throttle';

/** Sees each call as it happens (metrics); every method is cheap and never throws into the call. */
export interface CallMeter {
	/** Time spent waiting for rate-limit budget before a send. */
	waited(ms: number, kind: CallKind): void;
	/** One answer: its latency and status (the HTTP code, or a network error code). */
	answered(latencyMs: number, status: string, kind: CallKind): void;
	retried(failureKind: FailureKind): void;
	/** A call not sent because the breaker was open (`open` false: a call went through again). */
	circuit(open: boolean): void;
}

export interface PacedCall<A> {
	planner: ThrottlePlanner;
	retry: RetrySettings;
	/** Sends once; a network failure is an answer too (the transport decides how it looks). */
	send: () => Promise<A>;
	/** What failed about this answer, or undefined for a success. */
	failureOf: (answer: A, now: number) => FailedAttempt | undefined;
	sleep: (ms: number) => Promise<void>;
	kind?: CallKind;
	/** Once open it refuses calls; only transient failures (5xx, network) count against it. */
	breaker?: CircuitBreaker;
	/** Every answer as it arrives (e.g. to learn the budget from rate-limit headers). */
	onAnswer?: (answer: A, now: number) => void;
	/** Before each retry's wait. */
	onRetry?: (failure: FailedAttempt, decision: RetryDecision & { retry: true }) => void;
	now?: () => number;
	meter?: CallMeter;
	/** The status a meter records for a successful answer (e.g. its HTTP code); failures use theirs. */
	statusOf?: (answer: A) => string;
}

function statusLabel(failure: FailedAttempt | undefined, success: () => string): string {
	if (!failure) return success();
	return String(failure.status ?? failure.networkCode ?? 'NETWORK_ERROR');
}

export type PacedOutcome<A> =
	| { ok: true; answer: A; attempts: number }
	| { ok: false; answer: A; attempts: number; failure: FailedAttempt; reason: string }
	| { ok: false; circuitOpen: true; attempts: number };

export async function pacedRequest<A>(call: PacedCall<A>): Promise<PacedOutcome<A>> {
	const now = call.now ?? Date.now;
	const kind = call.kind ?? 'standard';
	for (let attempt = 1; ; attempt++) {
		if (call.breaker && !call.breaker.allows(now())) {
			call.meter?.circuit(true);
			return { ok: false, circuitOpen: true, attempts: attempt - 1 };
		}
		const wait = call.planner.delayFor(kind, now());
		if (wait > 0) {
			call.meter?.waited(wait, kind);
			await call.sleep(wait);
		}
		const sentAt = now();
		call.planner.record(kind, sentAt);

		const answer = await call.send();
		const answeredAt = now();
		// Counted from the answer: the service counted the call somewhere between send and answer.
		call.planner.answered(kind, sentAt, answeredAt);
		call.onAnswer?.(answer, answeredAt);
		const failure = call.failureOf(answer, answeredAt);
		if (call.meter) {
			call.meter.answered(
				answeredAt - sentAt,
				statusLabel(failure, () => call.statusOf?.(answer) ?? '200'),
				kind,
			);
			if (call.breaker) call.meter.circuit(false);
		}
		if (!failure) {
			call.breaker?.onSuccess();
			return { ok: true, answer, attempts: attempt };
		}

		const decision = decideRetry(failure, attempt, call.retry);
		// Only an unhealthy service trips the breaker; a 4xx or a 429 is a healthy answer.
		if (decision.kind === 'transient') call.breaker?.onFailure(now());
		else call.breaker?.onSuccess();
		if (!decision.retry)
			return { ok: false, answer, attempts: attempt, failure, reason: decision.reason };
		call.onRetry?.(failure, decision);
		call.meter?.retried(decision.kind);
		await call.sleep(decision.delayMs);
	}
}
