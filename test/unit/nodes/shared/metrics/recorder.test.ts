import { MetricsRecorder } from '../../../../../nodes/shared/metrics/recorder';
import { seriesKey } from '../../../../../nodes/shared/metrics/series';

const byKey = (series: Array<{ name: string; labels: Record<string, string> }>) =>
	Object.fromEntries(series.map((s) => [seriesKey(s.name, s.labels), s]));

describe('MetricsRecorder', () => {
	it('aggregates in memory: one series per name and labels, whatever the label order', () => {
		const r = new MetricsRecorder('p1', 1000);
		r.count('revops_api_requests_total', { system: 'hubspot', status: '200', kind: 'standard' });
		r.count('revops_api_requests_total', { kind: 'standard', status: '200', system: 'hubspot' });
		r.count('revops_api_requests_total', { system: 'hubspot', status: '429', kind: 'standard' });
		r.count('revops_api_budget_wait_seconds_total', { system: 'hubspot' }, 0.25);
		const snap = r.take(2000)!;
		expect(snap).toMatchObject({ v: 1, process: 'p1', from: 1000, to: 2000 });
		const s = byKey(snap.series);
		expect(
			s['revops_api_requests_total{kind="standard",status="200",system="hubspot"}'],
		).toMatchObject({ sum: 2 });
		expect(
			s['revops_api_requests_total{kind="standard",status="429",system="hubspot"}'],
		).toMatchObject({ sum: 1 });
		expect(s['revops_api_budget_wait_seconds_total{system="hubspot"}']).toMatchObject({
			sum: 0.25,
		});
	});

	it('puts observations in the catalogue’s buckets (le: the first bound at or above), +Inf last', () => {
		const r = new MetricsRecorder('p', 0);
		for (const v of [0.01, 0.025, 0.03, 1, 31])
			r.observe('revops_api_request_duration_seconds', { system: 'x' }, v);
		const [s] = r.take(1)!.series;
		// bounds 0.025 0.05 0.1 0.25 0.5 1 2.5 5 10 30 | +Inf
		expect(s.buckets).toEqual([2, 1, 0, 0, 0, 1, 0, 0, 0, 0, 1]);
		expect(s.count).toBe(5);
		expect(s.sum).toBeCloseTo(32.065);
	});

	it('keeps the latest gauge value', () => {
		const r = new MetricsRecorder('p', 0);
		r.gauge('revops_queue_oldest_pending_age_seconds', { pipeline: 'a' }, 50, 20);
		r.gauge('revops_queue_oldest_pending_age_seconds', { pipeline: 'a' }, 70, 10);
		expect(r.take(30)!.series[0]).toMatchObject({ sum: 50, at: 20 });
	});

	it('is due only when it holds something and the interval has passed; take starts afresh', () => {
		const r = new MetricsRecorder('p', 0);
		expect(r.due(100_000, 0)).toBe(false);
		r.count('revops_api_retries_total', { system: 'clay', reason: 'transient' });
		expect(r.due(5_000, 10_000)).toBe(false);
		expect(r.due(10_000, 10_000)).toBe(true);
		r.take(10_000);
		expect(r.take(11_000)).toBeUndefined();
		expect(r.due(30_000, 10_000)).toBe(false);
	});

	it('a snapshot whose write failed comes back and is added to what came since', () => {
		const r = new MetricsRecorder('p', 0);
		r.count('revops_api_retries_total', { system: 'clay', reason: 'transient' }, 2);
		const failed = r.take(10)!;
		r.count('revops_api_retries_total', { system: 'clay', reason: 'transient' }, 3);
		r.restore(failed);
		const next = r.take(20)!;
		expect(next.from).toBe(0);
		expect(next.series).toEqual([expect.objectContaining({ sum: 5, count: 2 })]);
	});

	it('ignores non-finite values and non-positive increments; refuses an unknown metric', () => {
		const r = new MetricsRecorder('p', 0);
		r.observe('revops_api_request_duration_seconds', { system: 'x' }, NaN);
		r.count('revops_api_retries_total', { system: 'x' }, 0);
		expect(r.empty).toBe(true);
		expect(() => r.count('revops_nope' as never, {})).toThrow('Unknown metric "revops_nope"');
	});
});
