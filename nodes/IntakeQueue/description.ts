import type { INodeProperties } from 'n8n-workflow';

// Defaults are literals (n8n's lint reads them); test/nodes/IntakeQueue checks they equal DEFAULT_QUEUE_SETTINGS.

const show = (...operation: string[]) => ({ show: { operation } });

export const properties: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'Answer a Store Failure',
				value: 'storeFailure',
				action: 'Answer a store failure',
				description:
					'Read the error of the store node that refused a row: status 503 with Retry-After when it is full or down, 500 naming what to create when the table is missing',
			},
			{
				name: 'Check Store Usage',
				value: 'usage',
				action: 'Check store usage',
				description:
					'Read the data tables n8n’s API lists (with their sizes) against n8n’s cap: Near or At Cap says how full, which tables, and what to do',
			},
			{
				name: 'Check the Drain Lock',
				value: 'checkLock',
				action: 'Check the drain lock',
				description:
					'Pass on only when the lock row came back holding this drain’s token, so one drain talks to the systems at a time; a lock row holding another run’s token goes to Held Elsewhere, a refused update to Store Refused',
			},
			{
				name: 'Confirm Stored Rows',
				value: 'confirm',
				action: 'Confirm stored rows',
				description:
					'Pass on the rows the store returned with their ID (or PostgreSQL’s revops_queue_enqueue answer, stored true or false for a repeat); anything else (a refused write passed on as data) goes to Not Stored',
			},
			{
				name: 'Open Claimed Rows',
				value: 'open',
				action: 'Open claimed rows',
				description:
					'Keep the rows this drain claimed and turn each payload back into the row, carrying its queue ID under _queue; a row sent twice goes once to Rows, its repeat to Repeats',
			},
			{
				name: 'Prepare Rows for the Store',
				value: 'enqueue',
				action: 'Prepare rows for the store',
				description:
					'Turn each incoming row into a queue row (idempotency key, payload, pending state) for a Data Table or Postgres node to write',
			},
			{
				name: 'Report Rows',
				value: 'report',
				action: 'Report rows',
				description:
					'Gather the store rows that came in (dead letters listed, rows replayed) into one item: how many, and each with its payload opened',
			},
			{
				name: 'Settle Outcomes',
				value: 'settle',
				action: 'Settle outcomes',
				description:
					'Mark each row done, or failed: retried after a backoff, then parked as a dead letter after Max Attempts',
			},
			{
				name: 'Start a Drain',
				value: 'startDrain',
				action: 'Start a drain',
				description:
					'Fix this run’s claim token, clock and lease, which the store nodes that claim rows read',
			},
		],
		default: 'enqueue',
	},
	{
		displayName: 'Key Fields',
		name: 'keyFields',
		type: 'string',
		default: '',
		placeholder: 'e.g. domain, email',
		description:
			'Comma-separated fields whose values identify a row: the same values twice are stored and processed once. Empty: the whole row.',
		displayOptions: show('enqueue'),
	},
	{
		displayName: 'Table Name',
		name: 'table',
		type: 'string',
		default: 'revops_clay_intake',
		description: 'The store’s name, used in the answer and the alert',
		displayOptions: show('storeFailure'),
	},
	{
		displayName: 'Retry After (Seconds)',
		name: 'retryAfter',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 60,
		description: 'Sent in the Retry-After header of a 503',
		displayOptions: show('storeFailure'),
	},
	{
		displayName: 'Data Tables Cap (MiB)',
		name: 'capMiB',
		type: 'number',
		typeOptions: { minValue: 0.01, numberPrecision: 2 },
		default: 200,
		description:
			'N8N_DATA_TABLES_MAX_SIZE_BYTES of your n8n in MiB: 200 unless you set it (n8n 1.x: 50)',
		displayOptions: show('usage'),
	},
	{
		displayName: 'Warn At (%)',
		name: 'warnPercent',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: 100 },
		default: 80,
		description: 'Share of the cap from which the check goes to Near or At Cap',
		displayOptions: show('usage'),
	},
	{
		displayName: 'Drain Run',
		name: 'drainRun',
		type: 'string',
		default: "={{ $('Start drain').first().json.token }}",
		required: true,
		description: 'The run ID (token) the Start a Drain node of this run produced',
		displayOptions: show('checkLock', 'open'),
	},
	{
		displayName: 'Rows per Drain',
		name: 'batchSize',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 1000,
		description: 'Most rows one drain claims; the rest wait for the next drain',
		displayOptions: show('startDrain'),
	},
	{
		displayName: 'Lease (Seconds)',
		name: 'leaseSeconds',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 300,
		description:
			'A claim whose drain died (a crash, a killed worker) is taken again after this long; make it longer than a drain runs',
		displayOptions: show('startDrain'),
	},
	{
		displayName: 'Keep Done Rows (Hours)',
		name: 'retentionHours',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 24,
		description:
			'Done rows older than this are purged (all n8n Data Tables of an instance share one size cap)',
		displayOptions: show('startDrain'),
	},
	{
		displayName: 'Same Run on Retry',
		name: 'tokenFromTrigger',
		type: 'boolean',
		default: false,
		description:
			'Whether to derive the run’s token from the item that started it, so that a retry of this execution (after a crash or an error) is the same run and keeps the lock and the claims the first attempt took, instead of waiting for their lease',
		displayOptions: show('startDrain'),
	},
	{
		displayName: 'Max Attempts',
		name: 'maxAttempts',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 5,
		description: 'Failed attempts before a row is parked as a dead letter',
		displayOptions: show('settle'),
	},
	{
		displayName: 'Retry Backoff (Seconds)',
		name: 'backoffSeconds',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 30,
		description: 'Wait before the first retry, doubled for each further attempt',
		displayOptions: show('settle'),
	},
	{
		displayName: 'Max Backoff (Seconds)',
		name: 'maxBackoffSeconds',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 3600,
		description: 'The wait between attempts never grows past this',
		displayOptions: show('settle'),
	},
	{
		displayName: 'Pipeline Name',
		name: 'pipeline',
		type: 'string',
		default: '',
		placeholder: 'e.g. Clay intake → HubSpot',
		description:
			'The name the queue’s figures carry with the RevOps Metrics credential (revops_queue_* series, the dashboard’s Queues table). Give the intake’s and the drain’s steps the same name when they are separate workflows, so that stored and done rows meet. Empty: the workflow’s name.',
		displayOptions: show('confirm', 'storeFailure', 'open', 'settle'),
	},
	{
		displayName:
			'Settle reads the item’s _queue field (set by Open Claimed Rows; under "input" on a Rejected output) and counts an item with a non-empty "error" field as failed',
		name: 'settleNotice',
		type: 'notice',
		default: '',
		displayOptions: show('settle'),
	},
];
