import type { INodeProperties } from 'n8n-workflow';

// Defaults are literals (n8n's lint reads them); test/nodes/PipelineMetrics checks the thresholds' defaults
// equal DEFAULT_THRESHOLDS.

const show = (...operation: string[]) => ({ show: { operation } });

export const properties: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'Check Thresholds',
				value: 'check',
				action: 'Check thresholds',
				description:
					'Compare the last window’s error rate, p95 latency, 429 rate and oldest pending row with your thresholds: one item per alert, saying what to do',
			},
			{
				name: 'Fold Totals',
				value: 'fold',
				action: 'Fold totals',
				description:
					'Add the settled snapshots into the totals row (a compare-and-set on its covers column) and say which snapshot rows may be deleted',
			},
			{
				name: 'Read a Snapshot',
				value: 'intake',
				action: 'Read a snapshot',
				description:
					'Check a snapshot a process sent to the metrics intake and turn it into the row to store',
			},
			{
				name: 'Record Slack Results',
				value: 'recordSlack',
				action: 'Record slack results',
				description:
					'Count the messages n8n’s Slack node sent or failed to send (with On Error → Continue), and pass the items on',
			},
			{
				name: 'Render Dashboard',
				value: 'dashboard',
				action: 'Render dashboard',
				description:
					'An HTML page of the window: per system calls, error and 429 rates, latency p50/p95/p99, webhooks, queues, with charts',
			},
			{
				name: 'Serve Prometheus Text',
				value: 'prometheus',
				action: 'Serve prometheus text',
				description:
					'Every series in the Prometheus text format (0.0.4), from the totals row and the snapshots after it',
			},
		],
		default: 'prometheus',
	},
	{
		displayName: 'Window',
		name: 'window',
		type: 'options',
		options: [
			{ name: 'Last Day', value: 'day' },
			{ name: 'Last Hour', value: 'hour' },
		],
		default: 'hour',
		description: 'Time range the dashboard or the thresholds look at',
		displayOptions: show('dashboard', 'check'),
	},
	{
		displayName: 'Dashboard URL',
		name: 'dashboardUrl',
		type: 'string',
		default: '',
		placeholder: 'https://n8n.example.com/webhook/revops-dashboard',
		description:
			'Where the page is served, for its Last Hour / Last Day links (?window=hour|day); empty: relative links',
		displayOptions: show('dashboard'),
	},
	{
		displayName: 'Error Rate Above (%)',
		name: 'errorRatePercent',
		type: 'number',
		default: 5,
		description: 'Alert when this share of a system’s calls failed (5xx or network)',
		displayOptions: show('check'),
	},
	{
		displayName: 'P95 Latency Above (Seconds)',
		name: 'p95Seconds',
		type: 'number',
		default: 2,
		description: 'Alert when a system’s 95th percentile call latency is above this',
		displayOptions: show('check'),
	},
	{
		displayName: '429 Rate Above (%)',
		name: 'rateLimitedPercent',
		type: 'number',
		default: 2,
		description: 'Alert when this share of a system’s calls was answered 429',
		displayOptions: show('check'),
	},
	{
		displayName: 'Oldest Pending Row Above (Seconds)',
		name: 'backlogAgeSeconds',
		type: 'number',
		default: 600,
		description: 'Alert when a drain found a row older than this',
		displayOptions: show('check'),
	},
	{
		displayName: 'Minimum Calls',
		name: 'minCalls',
		type: 'number',
		default: 20,
		description: 'Below this many calls in the window a rate says little: no rate or latency alert',
		displayOptions: show('check'),
	},
	{
		displayName: 'Keep Snapshots (Hours)',
		name: 'retentionHours',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 24,
		description:
			'Snapshot rows older than this are deleted once folded into the totals (the dashboard’s Last Day needs 24)',
		displayOptions: show('fold'),
	},
	{
		displayName: 'Pipeline',
		name: 'pipeline',
		type: 'string',
		default: '={{ $workflow.name }}',
		description: 'Label of the messages counted',
		displayOptions: show('recordSlack'),
	},
];
