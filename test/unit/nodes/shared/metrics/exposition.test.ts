import { MetricsRecorder } from '../../../../../nodes/shared/metrics/recorder';
import { exposition, EXPOSED } from '../../../../../nodes/shared/metrics/exposition';
import { histogramQuantile } from '../../../../../nodes/shared/metrics/quantile';

describe('Prometheus text exposition', () => {
	it('writes HELP and TYPE once, counters, cumulative histogram buckets with +Inf, _sum and _count', () => {
		const r = new MetricsRecorder('p', 0);
		r.count('revops_api_requests_total', { system: 'hubspot', status: '200', kind: 'standard' }, 3);
		r.count('revops_api_requests_total', { system: 'hubspot', status: '429', kind: 'standard' });
		for (const v of [0.02, 0.2, 40])
			r.observe('revops_api_request_duration_seconds', { system: 'clay', kind: 'standard' }, v);
		const text = exposition(r.take(1)!.series);
		expect(text).toBe(
			[
				'# HELP revops_api_request_duration_seconds Time from sending a call to its answer, per system and call kind (retries are separate calls)',
				'# TYPE revops_api_request_duration_seconds histogram',
				'revops_api_request_duration_seconds_bucket{kind="standard",system="clay",le="0.025"} 1',
				'revops_api_request_duration_seconds_bucket{kind="standard",system="clay",le="0.05"} 1',
				'revops_api_request_duration_seconds_bucket{kind="standard",system="clay",le="0.1"} 1',
				'revops_api_request_duration_seconds_bucket{kind="standard",system="clay",le="0.25"} 2',
				'revops_api_request_duration_seconds_bucket{kind="standard",system="clay",le="0.5"} 2',
				'revops_api_request_duration_seconds_bucket{kind="standard",system="clay",le="1"} 2',
				'revops_api_request_duration_seconds_bucket{kind="standard",system="clay",le="2.5"} 2',
				'revops_api_request_duration_seconds_bucket{kind="standard",system="clay",le="5"} 2',
				'revops_api_request_duration_seconds_bucket{kind="standard",system="clay",le="10"} 2',
				'revops_api_request_duration_seconds_bucket{kind="standard",system="clay",le="30"} 2',
				'revops_api_request_duration_seconds_bucket{kind="standard",system="clay",le="+Inf"} 3',
				'revops_api_request_duration_seconds_sum{kind="standard",system="clay"} 40.22',
				'revops_api_request_duration_seconds_count{kind="standard",system="clay"} 3',
				'# HELP revops_api_requests_total Calls answered, per system, kind and status (HTTP code, or the network error code)',
				'# TYPE revops_api_requests_total counter',
				'revops_api_requests_total{kind="standard",status="200",system="hubspot"} 3',
				'revops_api_requests_total{kind="standard",status="429",system="hubspot"} 1',
				'',
			].join('\n'),
		);
	});

	it('escapes label values (backslash, quote, newline)', () => {
		const r = new MetricsRecorder('p', 0);
		r.count('revops_slack_messages_total', { pipeline: 'a "b"\\c\nd', outcome: 'ok' });
		expect(exposition(r.take(1)!.series)).toContain(
			'revops_slack_messages_total{outcome="ok",pipeline="a \\"b\\"\\\\c\\nd"} 1',
		);
	});

	it('derives each pipeline’s backlog from its row counters, never below 0', () => {
		const r = new MetricsRecorder('p', 0);
		r.count('revops_queue_rows_total', { pipeline: 'a', outcome: 'stored' }, 10);
		r.count('revops_queue_rows_total', { pipeline: 'a', outcome: 'done' }, 6);
		r.count('revops_queue_rows_total', { pipeline: 'a', outcome: 'dead' }, 1);
		r.count('revops_queue_rows_total', { pipeline: 'a', outcome: 'retried' }, 5);
		r.count('revops_queue_rows_total', { pipeline: 'b', outcome: 'done' }, 2);
		const text = exposition(r.take(1)!.series);
		expect(text).toContain(
			'# TYPE revops_queue_backlog gauge\nrevops_queue_backlog{pipeline="a"} 3\nrevops_queue_backlog{pipeline="b"} 0\n',
		);
		expect(EXPOSED).toContain('revops_queue_backlog');
	});
});

describe('histogramQuantile (as Prometheus computes it)', () => {
	const bounds = [0.1, 0.5, 1];
	it('interpolates inside the bucket the rank falls in', () => {
		// 10 observations: 5 ≤ 0.1, 4 in (0.1, 0.5], 1 in (0.5, 1]
		expect(histogramQuantile(0.5, bounds, [5, 4, 1, 0])).toBeCloseTo(0.1);
		expect(histogramQuantile(0.9, bounds, [5, 4, 1, 0])).toBeCloseTo(0.5);
		expect(histogramQuantile(0.7, bounds, [5, 4, 1, 0])).toBeCloseTo(0.3);
	});
	it('answers the highest finite bound for a rank in +Inf, and nothing for no observations', () => {
		expect(histogramQuantile(0.99, bounds, [0, 0, 1, 9])).toBe(1);
		expect(histogramQuantile(0.5, bounds, [0, 0, 0, 0])).toBeUndefined();
	});
});
