// Series → the Prometheus text exposition format 0.0.4: HELP and TYPE once per metric, histogram buckets
// cumulative with `le` (+Inf last), then `_sum` and `_count`. Derived series (a queue's backlog) are
// computed here from the counters they come from.
import { METRICS, specOf, type MetricSpec } from './catalogue';
import type { Labels, SeriesValue } from './series';

export const CONTENT_TYPE = 'text/plain; version=0.0.4; charset=utf-8';

const DERIVED: Record<string, MetricSpec> = {
	revops_queue_backlog: {
		type: 'gauge',
		help: 'Rows stored and not yet done or dead, per pipeline (from revops_queue_rows_total)',
	},
};

function escapeLabel(value: string): string {
	return value.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/"/g, '\\"');
}

function formatLabels(labels: Labels, extra?: [string, string]): string {
	const pairs = Object.keys(labels)
		.sort()
		.map((key) => `${key}="${escapeLabel(labels[key])}"`);
	if (extra) pairs.push(`${extra[0]}="${escapeLabel(extra[1])}"`);
	return pairs.length ? `{${pairs.join(',')}}` : '';
}

function formatNumber(value: number): string {
	if (value === Infinity) return '+Inf';
	if (Number.isNaN(value)) return 'NaN';
	return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(12)));
}

/**
 * Stored − done − dead per pipeline, never below 0. A dead letter replayed through template 04 and then done
 * counts as done twice: the backlog reads low by the rows replayed (the replay knows no pipeline).
 */
export function backlogSeries(series: readonly SeriesValue[]): SeriesValue[] {
	const backlog = new Map<string, number>();
	for (const s of series) {
		if (s.name !== 'revops_queue_rows_total') continue;
		const pipeline = s.labels.pipeline ?? '';
		const sign = { stored: 1, done: -1, dead: -1 }[s.labels.outcome ?? ''] ?? 0;
		backlog.set(pipeline, (backlog.get(pipeline) ?? 0) + sign * s.sum);
	}
	return [...backlog].map(([pipeline, value]) => ({
		name: 'revops_queue_backlog',
		labels: { pipeline },
		sum: Math.max(0, value),
		count: 1,
	}));
}

export function exposition(series: readonly SeriesValue[]): string {
	const all = [...series, ...backlogSeries(series)];
	const names = [...new Set(all.map((s) => s.name))].sort();
	const lines: string[] = [];
	for (const name of names) {
		const spec = specOf(name) ?? DERIVED[name];
		if (!spec) continue;
		lines.push(`# HELP ${name} ${spec.help.replace(/\\/g, '\\\\').replace(/\n/g, '\\n')}`);
		lines.push(`# TYPE ${name} ${spec.type}`);
		const ofName = all
			.filter((s) => s.name === name)
			.sort((a, b) => formatLabels(a.labels).localeCompare(formatLabels(b.labels)));
		for (const s of ofName) {
			if (spec.type !== 'histogram') {
				lines.push(`${name}${formatLabels(s.labels)} ${formatNumber(s.sum)}`);
				continue;
			}
			const bounds = spec.buckets ?? [];
			let cumulative = 0;
			bounds.forEach((bound, i) => {
				cumulative += s.buckets?.[i] ?? 0;
				lines.push(
					`${name}_bucket${formatLabels(s.labels, ['le', formatNumber(bound)])} ${cumulative}`,
				);
			});
			lines.push(`${name}_bucket${formatLabels(s.labels, ['le', '+Inf'])} ${s.count}`);
			lines.push(`${name}_sum${formatLabels(s.labels)} ${formatNumber(s.sum)}`);
			lines.push(`${name}_count${formatLabels(s.labels)} ${s.count}`);
		}
	}
	return lines.join('\n') + '\n';
}

/** The metric names this package exposes (for docs and tests). */
export const EXPOSED = [...Object.keys(METRICS), ...Object.keys(DERIVED)].sort();
