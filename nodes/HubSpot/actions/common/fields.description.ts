// Fields several record operations show, declared once; each operation lists the ones it uses.
import type { INodeProperties } from 'n8n-workflow';

export const recordIdField: INodeProperties = {
	displayName: 'Record ID',
	name: 'recordId',
	type: 'string',
	required: true,
	default: '',
	description: 'HubSpot record ID (or, for Get, the value of the ID Property option)',
};

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

/** Where the written property values come from: the item's fields, or set one by one. */
export const propertyFields: INodeProperties[] = [
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
	},
	{
		displayName: 'Property Values',
		name: 'propertyValues',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Property',
		default: {},
		displayOptions: { show: { propertiesMode: ['define'] } },
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
];

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
		displayName: 'Row Timestamp',
		name: 'rowTimestamp',
		type: 'string',
		default: '={{ $json.updatedAt }}',
		displayOptions: { show: { updatePolicy: ['lastWriteWins'] } },
		description:
			'When the item data was produced (ISO 8601 or epoch ms); HubSpot values changed later are kept',
	},
];
