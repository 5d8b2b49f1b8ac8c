// Fields several record operations show, declared once; each operation lists the ones it uses.
// Fields that changed type in version 2 exist twice, one per version (`@version` display option):
// workflows saved with version 1 keep their parameters and behaviour.
import type { DisplayCondition, INodeProperties } from 'n8n-workflow';
import { RECORD_URL_REGEX } from './recordLocator';

/** Display option: only on node version 1 (workflows saved before version 2). */
export const VERSION_1: { '@version': number[] } = { '@version': [1] };
/** Display option: node version 2 and later. */
export const VERSION_2_ON: { '@version': DisplayCondition[] } = {
	'@version': [{ _cnd: { gte: 2 } }],
};

/** Version 1's Record ID: a string. */
export const recordIdField: INodeProperties = {
	displayName: 'Record ID',
	name: 'recordId',
	type: 'string',
	required: true,
	default: '',
	displayOptions: { show: VERSION_1 },
	description: 'HubSpot record ID (or, for Get, the value of the ID Property option)',
};

/** Which record a resource's locator names, and how else than by ID and URL it can be found. */
export interface RecordLocatorSpec {
	/** The field's name in the editor: Company, Contact, Deal, Record. */
	displayName: string;
	/** Lower case, for descriptions: company, contact, deal, record. */
	noun: string;
	/** Companies can be named by domain, contacts by email (looked up with a search). */
	lookup?: 'domain' | 'email';
}

/** Version 2's record: a resource locator by ID, by URL and, for companies and contacts, by domain or email. */
export function recordLocatorField(spec: RecordLocatorSpec): INodeProperties {
	const lookups: Record<string, string> = {
		domain:
			', or by domain (normalized like Create or Update does, then searched; of several companies with that domain, the oldest)',
		email: ', or by email (searched, case-insensitively)',
	};
	return {
		displayName: spec.displayName,
		name: 'recordId',
		type: 'resourceLocator',
		required: true,
		default: { mode: 'id', value: '' },
		displayOptions: { show: VERSION_2_ON },
		description: `The HubSpot ${spec.noun}: by ID, by its URL in HubSpot${spec.lookup ? lookups[spec.lookup] : ''}`,
		modes: [
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: '987654321',
				hint: 'The record ID; for Get with the ID Property option, that property’s value',
			},
			{
				displayName: 'By URL',
				name: 'url',
				type: 'string',
				placeholder: 'https://app.hubspot.com/contacts/123456/record/0-2/987654321',
				extractValue: { type: 'regex', regex: RECORD_URL_REGEX },
				validation: [
					{
						type: 'regex',
						properties: {
							regex: RECORD_URL_REGEX,
							errorMessage: `Not a HubSpot ${spec.noun} URL (open the ${spec.noun} in HubSpot and copy the address)`,
						},
					},
				],
			},
			...(spec.lookup === 'domain'
				? [
						{
							displayName: 'By Domain',
							name: 'domain',
							type: 'string' as const,
							placeholder: 'acme.com',
							hint: 'Website, URL or domain; the company is found by its normalized domain',
						},
					]
				: []),
			...(spec.lookup === 'email'
				? [
						{
							displayName: 'By Email',
							name: 'email',
							type: 'string' as const,
							placeholder: 'name@email.com',
							hint: 'The contact is found by this email, case-insensitively',
						},
					]
				: []),
		],
	};
}

/** Record ID on version 1, the record locator on version 2. */
export function recordIdFields(spec: RecordLocatorSpec): INodeProperties[] {
	return [recordIdField, recordLocatorField(spec)];
}

/** Return All, and Limit when it is off. */
export const limitFields: INodeProperties[] = [
	{
		displayName: 'Return All',
		name: 'returnAll',
		type: 'boolean',
		default: false,
		description: 'Whether to return all results or only up to a given limit',
	},
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 50,
		displayOptions: { show: { returnAll: [false] } },
		description: 'Max number of results to return',
	},
];

export type PropertyWrite = 'create' | 'update' | 'upsert';

const VALUES_LABEL: Record<PropertyWrite, string> = {
	create: 'Properties to Set',
	update: 'Properties to Update',
	upsert: 'Properties to Write',
};

/** Where the written property values come from: the item's fields, or set one by one. */
export function propertyFields(write: PropertyWrite): INodeProperties[] {
	return [
		{
			displayName: 'Properties',
			name: 'propertiesMode',
			type: 'options',
			options: [
				{
					name: 'Map Input Fields',
					value: 'mapInput',
					description:
						'Item fields named like a HubSpot property (internal name) are written; other fields are ignored',
				},
				{
					name: 'Define Below',
					value: 'define',
					description: 'Choose the properties and set each value (fixed or an expression)',
				},
			],
			default: 'mapInput',
			description:
				'Where the property values come from. Map Input Fields suits Clay or database rows whose columns are named like HubSpot properties.',
		},
		{
			displayName: 'Property Values',
			name: 'propertyValues',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true },
			placeholder: 'Add Property',
			default: {},
			displayOptions: { show: { propertiesMode: ['define'], ...VERSION_1 } },
			description: 'The properties to write and their values',
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
						{
							displayName: 'Value',
							name: 'value',
							type: 'string',
							default: '',
							description:
								'The value to write; empty values are not sent unless Send Empty Values is on. Dates as ISO 8601 or epoch ms, multiple checkbox values separated by semicolons.',
						},
					],
				},
			],
		},
		{
			displayName: 'Property Values',
			name: 'propertyMapping',
			type: 'resourceMapper',
			noDataExpression: true,
			default: { mappingMode: 'defineBelow', value: null },
			displayOptions: { show: { propertiesMode: ['define'], ...VERSION_2_ON } },
			description:
				"The properties to write, loaded from your portal's schema (read-only properties are left out). Empty values are not sent unless Send Empty Values is on.",
			typeOptions: {
				loadOptionsDependsOn: ['resource', 'customObjectType'],
				resourceMapper: {
					resourceMapperMethod: 'getPropertyMapping',
					// The record is matched by its own fields (Record, Domain, Email, Unique Property), so
					// no "columns to match on": every mode lists the properties to send.
					mode: 'add',
					valuesLabel: VALUES_LABEL[write],
					fieldWords: { singular: 'property', plural: 'properties' },
					addAllFields: false,
					supportAutoMap: false,
					noFieldsError: 'No writable properties found for this object type',
				},
			},
		},
	];
}

/** What a write does with values HubSpot already holds. */
export const updatePolicyFields: INodeProperties[] = [
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
		description:
			'What to do with values HubSpot already holds. Empty input values are never sent unless Send Empty Values is on.',
	},
	{
		displayName:
			'This policy reads the current values of the records before writing: one extra read call per 100 records',
		name: 'updatePolicyNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { updatePolicy: ['fillEmpty', 'lastWriteWins'] } },
	},
	{
		displayName: 'Row Timestamp',
		name: 'rowTimestamp',
		type: 'string',
		default: '={{ $json.updatedAt }}',
		displayOptions: { show: { updatePolicy: ['lastWriteWins'] } },
		description:
			'When the item data was produced (ISO 8601 or epoch ms); HubSpot values changed later are kept',
	},
];
