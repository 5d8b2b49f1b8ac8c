import type { INodeProperties } from 'n8n-workflow';
import { RECORD_RESOURCES } from './resource';

const on = (operation: string[], resource = RECORD_RESOURCES) => ({
	show: { resource, operation },
});

const OPERATORS = [
	['Between', 'BETWEEN'],
	['Contains Token', 'CONTAINS_TOKEN'],
	['Equal', 'EQ'],
	['Greater Than', 'GT'],
	['Greater Than or Equal', 'GTE'],
	['Has Property', 'HAS_PROPERTY'],
	['In (Comma-Separated)', 'IN'],
	['Less Than', 'LT'],
	['Less Than or Equal', 'LTE'],
	['Not Contains Token', 'NOT_CONTAINS_TOKEN'],
	['Not Equal', 'NEQ'],
	['Not Has Property', 'NOT_HAS_PROPERTY'],
	['Not In (Comma-Separated)', 'NOT_IN'],
].map(([name, value]) => ({ name, value }));

export const recordProperties: INodeProperties[] = [
	{
		displayName: 'Record ID',
		name: 'recordId',
		type: 'string',
		required: true,
		default: '',
		displayOptions: on(['get', 'update', 'archive']),
		description: 'HubSpot record ID (or, for Get, the value of the ID Property option)',
	},
	{
		displayName: 'Return All',
		name: 'returnAll',
		type: 'boolean',
		default: false,
		displayOptions: on(['getAll', 'search']),
		description: 'Whether to return all results or only up to a given limit',
	},
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 50,
		displayOptions: {
			show: { resource: RECORD_RESOURCES, operation: ['getAll', 'search'], returnAll: [false] },
		},
		description: 'Max number of results to return',
	},
	{
		displayName: 'Search Mode',
		name: 'searchMode',
		type: 'options',
		options: [
			{ name: 'Filters', value: 'filters', description: 'All filters must match' },
			{
				name: 'JSON',
				value: 'json',
				description: 'A full search body: filterGroups (OR of ANDs), sorts, query',
			},
		],
		default: 'filters',
		displayOptions: on(['search']),
	},
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Filter',
		default: {},
		displayOptions: {
			show: { resource: RECORD_RESOURCES, operation: ['search'], searchMode: ['filters'] },
		},
		options: [
			{
				displayName: 'Filter',
				name: 'filter',
				values: [
					{
						displayName: 'Property Name or ID',
						name: 'propertyName',
						type: 'options',
						typeOptions: {
							loadOptionsMethod: 'getProperties',
							loadOptionsDependsOn: ['resource', 'customObjectType'],
						},
						default: '',
						description:
							'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
					},
					{
						displayName: 'Operator',
						name: 'operator',
						type: 'options',
						options: OPERATORS,
						default: 'EQ',
					},
					{
						displayName: 'Value',
						name: 'value',
						type: 'string',
						default: '',
						description: 'For In and Not In, separate values with commas',
					},
				],
			},
		],
	},
	{
		displayName: 'Search Body (JSON)',
		name: 'searchJson',
		type: 'json',
		default:
			'{\n  "filterGroups": [{ "filters": [{ "propertyName": "domain", "operator": "EQ", "value": "acme.com" }] }]\n}',
		displayOptions: {
			show: { resource: RECORD_RESOURCES, operation: ['search'], searchMode: ['json'] },
		},
	},
	{
		displayName: 'Domain',
		name: 'domain',
		type: 'string',
		required: true,
		default: '={{ $json.domain }}',
		displayOptions: on(['upsert'], ['company']),
		description:
			'Website, URL or email of the company; normalized to its registrable domain (www.acme.com/x → acme.com). Free-mail domains go to the Errors output.',
	},
	{
		displayName: 'Match Companies By',
		name: 'upsertMode',
		type: 'options',
		options: [
			{
				name: 'Domain Search',
				value: 'search',
				description:
					'Search the domain property, then create or update. Needs no setup; concurrent runs may duplicate.',
			},
			{
				name: 'Unique Domain Key',
				value: 'uniqueKey',
				description:
					'Upsert on a unique property holding the normalized domain. Concurrent runs cannot duplicate.',
			},
		],
		default: 'search',
		displayOptions: on(['upsert'], ['company']),
	},
	{
		displayName: 'Domain Key Property',
		name: 'keyProperty',
		type: 'string',
		required: true,
		default: 'revops_domain_key',
		displayOptions: { show: { resource: ['company'], operation: ['upsert', 'createKeyProperty'] } },
		description:
			'Internal name of the unique company property (create it with the Create Domain Key Property operation)',
	},
	{
		displayName: 'Email',
		name: 'email',
		type: 'string',
		placeholder: 'name@email.com',
		required: true,
		default: '={{ $json.email }}',
		displayOptions: on(['upsert'], ['contact']),
		description: 'The contact is matched by this email, case-insensitively',
	},
	{
		displayName: 'Associate With Company',
		name: 'associateWithCompany',
		type: 'options',
		options: [
			{
				name: 'By Company Domain',
				value: 'companyDomain',
				description: 'Find the company by its domain',
			},
			{
				name: 'By Company ID',
				value: 'companyId',
				description: 'E.g. the ID a company upsert before this node returned.',
			},
			{ name: 'No', value: 'none' },
		],
		default: 'none',
		displayOptions: on(['upsert'], ['contact']),
	},
	{
		displayName: 'Company ID',
		name: 'companyId',
		type: 'string',
		default: '={{ $json.companyId }}',
		displayOptions: {
			show: { resource: ['contact'], operation: ['upsert'], associateWithCompany: ['companyId'] },
		},
	},
	{
		displayName: 'Company Domain',
		name: 'companyDomain',
		type: 'string',
		default: '={{ $json.domain }}',
		displayOptions: {
			show: {
				resource: ['contact'],
				operation: ['upsert'],
				associateWithCompany: ['companyDomain'],
			},
		},
		description: 'Normalized like the company upsert does, then looked up in HubSpot',
	},
	{
		displayName: 'Unique Property Name or ID',
		name: 'idProperty',
		type: 'options',
		typeOptions: {
			loadOptionsMethod: 'getUniqueProperties',
			loadOptionsDependsOn: ['resource', 'customObjectType'],
		},
		required: true,
		default: '',
		displayOptions: on(['upsert'], ['deal', 'customObject']),
		description:
			'A property with unique values to match records by. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	{
		displayName: 'Unique Value',
		name: 'idValue',
		type: 'string',
		required: true,
		default: '',
		displayOptions: on(['upsert'], ['deal', 'customObject']),
	},
	{
		displayName: 'Properties',
		name: 'propertiesMode',
		type: 'options',
		options: [
			{
				name: 'Map Input Fields',
				value: 'mapInput',
				description:
					'Item fields named like a HubSpot property are written; other fields are ignored',
			},
			{ name: 'Define Below', value: 'define', description: 'Set each property' },
		],
		default: 'mapInput',
		displayOptions: on(['create', 'update', 'upsert']),
	},
	{
		displayName: 'Property Values',
		name: 'propertyValues',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Property',
		default: {},
		displayOptions: {
			show: {
				resource: RECORD_RESOURCES,
				operation: ['create', 'update', 'upsert'],
				propertiesMode: ['define'],
			},
		},
		options: [
			{
				displayName: 'Property',
				name: 'values',
				values: [
					{
						displayName: 'Property Name or ID',
						name: 'name',
						type: 'options',
						typeOptions: {
							loadOptionsMethod: 'getWritableProperties',
							loadOptionsDependsOn: ['resource', 'customObjectType'],
						},
						default: '',
						description:
							'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
					},
					{ displayName: 'Value', name: 'value', type: 'string', default: '' },
				],
			},
		],
	},
	{
		displayName: 'Update Policy',
		name: 'updatePolicy',
		type: 'options',
		options: [
			{ name: 'Overwrite', value: 'overwrite', description: 'Write every non-empty value' },
			{
				name: 'Only Fill Empty Fields',
				value: 'fillEmpty',
				description: 'Never change a value HubSpot already has',
			},
			{
				name: 'Last Write Wins',
				value: 'lastWriteWins',
				description: 'Skip properties changed in HubSpot after the row timestamp',
			},
		],
		default: 'overwrite',
		displayOptions: on(['update', 'upsert']),
		description:
			'What to do with values HubSpot already holds. Empty input values are never sent unless Send Empty Values is on.',
	},
	{
		displayName: 'Row Timestamp',
		name: 'rowTimestamp',
		type: 'string',
		default: '={{ $json.updatedAt }}',
		displayOptions: {
			show: {
				resource: RECORD_RESOURCES,
				operation: ['update', 'upsert'],
				updatePolicy: ['lastWriteWins'],
			},
		},
		description:
			'When the item data was produced (ISO 8601 or epoch ms); HubSpot values changed later are kept',
	},
];
