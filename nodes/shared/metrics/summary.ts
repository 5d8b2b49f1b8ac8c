// Figures a person reads (dashboard) and alerts test (template 07), computed from the flushes of a time
// window: per system calls, 429s, errors, latency p50/p95/p99; per webhook trigger accepted and refused;
// per pipeline rows, backlog and the oldest pending row's age; and a timeline in equal buckets.
import { METRICS } from './catalogue';
import { histogramQuantile } from './quantile';
import { mergeSeries, type SeriesValue } from './series';
import { backlogSeries } from './exposition';
import type { Flush } from './store';

const LATENCY_BOUNDS = METRICS.revops_api_request_duration_seconds.buckets;

export interface SystemFigures {
	system: string;
	calls: number;
	/** 5xx answers and network failures: the service was not well. */
	errors: number;
	/** 429 answers. */
	rateLimited: number;
	/** Other 4xx: a record or request the service refused. */
	refused: number;
	retries: number;
	budgetWaitSeconds: number;
	circuitRefused: number;
	p50?: number;
	p95?: number;
	p99?: number;
	errorRate: number;
	rateLimitedRate: number;
}

export interface WebhookFigures {
	trigger: string;
	workflow: string;
	accepted: number;
	refused: number;
	/** Refused requests per answered status and reason, e.g. {"401 signature": 3, "422 invalid_fields": 1}. */
	refusedByStatus: Record<string, number>;
	successRate: number;
}

export interface QueueFigures {
	pipeline: string;
	stored: number;
	done: number;
	retried: number;
	dead: number;
	/** Pending rows now (from all counters, not just this window). */
	backlog: number;
	oldestPendingSeconds?: number;
	lagP95?: number;
}

export interface TimelinePoint {
	at: number;
	calls: number;
	errors: number;
	rateLimited: number;
	p95?: number;
	accepted: number;
	refused: number;
	done: number;
}

export interface Summary {
	from: number;
	to: number;
	systems: SystemFigures[];
	webhooks: WebhookFigures[];
	queues: QueueFigures[];
	slack: { ok: number; failed: number };
	timeline: TimelinePoint[];
}

const sum = (
	series: readonly SeriesValue[],
	name: string,
	match: (s: SeriesValue) => boolean = () => true,
) => series.filter((s) => s.name === name && match(s)).reduce((total, s) => total + s.sum, 0);

function latency(series: readonly SeriesValue[], match: (s: SeriesValue) => boolean): number[] {
	const buckets = new Array(LATENCY_BOUNDS.length + 1).fill(0);
	for (const s of series)
		if (s.name === 'revops_api_request_duration_seconds' && match(s))
			s.buckets?.forEach((n, i) => (buckets[i] += n));
	return buckets;
}

function statusClass(status: string): 'ok' | 'rateLimited' | 'refused' | 'error' {
	if (/^2\d\d$/.test(status)) return 'ok';
	if (status === '429') return 'rateLimited';
	if (/^4\d\d$/.test(status)) return 'refused';
	return 'error';
}

function systemsOf(series: readonly SeriesValue[]): SystemFigures[] {
	const names = new Set(
		series.filter((s) => s.name.startsWith('revops_api_')).map((s) => s.labels.system ?? ''),
	);
	return [...names].sort().map((system) => {
		const of = (s: SeriesValue) => s.labels.system === system;
		const byClass = (cls: string) =>
			sum(
				series,
				'revops_api_requests_total',
				(s) => of(s) && statusClass(s.labels.status ?? '') === cls,
			);
		const calls = sum(series, 'revops_api_requests_total', of);
		const buckets = latency(series, of);
		const figures: SystemFigures = {
			system,
			calls,
			errors: byClass('error'),
			rateLimited: byClass('rateLimited'),
			refused: byClass('refused'),
			retries: sum(series, 'revops_api_retries_total', of),
			budgetWaitSeconds: sum(series, 'revops_api_budget_wait_seconds_total', of),
			circuitRefused: sum(series, 'revops_api_circuit_refused_total', of),
			p50: histogramQuantile(0.5, LATENCY_BOUNDS, buckets),
			p95: histogramQuantile(0.95, LATENCY_BOUNDS, buckets),
			p99: histogramQuantile(0.99, LATENCY_BOUNDS, buckets),
			errorRate: 0,
			rateLimitedRate: 0,
		};
		figures.errorRate = calls ? figures.errors / calls : 0;
		figures.rateLimitedRate = calls ? figures.rateLimited / calls : 0;
		return figures;
	});
}

function webhooksOf(series: readonly SeriesValue[]): WebhookFigures[] {
	const byKey = new Map<string, WebhookFigures>();
	for (const s of series) {
		if (s.name !== 'revops_webhook_requests_total') continue;
		const trigger = s.labels.trigger ?? '';
		const workflow = s.labels.workflow ?? '';
		const key = `${trigger}\u0000${workflow}`;
		const figures = byKey.get(key) ?? {
			trigger,
			workflow,
			accepted: 0,
			refused: 0,
			refusedByStatus: {},
			successRate: 1,
		};
		if (s.labels.outcome === 'accepted') figures.accepted += s.sum;
		else {
			figures.refused += s.sum;
			const status = [s.labels.status || '?', s.labels.reason].filter(Boolean).join(' ');
			figures.refusedByStatus[status] = (figures.refusedByStatus[status] ?? 0) + s.sum;
		}
		byKey.set(key, figures);
	}
	return [...byKey.values()].map((figures) => {
		const total = figures.accepted + figures.refused;
		return { ...figures, successRate: total ? figures.accepted / total : 1 };
	});
}

function queuesOf(window: readonly SeriesValue[], allTime: readonly SeriesValue[]): QueueFigures[] {
	const pipelines = new Set(
		[...window, ...allTime]
			.filter((s) => s.name.startsWith('revops_queue_'))
			.map((s) => s.labels.pipeline ?? ''),
	);
	const backlog = backlogSeries(allTime);
	return [...pipelines].sort().map((pipeline) => {
		const of = (s: SeriesValue) => s.labels.pipeline === pipeline;
		const rows = (outcome: string) =>
			sum(window, 'revops_queue_rows_total', (s) => of(s) && s.labels.outcome === outcome);
		const oldest = allTime.find(
			(s) => s.name === 'revops_queue_oldest_pending_age_seconds' && of(s),
		);
		const lag = window.filter((s) => s.name === 'revops_queue_row_latency_seconds' && of(s));
		const lagBuckets = new Array(METRICS.revops_queue_row_latency_seconds.buckets.length + 1).fill(
			0,
		);
		lag.forEach((s) => s.buckets?.forEach((n, i) => (lagBuckets[i] += n)));
		const pending = backlog.find(of)?.sum ?? 0;
		return {
			pipeline,
			stored: rows('stored'),
			done: rows('done'),
			retried: rows('retried'),
			dead: rows('dead'),
			backlog: pending,
			// The age the last drain saw; with nothing pending since, nothing is waiting.
			oldestPendingSeconds: pending > 0 ? oldest?.sum : undefined,
			lagP95: histogramQuantile(0.95, METRICS.revops_queue_row_latency_seconds.buckets, lagBuckets),
		};
	});
}

/**
 * Figures for the flushes that ended inside [from, to]. `allTime` (totals plus every flush) gives what is a
 * state rather than a rate: the backlog and the last oldest-pending age.
 */
export function summarize(
	flushes: readonly Flush[],
	allTime: readonly SeriesValue[],
	from: number,
	to: number,
	points = 60,
): Summary {
	const inWindow = flushes.filter((flush) => flush.at > from && flush.at <= to);
	const series = mergeSeries(inWindow.map((flush) => flush.series));
	const step = (to - from) / points;
	const timeline: TimelinePoint[] = [];
	for (let i = 0; i < points; i++) {
		const start = from + i * step;
		const end = start + step;
		const bucket = mergeSeries(
			inWindow.filter((flush) => flush.at > start && flush.at <= end).map((flush) => flush.series),
		);
		const systems = systemsOf(bucket);
		const webhooks = webhooksOf(bucket);
		timeline.push({
			at: end,
			calls: systems.reduce((n, s) => n + s.calls, 0),
			errors: systems.reduce((n, s) => n + s.errors, 0),
			rateLimited: systems.reduce((n, s) => n + s.rateLimited, 0),
			p95: histogramQuantile(
				0.95,
				LATENCY_BOUNDS,
				latency(bucket, () => true),
			),
			accepted: webhooks.reduce((n, w) => n + w.accepted, 0),
			refused: webhooks.reduce((n, w) => n + w.refused, 0),
			done: sum(bucket, 'revops_queue_rows_total', (s) => s.labels.outcome === 'done'),
		});
	}
	const slack = (ok: boolean) =>
		sum(series, 'revops_slack_messages_total', (s) => (s.labels.outcome === 'ok') === ok);
	return {
		from,
		to,
		systems: systemsOf(series),
		webhooks: webhooksOf(series),
		queues: queuesOf(series, allTime),
		slack: { ok: slack(true), failed: slack(false) },
		timeline,
	};
}
