// What one process has measured since its last flush, aggregated per series: a call adds to a counter
// or a histogram bucket in memory, and only a flush (one write for everything) leaves the process.
import { specOf, type MetricName } from './catalogue';
import {
	bucketIndex,
	emptySeries,
	mergeSeries,
	seriesKey,
	type Labels,
	type SeriesValue,
} from './series';

/** What a process sends to the store: its aggregates over [from, to]. */
export interface Snapshot {
	v: 1;
	/** The sending process (one id per n8n process start), so a reader can tell processes apart. */
	process: string;
	from: number;
	to: number;
	series: SeriesValue[];
}

export class MetricsRecorder {
	private series = new Map<string, SeriesValue>();
	private since: number;
	private lastFlush: number;

	constructor(
		private readonly process: string,
		now: number,
	) {
		this.since = now;
		this.lastFlush = now;
	}

	count(name: MetricName, labels: Labels, by = 1): void {
		if (!(by > 0)) return;
		const series = this.at(name, labels);
		series.sum += by;
		series.count += 1;
	}

	observe(name: MetricName, labels: Labels, value: number): void {
		if (!Number.isFinite(value)) return;
		const series = this.at(name, labels);
		series.sum += value;
		series.count += 1;
		series.buckets![bucketIndex(specOf(name)!.buckets ?? [], value)] += 1;
	}

	gauge(name: MetricName, labels: Labels, value: number, now: number): void {
		if (!Number.isFinite(value)) return;
		const series = this.at(name, labels);
		if (now >= (series.at ?? 0)) {
			series.sum = value;
			series.at = now;
		}
		series.count += 1;
	}

	get empty(): boolean {
		return this.series.size === 0;
	}

	/** A flush is due once `intervalMs` has passed since the last one (0: every time). */
	due(now: number, intervalMs: number): boolean {
		return !this.empty && now - this.lastFlush >= intervalMs;
	}

	/** Everything measured since the last take, and a fresh start. */
	take(now: number): Snapshot | undefined {
		this.lastFlush = now;
		if (this.empty) return undefined;
		const snapshot: Snapshot = {
			v: 1,
			process: this.process,
			from: this.since,
			to: now,
			series: [...this.series.values()],
		};
		this.series = new Map();
		this.since = now;
		return snapshot;
	}

	/** A snapshot whose write failed comes back, so the next flush carries it: nothing is dropped. */
	restore(snapshot: Snapshot): void {
		const merged = mergeSeries([snapshot.series, [...this.series.values()]]);
		this.series = new Map(merged.map((s) => [seriesKey(s.name, s.labels), s]));
		this.since = Math.min(this.since, snapshot.from);
	}

	private at(name: MetricName, labels: Labels): SeriesValue {
		const key = seriesKey(name, labels);
		let series = this.series.get(key);
		if (!series) {
			series = emptySeries(name, labels);
			this.series.set(key, series);
		}
		return series;
	}
}
