// The metrics store: a table every process writes to (n8n Data Table `revops_metrics`, through n8n's own
// Data Table node). Each flush is one row (`kind` flush: a process's snapshot). One `totals` row holds the
// sum of every flush up to an id (`covers`); the reader adds the flushes after it. Folding more flushes into
// the totals is a compare-and-set on `covers`, so two scrapes folding at once cannot count a flush twice,
// and a flush row can be deleted once folded and past the dashboard's window.
import { specOf } from './catalogue';
import { mergeSeries, type SeriesValue } from './series';
import type { Snapshot } from './recorder';

export const METRICS_COLUMNS = [
	{ name: 'kind', type: 'string' },
	{ name: 'process', type: 'string' },
	{ name: 'at', type: 'number' },
	{ name: 'covers', type: 'number' },
	{ name: 'data', type: 'string' },
] as const;

/** A flush younger than this may still have rows with lower ids committing: it is not folded yet. */
export const SETTLE_MS = 60_000;

export interface Flush {
	id: number;
	process: string;
	from: number;
	at: number;
	series: SeriesValue[];
}

export interface Totals {
	/** The totals row's own id (absent: no totals row yet). */
	rowId?: number;
	covers: number;
	at: number;
	series: SeriesValue[];
}

export interface StoreView {
	totals: Totals;
	/** Flush rows readable from the store, in id order (folded ones included: they are history). */
	flushes: Flush[];
	/** Rows that could not be read (named, never silently skipped). */
	unreadable: Array<{ id: unknown; reason: string }>;
}

/** The row a flush writes. */
export function flushRow(snapshot: Snapshot): Record<string, string | number> {
	return {
		kind: 'flush',
		process: snapshot.process,
		at: snapshot.to,
		covers: 0,
		data: JSON.stringify({ from: snapshot.from, series: snapshot.series }),
	};
}

function idOf(row: Record<string, unknown>): number {
	const id = Number(row.id);
	return Number.isSafeInteger(id) && id > 0 ? id : NaN;
}

function parseSeries(data: unknown): { from?: number; series: SeriesValue[] } | string {
	if (typeof data !== 'string') return 'no data column';
	let parsed: unknown;
	try {
		parsed = JSON.parse(data);
	} catch {
		return 'data is not JSON';
	}
	const body = parsed as { from?: unknown; series?: unknown };
	if (!body || !Array.isArray(body.series)) return 'data has no series list';
	const series = body.series.filter(
		(s): s is SeriesValue =>
			!!s && typeof s === 'object' && typeof (s as SeriesValue).name === 'string',
	);
	return { from: typeof body.from === 'number' ? body.from : undefined, series };
}

/** Reads the rows the Data Table node returned (any order) into totals and flushes. */
export function readStore(rows: ReadonlyArray<Record<string, unknown>>): StoreView {
	const unreadable: StoreView['unreadable'] = [];
	const flushes: Flush[] = [];
	let totals: Totals = { covers: 0, at: 0, series: [] };
	for (const row of rows) {
		const id = idOf(row);
		const parsed = parseSeries(row.data);
		if (Number.isNaN(id)) {
			unreadable.push({ id: row.id, reason: 'no row id' });
			continue;
		}
		if (typeof parsed === 'string') {
			unreadable.push({ id: row.id, reason: parsed });
			continue;
		}
		const at = Number(row.at) || 0;
		if (row.kind === 'totals') {
			// Every totals row is the complete sum up to its `covers`: the one that covers most wins.
			const covers = Number(row.covers) || 0;
			if (covers > totals.covers || (covers === totals.covers && totals.rowId === undefined))
				totals = { rowId: id, covers, at, series: parsed.series };
		} else if (row.kind === 'flush') {
			flushes.push({
				id,
				process: String(row.process ?? ''),
				from: parsed.from ?? at,
				at,
				series: parsed.series,
			});
		} else unreadable.push({ id: row.id, reason: `unknown kind "${String(row.kind)}"` });
	}
	flushes.sort((a, b) => a.id - b.id);
	return { totals, flushes, unreadable };
}

/** Every series as of now: the totals plus the flushes after them. */
export function currentSeries(view: StoreView): SeriesValue[] {
	return mergeSeries([
		view.totals.series,
		...view.flushes.filter((flush) => flush.id > view.totals.covers).map((flush) => flush.series),
	]);
}

export interface FoldPlan {
	/** Update the totals row `rowId` only while its covers is still `expectCovers` (absent: insert one). */
	rowId?: number;
	expectCovers: number;
	row: { kind: 'totals'; process: string; at: number; covers: number; data: string };
	/** Flushes folded into these totals, by id range. */
	folded: number;
}

/** Folds the settled flushes after the totals into new totals; undefined when there is nothing to fold. */
export function planFold(view: StoreView, now: number, settleMs = SETTLE_MS): FoldPlan | undefined {
	const pending = view.flushes.filter((flush) => flush.id > view.totals.covers);
	const settled = pending.filter((flush) => flush.at <= now - settleMs);
	if (!settled.length) return undefined;
	const upTo = Math.max(...settled.map((flush) => flush.id));
	const folding = pending.filter((flush) => flush.id <= upTo);
	const series = mergeSeries([view.totals.series, ...folding.map((flush) => flush.series)]);
	return {
		rowId: view.totals.rowId,
		expectCovers: view.totals.covers,
		row: {
			kind: 'totals',
			process: 'totals',
			at: now,
			covers: upTo,
			data: JSON.stringify({ series }),
		},
		folded: folding.length,
	};
}

/**
 * A snapshot as a process sent it, checked before it is stored: what is wrong is named (a reader would
 * otherwise skip the row later, silently).
 */
export function readSnapshot(
	body: unknown,
): { ok: true; snapshot: Snapshot } | { ok: false; reason: string } {
	const b = body as Partial<Snapshot> | undefined;
	if (!b || typeof b !== 'object') return { ok: false, reason: 'expected a JSON object' };
	if (b.v !== 1)
		return { ok: false, reason: `unknown snapshot version ${JSON.stringify(b.v)} (expected 1)` };
	if (typeof b.process !== 'string' || !b.process)
		return { ok: false, reason: 'process is missing' };
	if (typeof b.from !== 'number' || typeof b.to !== 'number' || b.to < b.from)
		return { ok: false, reason: 'from and to must be times in ms, from ≤ to' };
	if (!Array.isArray(b.series)) return { ok: false, reason: 'series must be a list' };
	for (const [i, s] of b.series.entries()) {
		const spec = s && typeof s === 'object' ? specOf(String(s.name)) : undefined;
		if (!spec)
			return { ok: false, reason: `series[${i}]: unknown metric ${JSON.stringify(s?.name)}` };
		if (
			!s.labels ||
			typeof s.labels !== 'object' ||
			Object.values(s.labels).some((v) => typeof v !== 'string')
		)
			return { ok: false, reason: `series[${i}]: labels must be an object of strings` };
		if (!Number.isFinite(s.sum) || !Number.isFinite(s.count))
			return { ok: false, reason: `series[${i}]: sum and count must be numbers` };
		if (
			spec.type === 'histogram' &&
			(!Array.isArray(s.buckets) || s.buckets.length !== (spec.buckets?.length ?? 0) + 1)
		)
			return {
				ok: false,
				reason: `series[${i}]: ${s.name} needs ${(spec.buckets?.length ?? 0) + 1} bucket counts`,
			};
	}
	return { ok: true, snapshot: b as Snapshot };
}
