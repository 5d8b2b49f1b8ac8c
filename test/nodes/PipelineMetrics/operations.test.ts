// The Pipeline Metrics node run in-process: its threshold defaults are the engine's, Read a Snapshot sorts
// snapshots into rows to store, nothing to store and invalid (with the reason), Record Slack Results counts
// what n8n's Slack node reported and passes every item on.
import '../helpers/n8nEnvironment';
import { PipelineMetrics } from '../../../nodes/PipelineMetrics/PipelineMetrics.node';
import { slackOutcome } from '../../../nodes/PipelineMetrics/slackOutcome';
import { DEFAULT_THRESHOLDS } from '../../../nodes/shared/metrics';
import { executeNode } from '../helpers/executeNode';

const node = new PipelineMetrics();

describe('Pipeline Metrics node', () => {
	test('the threshold settings default to the engine’s defaults', () => {
		const defaults = Object.fromEntries(
			node.description.properties
				.filter((p) => p.name in DEFAULT_THRESHOLDS)
				.map((p) => [p.name, p.default]),
		);
		expect(defaults).toEqual(DEFAULT_THRESHOLDS);
	});

	test('Read a Snapshot: a row to store, nothing to store, or invalid with the reason', async () => {
		const snapshot = {
			v: 1,
			process: 'p1',
			from: 1000,
			to: 2000,
			series: [
				{
					name: 'revops_api_retries_total',
					labels: { system: 'clay', reason: 'transient' },
					sum: 2,
					count: 2,
				},
			],
		};
		const run = await executeNode({
			node,
			parameters: { operation: 'intake' },
			items: [
				{ body: snapshot },
				{ body: { ...snapshot, series: [] } },
				{ body: { ...snapshot, v: 3 } },
			],
		});
		expect(run.outputs[0]).toEqual([
			{
				json: {
					kind: 'flush',
					process: 'p1',
					at: 2000,
					covers: 0,
					data: JSON.stringify({ from: 1000, series: snapshot.series }),
				},
				pairedItem: { item: 0 },
			},
		]);
		expect(run.outputs[1]).toEqual([{ json: { stored: false }, pairedItem: { item: 1 } }]);
		expect(run.outputs[2]).toEqual([
			{
				json: { error: 'Invalid metrics snapshot: unknown snapshot version 3 (expected 1)' },
				pairedItem: { item: 2 },
			},
		]);
	});

	test('Prometheus text from stored rows; a row it cannot read is named in a comment, not dropped silently', async () => {
		const data = JSON.stringify({
			from: 0,
			series: [
				{
					name: 'revops_api_retries_total',
					labels: { system: 'clay', reason: 'transient' },
					sum: 2,
					count: 2,
				},
			],
		});
		const run = await executeNode({
			node,
			parameters: { operation: 'prometheus' },
			items: [
				{ id: 1, kind: 'flush', process: 'p', at: 1, covers: 0, data },
				{ id: 2, kind: 'flush', process: 'p', at: 1, covers: 0, data: '{' },
			],
		});
		const text = run.outputs[0][0].json.text as string;
		expect(text).toContain('revops_api_retries_total{reason="transient",system="clay"} 2\n');
		expect(text).toContain(
			'# revops: 1 metrics rows could not be read and are not counted (2: data is not JSON)',
		);
		expect(run.outputs[0][0].json.contentType).toBe('text/plain; version=0.0.4; charset=utf-8');
		// The flush at t=1 ms is long settled: the totals to write cover it.
		expect(run.outputs[1][0].json).toMatchObject({
			expectCovers: 0,
			row: { kind: 'totals', covers: 1 },
		});
	});

	test('Slack results: ok, or the error code n8n’s Slack node put in the item', () => {
		expect(slackOutcome({ ok: true, message_timestamp: '1' })).toBe('ok');
		expect(slackOutcome({ error: 'Slack error response: "ratelimited"' })).toBe('ratelimited');
		expect(slackOutcome({ error: 'An error occurred: channel_not_found' })).toBe(
			'channel_not_found',
		);
		expect(slackOutcome({ error: { message: 'not_in_channel' } })).toBe('not_in_channel');
		expect(slackOutcome({ ok: false })).toBe('error');
	});
});
