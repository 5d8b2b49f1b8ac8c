import type { INodeProperties } from 'n8n-workflow';

export const optionsProperty: INodeProperties = {
	displayName: 'Options',
	name: 'options',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	options: [
		{
			displayName: 'Batch Size',
			name: 'batchSize',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 100 },
			default: 100,
			description: 'Inputs per HubSpot batch call (HubSpot allows 100)',
		},
		{
			displayName: 'Circuit Breaker Threshold',
			name: 'circuitBreakerThreshold',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 5,
			description:
				'After this many consecutive failed calls (5xx, timeouts) the node stops calling HubSpot and fails (or, with On Error → Continue, passes the remaining items on with the error)',
		},
		{
			displayName: 'Dry Run',
			name: 'dryRun',
			type: 'boolean',
			default: false,
			description:
				'Whether to only report what would be created, updated or removed, writing nothing',
		},
		{
			displayName: 'Exclude Fields',
			name: 'excludeFields',
			type: 'string',
			default: '',
			description: 'With Map Input Fields: comma-separated item fields never to write',
		},
		{
			displayName: 'ID Property',
			name: 'idProperty',
			type: 'string',
			default: '',
			description:
				'For Get: read records by this unique property (e.g. email) instead of the record ID',
		},
		{
			displayName: 'Include Input Fields',
			name: 'includeInputFields',
			type: 'boolean',
			default: false,
			description:
				"Whether Success items keep the input item's fields, with HubSpot's answer under a hubspot field, so the next node finds both in the item",
		},
		{
			displayName: 'Max Attempts',
			name: 'maxAttempts',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 6,
			description:
				'Tries per call, the first included, for 429s (except the daily limit), 5xx and timeouts',
		},
		{
			displayName: 'Properties to Return Names or IDs',
			name: 'properties',
			type: 'multiOptions',
			typeOptions: {
				loadOptionsMethod: 'getProperties',
				loadOptionsDependsOn: ['resource', 'customObjectType'],
			},
			default: [],
			description:
				'For Get, Get Many and Search. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		},
		{
			displayName: 'Requests per 10 Seconds',
			name: 'requestsPerInterval',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 100,
			description:
				'Your HubSpot limit until its headers say otherwise: 100 Free/Starter, 190 Professional/Enterprise, 250 with the capacity pack',
		},
		{
			displayName: 'Reserved Requests',
			name: 'reservedRequests',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: 0,
			description: 'Requests per 10 seconds left for other workflows using the same HubSpot app',
		},
		{
			displayName: 'Retry Base Delay (Ms)',
			name: 'retryBaseDelayMs',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: 1000,
			description: 'First retry waits about this long; each further retry doubles it (with jitter)',
		},
		{
			displayName: 'Search Filter Groups',
			name: 'searchFilterGroups',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 5 },
			default: 5,
			description:
				'Company lookups: IN filters of 100 domains OR-ed per search call (HubSpot allows 5 filter groups)',
		},
		{
			displayName: 'Search Requests per Second',
			name: 'searchRequestsPerSecond',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 5,
			description: 'HubSpot limits CRM search separately and sends no headers for it',
		},
		{
			displayName: 'Send Empty Values',
			name: 'sendEmptyValues',
			type: 'boolean',
			default: false,
			description: 'Whether empty input values clear the HubSpot value (off: they are never sent)',
		},
		{
			displayName: 'Timeout (Ms)',
			name: 'timeoutMs',
			type: 'number',
			typeOptions: { minValue: 1000 },
			default: 30000,
			description: 'Per HTTP call; a timed-out call is retried',
		},
	],
};
