import { checkThresholds, DEFAULT_THRESHOLDS } from '../../../../../nodes/shared/metrics/alerts';
import { dashboardHtml } from '../../../../../nodes/shared/metrics/dashboard';
import { MetricsRecorder } from '../../../../../nodes/shared/metrics/recorder';
import { summarize } from '../../../../../nodes/shared/metrics/summary';
import type { Flush } from '../../../../../nodes/shared/metrics/store';

const HOUR = 3_600_000;
const NOW = 10 * HOUR;

function flushOf(id: number, at: number, fill: (r: MetricsRecorder) => void): Flush {
	const r = new MetricsRecorder('p', at - 1000);
	fill(r);
	const s = r.take(at)!;
	return { id, process: 'p', from: s.from, at, series: s.series };
}

const hubspot = (r: MetricsRecorder, ok: number, status: string, n: number, latency = 0.08) => {
	r.count('revops_api_requests_total', { system: 'hubspot', kind: 'standard', status: '200' }, ok);
	r.count('revops_api_requests_total', { system: 'hubspot', kind: 'standard', status }, n);
	for (let i = 0; i < ok + n; i++)
		r.observe(
			'revops_api_request_duration_seconds',
			{ system: 'hubspot', kind: 'standard' },
			latency,
		);
};

describe('summary and threshold alerts', () => {
	it('counts per system: 5xx and network failures are errors, 429s apart, other 4xx refused', () => {
		const flushes = [
			flushOf(1, NOW - 1000, (r) => {
				hubspot(r, 90, '503', 4);
				r.count(
					'revops_api_requests_total',
					{ system: 'hubspot', kind: 'search', status: 'ECONNRESET' },
					1,
				);
				r.count(
					'revops_api_requests_total',
					{ system: 'hubspot', kind: 'standard', status: '429' },
					3,
				);
				r.count(
					'revops_api_requests_total',
					{ system: 'hubspot', kind: 'standard', status: '400' },
					2,
				);
			}),
		];
		const [s] = summarize(flushes, [], NOW - HOUR, NOW).systems;
		expect(s).toMatchObject({
			system: 'hubspot',
			calls: 100,
			errors: 5,
			rateLimited: 3,
			refused: 2,
		});
		expect(s.errorRate).toBeCloseTo(0.05);
	});

	it('alerts only above a threshold, only with enough calls, and only inside the window', () => {
		const at = (n: number, status: string) => [
			flushOf(1, NOW - 1000, (r) => hubspot(r, 100 - n, status, n)),
		];
		const alerts = (flushes: Flush[]) =>
			checkThresholds(summarize(flushes, [], NOW - HOUR, NOW, 1), DEFAULT_THRESHOLDS).map(
				(a) => a.kind,
			);
		expect(alerts(at(5, '503'))).toEqual([]);
		expect(alerts(at(6, '503'))).toEqual(['error_rate']);
		expect(alerts(at(2, '429'))).toEqual([]);
		expect(alerts(at(3, '429'))).toEqual(['rate_limited']);
		// The same failures an hour and a second ago: outside the window.
		expect(alerts([flushOf(1, NOW - HOUR - 1000, (r) => hubspot(r, 50, '503', 50))])).toEqual([]);
		// 19 calls, all failed: below Minimum Calls.
		expect(alerts([flushOf(1, NOW - 1000, (r) => hubspot(r, 0, '503', 19))])).toEqual([]);
		// Slow: p95 above 2 s.
		expect(alerts([flushOf(1, NOW - 1000, (r) => hubspot(r, 100, '200', 0, 3))])).toEqual([
			'p95_latency',
		]);
	});

	it('alerts on the oldest pending row only while rows are pending, and says what to do', () => {
		const queue = (stored: number, done: number, age: number) =>
			flushOf(1, NOW - 1000, (r) => {
				r.count('revops_queue_rows_total', { pipeline: 'clay', outcome: 'stored' }, stored);
				r.count('revops_queue_rows_total', { pipeline: 'clay', outcome: 'done' }, done);
				r.gauge('revops_queue_oldest_pending_age_seconds', { pipeline: 'clay' }, age, NOW - 1000);
			});
		const check = (f: Flush) =>
			checkThresholds(summarize([f], f.series, NOW - HOUR, NOW, 1), DEFAULT_THRESHOLDS);
		expect(check(queue(10, 4, 601))).toEqual([
			expect.objectContaining({
				kind: 'backlog_age',
				key: 'backlog_age:clay',
				text: 'clay: the oldest pending row waited 601 s (threshold 600 s), backlog 6 rows',
				action: expect.stringContaining('drain workflow is active'),
			}),
		]);
		expect(check(queue(10, 10, 601))).toEqual([]);
	});

	it('the dashboard page shows the figures (escaped) and one chart per figure group', () => {
		const flushes = [
			flushOf(1, NOW - 1000, (r) => {
				hubspot(r, 95, '503', 5);
				r.count(
					'revops_webhook_requests_total',
					{ trigger: 'clay_trigger', workflow: '<b>x</b>', outcome: 'refused', status: '401' },
					2,
				);
				r.count(
					'revops_webhook_requests_total',
					{ trigger: 'clay_trigger', workflow: '<b>x</b>', outcome: 'accepted', status: '' },
					6,
				);
			}),
		];
		const html = dashboardHtml(summarize(flushes, [], NOW - HOUR, NOW), 'hour', {
			hour: '?window=hour',
			day: '?window=day',
		});
		expect(html).toContain('<td data-figure="hubspot.calls">100</td>');
		expect(html).toContain('<td data-figure="hubspot.errorRate">5.0 %</td>');
		expect(html).toContain(
			'data-figure="clay_trigger.&#60;b&#62;x&#60;/b&#62;.successRate">75.0 %</td>',
		);
		expect(html).not.toContain('<b>x</b>');
		expect(html.match(/<svg /g)).toHaveLength(5);
		expect(html).toContain('<a href="?window=day">day</a>');
	});
});
