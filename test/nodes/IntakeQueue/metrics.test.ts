// What the Intake Queue node measures when it has a RevOps Metrics API credential: rows the store confirmed
// (a PostgreSQL repeat apart, adding no backlog) and the store's refusals by kind.
import '../helpers/n8nEnvironment';
import type { IDataObject } from 'n8n-workflow';
import { RevOpsMetricsApi } from '../../../credentials/RevOpsMetricsApi.credentials';
import { IntakeQueue } from '../../../nodes/IntakeQueue/IntakeQueue.node';
import { executeNode } from '../helpers/executeNode';
import { metricsIntake, sumOf, untilFlushed } from '../helpers/metricsIntake';

const node = new IntakeQueue();

describe('Intake Queue metrics', () => {
	const capture = metricsIntake();
	let url: string;
	beforeAll(async () => (url = await capture.start()));
	afterAll(async () => await capture.stop());

	const run = async (parameters: IDataObject, items: IDataObject[], workflowName?: string) => {
		capture.received.length = 0;
		const result = await executeNode({
			node,
			parameters,
			items,
			workflowName,
			credentials: [{ type: new RevOpsMetricsApi(), data: { url, token: 't', flushSeconds: 0 } }],
		});
		await untilFlushed(() => capture.received.length > 0);
		return { result, snapshots: capture.received.map((r) => r.body) };
	};

	test('confirmed rows count as stored; a PostgreSQL repeat as a repeat, not backlog', async () => {
		const { result, snapshots } = await run({ operation: 'confirm' }, [
			{ id: 1, key: 'a', payload: '{}', state: 'pending' },
			{ stored: true },
			{ stored: false },
			{ error: 'insert failed' },
		]);
		expect(result.outputs[0]).toHaveLength(3);
		expect(result.outputs[1]).toHaveLength(1);
		const rows = (outcome: string) =>
			sumOf(snapshots, 'revops_queue_rows_total', (l) => l.outcome === outcome);
		expect(rows('stored')).toBe(2);
		expect(rows('repeat')).toBe(1);
	});

	test('store refusals are counted by kind', async () => {
		const { snapshots } = await run({ operation: 'storeFailure', table: 'revops_clay_intake' }, [
			{ error: 'Data tables size limit exceeded: 210 MB of 200 MB' },
			{ error: 'connect ECONNREFUSED 127.0.0.1:5432' },
		]);
		const failures = (kind: string) =>
			sumOf(snapshots, 'revops_queue_store_failures_total', (l) => l.kind === kind);
		expect(failures('full')).toBe(1);
		expect(failures('unavailable')).toBe(1);
	});

	test('the figures carry the Pipeline Name, so an intake and a drain in two workflows meet; else the workflow name', async () => {
		const stored = [{ id: 1, key: 'a', payload: '{}', state: 'pending' }];
		const pipelines = async (parameters: IDataObject) =>
			(
				await run({ operation: 'confirm', ...parameters }, stored, 'RevOps 01: Clay intake')
			).snapshots.flatMap((body) =>
				(body as { series: Array<{ name: string; labels: Record<string, string> }> }).series
					.filter((s) => s.name === 'revops_queue_rows_total')
					.map((s) => s.labels.pipeline),
			);
		expect(await pipelines({ pipeline: ' Clay intake → HubSpot ' })).toEqual([
			'Clay intake → HubSpot',
		]);
		expect(await pipelines({})).toEqual(['RevOps 01: Clay intake']);
	});
});
