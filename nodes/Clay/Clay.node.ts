import {
	NodeConnectionTypes,
	NodeOperationError,
	type NodeApiError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';
import { CLAY_SOURCE_CAP, planSubmissions, rowPacing } from '../shared/clay';
import { continuedItem } from '../glue/items';
import { openMetrics } from '../glue/metrics';
import { clayApiTest } from './credentialTest';
import { isRowRefusal, toNodeApiError } from './failure';
import { properties } from './description';
import { ClayClient } from './transport/client';
import { SubmissionLedger } from './submissions';

function pick(json: IDataObject, fields: string[]): IDataObject {
	if (!fields.length) return json;
	return Object.fromEntries(fields.filter((f) => f in json).map((f) => [f, json[f]]));
}

export class Clay implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Clay',
		name: 'clay',
		icon: { light: 'file:clay.svg', dark: 'file:clay.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: 'push rows to a table',
		description:
			'Pushes items as rows to a Clay table’s webhook source, paced, retried and counted against its cap',
		defaults: { name: 'Clay' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [
			{ type: NodeConnectionTypes.Main, displayName: 'Sent' },
			{ type: NodeConnectionTypes.Main, displayName: 'Rejected' },
		],
		credentials: [
			{ name: 'clayApi', required: true, testedBy: 'clayApiTest' },
			{ name: 'revOpsMetricsApi', required: false },
		],
		usableAsTool: true,
		properties,
	};

	methods = { credentialTest: { clayApiTest } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		const webhookUrl = String(this.getNodeParameter('webhookUrl', 0)).trim();
		if (!/^https?:\/\//i.test(webhookUrl)) {
			throw new NodeOperationError(
				this.getNode(),
				'Webhook URL must be the http(s) URL of a Clay webhook source',
			);
		}
		const fields = String(this.getNodeParameter('fields', 0, ''))
			.split(',')
			.map((f) => f.trim())
			.filter(Boolean);
		const options = this.getNodeParameter('options', 0, {}) as IDataObject;
		const cap = Number(options.cap ?? CLAY_SOURCE_CAP);

		const ledger = new SubmissionLedger(this, cap);
		if (options.resetCount === true) await ledger.reset();
		const plan = planSubmissions({ used: await ledger.used(), requested: items.length, cap });
		if (plan.allowed === 0 && plan.error) throw new NodeOperationError(this.getNode(), plan.error);
		if (plan.warning) {
			this.logger.warn(`Clay: ${plan.warning}`);
			this.addExecutionHints({ message: plan.warning, type: 'warning', location: 'outputPane' });
		}

		const pacing = rowPacing(
			Number(this.getNodeParameter('rowsPerSecond', 0, 10)),
			Number(options.maxAttempts ?? 6),
		);
		const startedAt = Date.now();
		const metrics = openMetrics(this);
		const client = new ClayClient(this, webhookUrl, pacing, undefined, metrics?.callMeter('clay'));
		const sent: INodeExecutionData[] = [];
		const rejected: INodeExecutionData[] = [];
		let stop: NodeApiError | undefined;
		try {
			for (let i = 0; i < items.length; i++) {
				const pairedItem = { item: i };
				if (i >= plan.allowed) {
					rejected.push({ json: { ...items[i].json, error: plan.error }, pairedItem });
					continue;
				}
				const outcome = await client.pushRow(pick(items[i].json, fields));
				if (outcome.ok) {
					await ledger.accepted();
					sent.push({ json: items[i].json, pairedItem });
				} else if (isRowRefusal(outcome)) {
					rejected.push({
						json: { ...items[i].json, error: outcome.message, status: outcome.status ?? null },
						pairedItem,
					});
				} else if (this.continueOnFail()) {
					sent.push(continuedItem(this, i, outcome.message));
				} else {
					stop = toNodeApiError(this.getNode(), outcome, i);
					break;
				}
			}
		} finally {
			// Whatever happened, the rows Clay accepted are counted.
			await ledger.flush();
			if (metrics) {
				const labels = { system: 'clay', operation: 'row.push' };
				metrics.count('revops_records_total', { ...labels, outcome: 'success' }, sent.length);
				metrics.count('revops_records_total', { ...labels, outcome: 'rejected' }, rejected.length);
				metrics.observe(
					'revops_node_run_duration_seconds',
					labels,
					(Date.now() - startedAt) / 1000,
				);
				void metrics.flush(!!stop);
			}
		}
		if (stop) throw stop;
		return [sent, rejected];
	}
}
