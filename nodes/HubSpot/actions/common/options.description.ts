// The Options collection every operation shares. An option that only changes some operations is
// shown only for them: its displayOptions name root parameters (`/operation`, `/resource`…), as a
// collection's options are evaluated against their collection otherwise. Names and values never
// change (saved workflows); an option a workflow set for an operation it does not change is ignored.
import type { INodeProperties } from 'n8n-workflow';

/** Resources whose records the write options (Send Empty Values, Exclude Fields) apply to. */
const RECORD_RESOURCES = ['company', 'contact', 'customObject', 'deal'];
/** Operations that write property values. */
const PROPERTY_WRITES = ['create', 'update', 'upsert'];
/** Every operation that changes something in HubSpot (records, associations, properties). */
const WRITES = ['archive', 'create', 'createKeyProperty', 'remove', 'update', 'upsert'];

const companyUpsert = { '/resource': ['company'], '/operation': ['upsert'] };
const contactUpsert = { '/resource': ['contact'], '/operation': ['upsert'] };

const searchFilterGroups: INodeProperties = {
	displayName: 'Search Filter Groups',
	name: 'searchFilterGroups',
	type: 'number',
	typeOptions: { minValue: 1, maxValue: 5 },
	default: 5,
	description:
		'Company lookups by domain: IN filters of 100 domains OR-ed per search call (HubSpot allows 5 filter groups). Lower it only if HubSpot rejects large searches.',
};

export const optionsProperty: INodeProperties = {
	displayName: 'Options',
	name: 'options',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	description: 'Transport, output and write settings; each is shown for the operations it changes',
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
			displayOptions: { show: { '/operation': WRITES } },
			type: 'boolean',
			default: false,
			description:
				'Whether to only report what would be created, updated, deleted or removed, writing nothing (lookups and reads still run)',
		},
		{
			displayName: 'Exclude Fields',
			name: 'excludeFields',
			displayOptions: {
				show: {
					'/resource': RECORD_RESOURCES,
					'/operation': PROPERTY_WRITES,
					'/propertiesMode': ['mapInput'],
				},
			},
			type: 'string',
			default: '',
			description: 'With Map Input Fields: comma-separated item fields never to write',
		},
		{
			displayName: 'ID Property',
			name: 'idProperty',
			displayOptions: { show: { '/resource': RECORD_RESOURCES, '/operation': ['get'] } },
			type: 'string',
			default: '',
			description:
				'Read records by this unique property (e.g. email) instead of the record ID; applies when the record is given By ID',
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
			displayName: 'Properties Field',
			name: 'propertiesField',
			displayOptions: {
				show: {
					'/resource': RECORD_RESOURCES,
					'/operation': PROPERTY_WRITES,
					'/propertiesMode': ['mapInput'],
				},
			},
			type: 'string',
			default: '',
			placeholder: 'e.g. properties',
			description:
				'With Map Input Fields: read the property values from this field of each item (an object, e.g. "properties" of a HubSpot record or of a Two-Way Sync write) instead of the item’s top level',
		},
		{
			displayName: 'Properties to Return Names or IDs',
			name: 'properties',
			displayOptions: {
				show: {
					'/resource': RECORD_RESOURCES,
					'/operation': ['get', 'getAll', 'getChanges', 'search'],
				},
			},
			type: 'multiOptions',
			typeOptions: {
				loadOptionsMethod: 'getProperties',
				loadOptionsDependsOn: ['resource', 'customObjectType'],
			},
			default: [],
			description:
				'Properties each record comes back with (empty: HubSpot\'s defaults). Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
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
		// Company upsert in Domain Search mode and contact upsert associating by company domain. One
		// entry per case: a hidden parameter still has its default when options are resolved, so a
		// `hide` on the other resource's parameter would hide this one everywhere.
		{
			...searchFilterGroups,
			displayOptions: { show: { ...companyUpsert, '/upsertMode': ['search'] } },
		},
		{
			...searchFilterGroups,
			displayOptions: { show: { ...contactUpsert, '/associateWithCompany': ['companyDomain'] } },
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
			displayOptions: { show: { '/resource': RECORD_RESOURCES, '/operation': PROPERTY_WRITES } },
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

/** Shown, after the Options, while Dry Run is on. */
export const dryRunNotice: INodeProperties = {
	displayName:
		'Dry Run is on: nothing is written to HubSpot. The output shows what would be written (action wouldCreate, wouldUpdate, wouldArchive…).',
	name: 'dryRunNotice',
	type: 'notice',
	default: '',
	displayOptions: { show: { '/options.dryRun': [true], '/operation': WRITES } },
};
