// One series' aggregate (a metric name with one set of label values) and how two aggregates of the
// same series add up: counters and histograms add, a gauge keeps the later value.
import { specOf, type MetricType } from './catalogue';

export type Labels = Record<string, string>;

export interface SeriesValue {
	name: string;
	labels: Labels;
	/** Counter: the increments added up; histogram: the observations' sum; gauge: the value. */
	sum: number;
	/** Histogram: observations (counters: increments seen; gauges: sets). */
	count: number;
	/** Histogram: observations per bucket of the catalogue's bounds, the last one +Inf; not cumulative. */
	buckets?: number[];
	/** Gauge: when its value was set (ms), so the later one wins whatever order snapshots arrive in. */
	at?: number;
}

/** Same name and labels → same key, whatever order the labels were given in. */
export function seriesKey(name: string, labels: Labels): string {
	const parts = Object.keys(labels)
		.sort()
		.map((key) => `${key}=${JSON.stringify(labels[key])}`);
	return `${name}{${parts.join(',')}}`;
}

export function typeOf(name: string): MetricType {
	const spec = specOf(name);
	if (!spec) throw new Error(`Unknown metric "${name}"`);
	return spec.type;
}

export function emptySeries(name: string, labels: Labels): SeriesValue {
	const spec = specOf(name);
	if (!spec) throw new Error(`Unknown metric "${name}"`);
	const series: SeriesValue = { name, labels: { ...labels }, sum: 0, count: 0 };
	if (spec.type === 'histogram')
		series.buckets = new Array((spec.buckets ?? []).length + 1).fill(0);
	return series;
}

/** The index of the bucket a value falls in: the first bound ≥ value, else +Inf (the last). */
export function bucketIndex(bounds: readonly number[], value: number): number {
	const index = bounds.findIndex((bound) => value <= bound);
	return index === -1 ? bounds.length : index;
}

/** Adds `more` into `into` (same series). */
export function addInto(into: SeriesValue, more: SeriesValue): void {
	if (typeOf(into.name) === 'gauge') {
		if ((more.at ?? 0) >= (into.at ?? 0)) {
			into.sum = more.sum;
			into.at = more.at;
		}
		into.count += more.count;
		return;
	}
	into.sum += more.sum;
	into.count += more.count;
	if (into.buckets && more.buckets)
		more.buckets.forEach((n, i) => (into.buckets![i] = (into.buckets![i] ?? 0) + n));
}

/** Folds many aggregates into one per series (inputs untouched). */
export function mergeSeries(lists: Iterable<readonly SeriesValue[]>): SeriesValue[] {
	const byKey = new Map<string, SeriesValue>();
	for (const list of lists)
		for (const series of list) {
			const key = seriesKey(series.name, series.labels);
			const into = byKey.get(key);
			if (into) addInto(into, series);
			else
				byKey.set(key, {
					...series,
					labels: { ...series.labels },
					buckets: series.buckets ? [...series.buckets] : undefined,
				});
		}
	return [...byKey.values()];
}
