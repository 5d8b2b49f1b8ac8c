// Template 07's alerts: the dashboard's figures over the last window against thresholds the user sets,
// each alert saying what crossed which line and what to do about it.
import type { Summary } from './summary';

export interface Thresholds {
	/** 5xx and network failures per call, percent. */
	errorRatePercent: number;
	p95Seconds: number;
	/** The oldest row a drain found pending, seconds. */
	backlogAgeSeconds: number;
	/** 429 answers per call, percent. */
	rateLimitedPercent: number;
	/** Below this many calls in the window a rate says little: no rate alert. */
	minCalls: number;
}

export const DEFAULT_THRESHOLDS: Thresholds = {
	errorRatePercent: 5,
	p95Seconds: 2,
	backlogAgeSeconds: 600,
	rateLimitedPercent: 2,
	minCalls: 20,
};

export interface Alert {
	/** Stable per subject and kind, to dedupe repeats (e.g. one alert per key and hour). */
	key: string;
	kind: 'error_rate' | 'p95_latency' | 'backlog_age' | 'rate_limited';
	subject: string;
	value: number;
	threshold: number;
	text: string;
	action: string;
}

const pct = (ratio: number) => `${(ratio * 100).toFixed(1)} %`;
const secs = (seconds: number) => `${seconds.toFixed(seconds < 10 ? 2 : 0)} s`;

export function checkThresholds(summary: Summary, t: Thresholds): Alert[] {
	const alerts: Alert[] = [];
	const minutes = Math.round((summary.to - summary.from) / 60_000);
	for (const s of summary.systems) {
		if (s.calls >= t.minCalls && s.errorRate * 100 > t.errorRatePercent)
			alerts.push({
				key: `error_rate:${s.system}`,
				kind: 'error_rate',
				subject: s.system,
				value: s.errorRate * 100,
				threshold: t.errorRatePercent,
				text: `${s.system}: ${pct(s.errorRate)} of ${s.calls} calls failed (5xx or network) in the last ${minutes} min (threshold ${t.errorRatePercent} %)`,
				action: `Check ${s.system}'s status page and the failed executions; rows stay queued and are retried, nothing to re-send yet`,
			});
		if (s.calls >= t.minCalls && s.rateLimitedRate * 100 > t.rateLimitedPercent)
			alerts.push({
				key: `rate_limited:${s.system}`,
				kind: 'rate_limited',
				subject: s.system,
				value: s.rateLimitedRate * 100,
				threshold: t.rateLimitedPercent,
				text: `${s.system}: ${s.rateLimited} of ${s.calls} calls answered 429 in the last ${minutes} min (${pct(s.rateLimitedRate)}, threshold ${t.rateLimitedPercent} %)`,
				action: `Another app or workflow spends the same ${s.system} budget: lower the nodes' rate limit setting (Max Requests per Window / Reserve) or move that work off-peak`,
			});
		if (s.p95 !== undefined && s.calls >= t.minCalls && s.p95 > t.p95Seconds)
			alerts.push({
				key: `p95_latency:${s.system}`,
				kind: 'p95_latency',
				subject: s.system,
				value: s.p95,
				threshold: t.p95Seconds,
				text: `${s.system}: p95 latency ${secs(s.p95)} over ${s.calls} calls in the last ${minutes} min (threshold ${t.p95Seconds} s)`,
				action: `${s.system} is slowing down: drains take longer and the backlog may grow; if it lasts, lower the batch size or the drain interval`,
			});
	}
	for (const q of summary.queues)
		if (q.oldestPendingSeconds !== undefined && q.oldestPendingSeconds > t.backlogAgeSeconds)
			alerts.push({
				key: `backlog_age:${q.pipeline}`,
				kind: 'backlog_age',
				subject: q.pipeline,
				value: q.oldestPendingSeconds,
				threshold: t.backlogAgeSeconds,
				text: `${q.pipeline}: the oldest pending row waited ${secs(q.oldestPendingSeconds)} (threshold ${t.backlogAgeSeconds} s), backlog ${q.backlog} rows`,
				action: `Check that the drain workflow is active and its executions succeed; raise its batch size or run it more often if rows arrive faster than it drains`,
			});
	return alerts;
}
