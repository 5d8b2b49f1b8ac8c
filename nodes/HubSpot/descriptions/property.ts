import type { INodeProperties } from 'n8n-workflow';

const show = { show: { resource: ['property'], operation: ['create'] } };

export const propertyProperties: INodeProperties[] = [
	{
		displayName: 'Name',
		name: 'propertyName',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'clay_enriched_at',
		displayOptions: show,
		description: 'Internal name: lowercase letters, digits and underscores',
	},
	{
		displayName: 'Label',
		name: 'propertyLabel',
		type: 'string',
		default: '',
		displayOptions: show,
	},
	{
		displayName: 'Field Type',
		name: 'propertyFieldType',
		type: 'options',
		options: [
			{ name: 'Checkbox', value: 'checkbox' },
			{ name: 'Date', value: 'date' },
			{ name: 'Date and Time', value: 'datetime' },
			{ name: 'Multi-Line Text', value: 'textarea' },
			{ name: 'Number', value: 'number' },
			{ name: 'Text', value: 'text' },
		],
		default: 'text',
		displayOptions: show,
	},
	{
		displayName: 'Unique Values',
		name: 'hasUniqueValue',
		type: 'boolean',
		default: false,
		displayOptions: show,
		description:
			'Whether HubSpot enforces unique values (cannot be changed later); enables upserts on this property',
	},
	{
		displayName: 'Options',
		name: 'propertyOptions',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: show,
		options: [
			{ displayName: 'Description', name: 'description', type: 'string', default: '' },
			{
				displayName: 'Group Name',
				name: 'groupName',
				type: 'string',
				default: '',
				description: 'Property group; default the object type’s "… information" group',
			},
		],
	},
];
