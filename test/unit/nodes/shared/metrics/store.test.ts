import { MetricsRecorder } from '../../../../../nodes/shared/metrics/recorder';
import {
	currentSeries,
	flushRow,
	planFold,
	readSnapshot,
	readStore,
	SETTLE_MS,
} from '../../../../../nodes/shared/metrics/store';

/** Rows as the Data Table node returns them: the stored columns plus an id. */
function flush(id: number, at: number, calls: number, process = 'p1') {
	const r = new MetricsRecorder(process, at - 1000);
	r.count(
		'revops_api_requests_total',
		{ system: 'hubspot', status: '200', kind: 'standard' },
		calls,
	);
	return { id, ...flushRow(r.take(at)!) };
}
const total = (rows: Array<Record<string, unknown>>) =>
	currentSeries(readStore(rows)).find((s) => s.name === 'revops_api_requests_total')?.sum ?? 0;

describe('metrics store', () => {
	it('with no totals row, every flush counts', () => {
		expect(total([flush(1, 10_000, 3), flush(2, 11_000, 4)])).toBe(7);
	});

	it('folds settled flushes into a totals row by compare-and-set, and counts none twice after', () => {
		const now = 1_000_000;
		const rows: Array<Record<string, unknown>> = [
			flush(1, now - SETTLE_MS - 5000, 3),
			flush(2, now - SETTLE_MS - 1000, 4, 'p2'),
			flush(3, now - 1000, 5),
		];
		const plan = planFold(readStore(rows), now)!;
		expect(plan).toMatchObject({ expectCovers: 0, folded: 2, row: { kind: 'totals', covers: 2 } });
		expect(plan.rowId).toBeUndefined();
		rows.push({ id: 4, ...plan.row });
		// Flushes 1 and 2 are now inside the totals; 3 still counts on its own: the sum is unchanged.
		expect(total(rows)).toBe(12);
		const view = readStore(rows);
		expect(view.totals).toMatchObject({ rowId: 4, covers: 2 });
		// Nothing settled after the totals: nothing to fold.
		expect(planFold(view, now)).toBeUndefined();
		// Later, flush 3 settles: the update names the row and the covers it expects.
		expect(planFold(view, now + SETTLE_MS)).toMatchObject({
			rowId: 4,
			expectCovers: 2,
			row: { covers: 3 },
			folded: 1,
		});
	});

	it('of two totals rows (two first folds at once) the one covering most wins', () => {
		const rows: Array<Record<string, unknown>> = [flush(1, 1000, 3), flush(2, 2000, 4)];
		const first = planFold(readStore([rows[0]]), 1000 + SETTLE_MS)!;
		const second = planFold(readStore(rows), 2000 + SETTLE_MS)!;
		rows.push({ id: 3, ...first.row }, { id: 4, ...second.row });
		expect(readStore(rows).totals).toMatchObject({ rowId: 4, covers: 2 });
		expect(total(rows)).toBe(7);
	});

	it('folds a flush committed late with a lower id than a settled one (ids, not times, decide)', () => {
		const now = 500_000;
		const rows = [flush(1, now - 1000, 2), flush(2, now - SETTLE_MS - 1, 3)];
		expect(planFold(readStore(rows), now)).toMatchObject({ row: { covers: 2 }, folded: 2 });
	});

	it('names rows it cannot read instead of skipping them silently', () => {
		const view = readStore([
			{ id: 1, kind: 'flush', data: 'not json' },
			{ id: 2, kind: 'other', data: '{"series":[]}' },
			{ kind: 'flush', data: '{"series":[]}' },
		]);
		expect(view.unreadable).toEqual([
			{ id: 1, reason: 'data is not JSON' },
			{ id: 2, reason: 'unknown kind "other"' },
			{ id: undefined, reason: 'no row id' },
		]);
	});

	it('checks a snapshot before it is stored, naming what is wrong', () => {
		const good = { v: 1, process: 'p', from: 0, to: 1, series: [] };
		expect(readSnapshot(good)).toEqual({ ok: true, snapshot: good });
		const reason = (body: unknown) => {
			const read = readSnapshot(body);
			return read.ok ? 'ok' : read.reason;
		};
		expect(reason('x')).toBe('expected a JSON object');
		expect(reason({ ...good, v: 2 })).toBe('unknown snapshot version 2 (expected 1)');
		expect(reason({ ...good, process: '' })).toBe('process is missing');
		expect(reason({ ...good, from: 5 })).toBe('from and to must be times in ms, from ≤ to');
		expect(reason({ ...good, series: [{ name: 'x', labels: {}, sum: 1, count: 1 }] })).toBe(
			'series[0]: unknown metric "x"',
		);
		expect(
			reason({
				...good,
				series: [{ name: 'revops_api_retries_total', labels: { a: 1 }, sum: 1, count: 1 }],
			}),
		).toBe('series[0]: labels must be an object of strings');
		expect(
			reason({
				...good,
				series: [
					{
						name: 'revops_api_request_duration_seconds',
						labels: {},
						sum: 1,
						count: 1,
						buckets: [1],
					},
				],
			}),
		).toBe('series[0]: revops_api_request_duration_seconds needs 11 bucket counts');
	});
});
