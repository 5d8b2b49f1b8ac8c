// Resource + operation → the operation's execute. Builds the run (client, outputs, options) once;
// a failure that escapes an operation (e.g. the property list it needed) fails every item not yet
// answered, so nothing is dropped.
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { openMetrics, type NodeMetrics } from '../../glue/metrics';
import { toNodeApiError } from '../transport/failure';
import { connect } from '../transport/connect';
import { CallFailed, ItemOutputs } from './common/outputs';
import { objectTypeOf } from './common/resource';
import type { Run } from './common/run';
import { resources } from './resources';

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const resourceName = this.getNodeParameter('resource', 0) as string;
	const operation = this.getNodeParameter('operation', 0) as string;
	const resource = resources.find((r) => r.value === resourceName);
	const module = resource?.operations[operation];
	if (!resource || !module)
		throw new NodeOperationError(
			this.getNode(),
			`The operation "${operation}" is not supported for "${resourceName}"`,
		);
	const options = this.getNodeParameter('options', 0, {}) as IDataObject;
	const startedAt = Date.now();
	const metrics = openMetrics(this);
	const run: Run = {
		fn: this,
		client: await connect(
			this,
			this.getNodeParameter('authentication', 0) as string,
			options,
			metrics?.callMeter('hubspot'),
		),
		items,
		out: new ItemOutputs(this, items),
		objectType: objectTypeOf(resource, (name) => this.getNodeParameter(name, 0)),
		options: {
			dryRun: options.dryRun === true,
			sendEmpty: options.sendEmptyValues === true,
			batchSize: Math.min(100, Math.max(1, Number(options.batchSize ?? 100) || 100)),
		},
		rawOptions: options,
	};
	let stop: CallFailed | undefined;
	try {
		await module.execute(run);
	} catch (error) {
		// A call failed and the node does not continue on fail; or something else escaped the operation
		// (e.g. the property list it needed): that fails the items not yet answered, so none is dropped.
		stop =
			error instanceof CallFailed
				? error
				: run.out.recordCallFailure(
						items.map((_, index) => index).filter((index) => !run.out.settled(index)),
						error,
					);
	}
	if (metrics) recordRun(metrics, `${resourceName}.${operation}`, run, startedAt, !!stop);
	if (stop) throw toNodeApiError(this.getNode(), stop.failure, stop.itemIndex);
	return run.out.toOutputs(options.includeInputFields === true);
}

/** Records handled per outcome and the run's duration, then flushes if due (a failed run: at once). */
function recordRun(
	metrics: NodeMetrics,
	operation: string,
	run: Run,
	startedAt: number,
	failed: boolean,
): void {
	const labels = { system: 'hubspot', operation };
	for (const [outcome, n] of Object.entries(run.out.counts()))
		metrics.count('revops_records_total', { ...labels, outcome }, n);
	metrics.observe('revops_node_run_duration_seconds', labels, (Date.now() - startedAt) / 1000);
	void metrics.flush(failed);
}
