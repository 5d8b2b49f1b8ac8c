import {
	NodeConnectionTypes,
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';
import { pairedWith } from '../glue/items';
import { openMetrics } from '../glue/metrics';
import {
	checkThresholds,
	CONTENT_TYPE,
	currentSeries,
	dashboardHtml,
	exposition,
	flushRow,
	planFold,
	readSnapshot,
	readStore,
	summarize,
	type StoreView,
} from '../shared/metrics';
import { properties } from './description';
import { readThresholds, readWindowMs } from './parameters';
import { slackOutcome } from './slackOutcome';

/** Evaluated by the editor to draw the outputs: it must stand alone (no imports). */
const configuredOutputs = (operation: string) => {
	if (operation === 'intake')
		return [
			{ type: 'main', displayName: 'Store' },
			{ type: 'main', displayName: 'Nothing to Store' },
			{ type: 'main', displayName: 'Invalid' },
		];
	if (operation === 'prometheus')
		return [
			{ type: 'main', displayName: 'Text' },
			{ type: 'main', displayName: 'Totals to Write' },
		];
	if (operation === 'fold')
		return [
			{ type: 'main', displayName: 'Totals to Write' },
			{ type: 'main', displayName: 'Cleanup' },
		];
	if (operation === 'check')
		return [
			{ type: 'main', displayName: 'Within Thresholds' },
			{ type: 'main', displayName: 'Alerts' },
		];
	return [{ type: 'main' }];
};

export class PipelineMetrics implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Pipeline Metrics',
		name: 'pipelineMetrics',
		icon: { light: 'file:pipelineMetrics.svg', dark: 'file:pipelineMetrics.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"]}}',
		description:
			'What the package’s nodes measured (calls, 429s, webhooks, queues), stored in a Data Table: Prometheus text, a dashboard page, threshold alerts',
		defaults: { name: 'Pipeline Metrics' },
		inputs: [NodeConnectionTypes.Main],
		outputs: `={{(${configuredOutputs})($parameter.operation)}}`,
		credentials: [{ name: 'revOpsMetricsApi', required: false }],
		usableAsTool: true,
		properties,
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const operation = this.getNodeParameter('operation', 0) as string;
		const items = this.getInputData();
		const now = Date.now();
		const all = pairedWith(items.map((_, i) => i));
		const view = () => readStore(storeRows(items));
		switch (operation) {
			case 'intake':
				return intake(items);
			case 'prometheus': {
				const store = view();
				const plan = planFold(store, now);
				const text = exposition(currentSeries(store)) + unreadableNote(store);
				return [
					[{ json: { text, contentType: CONTENT_TYPE }, pairedItem: all }],
					plan ? [{ json: plan as unknown as IDataObject, pairedItem: all }] : [],
				];
			}
			case 'fold': {
				const store = view();
				const plan = planFold(store, now);
				const retentionHours = Number(this.getNodeParameter('retentionHours', 0, 24));
				const cleanup = {
					// Only what the totals already covered before this run: a lost compare-and-set deletes nothing new.
					deleteFlushesUpTo: store.totals.covers,
					deleteBefore: now - retentionHours * 3_600_000,
					staleTotalsBelow: store.totals.covers,
				};
				return [
					plan ? [{ json: plan as unknown as IDataObject, pairedItem: all }] : [],
					[{ json: cleanup, pairedItem: all }],
				];
			}
			case 'dashboard': {
				const store = view();
				const windowMs = readWindowMs(this);
				const base = String(this.getNodeParameter('dashboardUrl', 0, ''));
				const summary = summarize(store.flushes, currentSeries(store), now - windowMs, now);
				const name = windowMs > 3_600_000 ? 'day' : 'hour';
				const html = dashboardHtml(summary, name, {
					hour: `${base}?window=hour`,
					day: `${base}?window=day`,
				});
				return [[{ json: { html }, pairedItem: all }]];
			}
			case 'check': {
				const store = view();
				const windowMs = readWindowMs(this);
				const summary = summarize(store.flushes, currentSeries(store), now - windowMs, now, 1);
				const alerts = checkThresholds(summary, readThresholds(this));
				const hour = new Date(now).toISOString().slice(0, 13);
				if (!alerts.length)
					return [
						[
							{
								json: { ...summary, timeline: undefined } as unknown as IDataObject,
								pairedItem: all,
							},
						],
						[],
					];
				return [
					[],
					alerts.map((alert) => ({
						json: { ...alert, alertKey: `${alert.key}:${hour}` } as unknown as IDataObject,
						pairedItem: all,
					})),
				];
			}
			case 'recordSlack': {
				const metrics = openMetrics(this);
				if (metrics) {
					items.forEach((item, index) => {
						const pipeline = String(this.getNodeParameter('pipeline', index, ''));
						metrics.count('revops_slack_messages_total', {
							pipeline,
							outcome: slackOutcome(item.json),
						});
					});
					void metrics.flush();
				}
				return [items.map((item, index) => ({ json: item.json, pairedItem: { item: index } }))];
			}
			default:
				throw new NodeOperationError(this.getNode(), `Unknown operation "${operation}"`);
		}
	}
}

/** The Data Table node's rows; its "no rows" item (Always Output Data) is no row at all. */
function storeRows(items: INodeExecutionData[]): Array<Record<string, unknown>> {
	return items.map((item) => item.json).filter((json) => Object.keys(json).length > 0);
}

function unreadableNote(store: StoreView): string {
	if (!store.unreadable.length) return '';
	const listed = store.unreadable
		.slice(0, 10)
		.map((row) => `${String(row.id)}: ${row.reason}`)
		.join('; ');
	return `# revops: ${store.unreadable.length} metrics rows could not be read and are not counted (${listed})\n`;
}

function intake(items: INodeExecutionData[]): INodeExecutionData[][] {
	const store: INodeExecutionData[] = [];
	const empty: INodeExecutionData[] = [];
	const invalid: INodeExecutionData[] = [];
	items.forEach((item, index) => {
		const pairedItem = { item: index };
		// n8n's Webhook node puts the request body under `body`.
		const body = 'body' in item.json ? item.json.body : item.json;
		const read = readSnapshot(body);
		if (!read.ok)
			invalid.push({ json: { error: `Invalid metrics snapshot: ${read.reason}` }, pairedItem });
		else if (!read.snapshot.series.length) empty.push({ json: { stored: false }, pairedItem });
		else store.push({ json: flushRow(read.snapshot), pairedItem });
	});
	return [store, empty, invalid];
}
