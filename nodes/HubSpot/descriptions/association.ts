import type { INodeProperties } from 'n8n-workflow';

const show = (operation: string[]) => ({ show: { resource: ['association'], operation } });

const objectTypeField = (name: string, displayName: string, fallback: string): INodeProperties => ({
	displayName,
	name,
	type: 'options',
	typeOptions: { loadOptionsMethod: 'getObjectTypes' },
	default: fallback,
	displayOptions: show(['create', 'remove', 'list']),
	description:
		'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
});

export const associationProperties: INodeProperties[] = [
	objectTypeField('fromObjectType', 'From Object Type Name or ID', 'contacts'),
	{
		displayName: 'From ID',
		name: 'fromId',
		type: 'string',
		required: true,
		default: '',
		displayOptions: show(['create', 'remove', 'list']),
	},
	objectTypeField('toObjectType', 'To Object Type Name or ID', 'companies'),
	{
		displayName: 'To ID',
		name: 'toId',
		type: 'string',
		required: true,
		default: '',
		displayOptions: show(['create', 'remove']),
	},
	{
		displayName: 'Association Type',
		name: 'associationKind',
		type: 'options',
		options: [
			{
				name: 'Default',
				value: 'default',
				description: "HubSpot's primary association between the two types",
			},
			{
				name: 'Labelled',
				value: 'labelled',
				description: 'A specific association type ID (label)',
			},
		],
		default: 'default',
		displayOptions: show(['create']),
	},
	{
		displayName: 'Association Category',
		name: 'associationCategory',
		type: 'options',
		options: [
			{ name: 'HubSpot Defined', value: 'HUBSPOT_DEFINED' },
			{ name: 'User Defined', value: 'USER_DEFINED' },
			{ name: 'Integrator Defined', value: 'INTEGRATOR_DEFINED' },
		],
		default: 'HUBSPOT_DEFINED',
		displayOptions: {
			show: { resource: ['association'], operation: ['create'], associationKind: ['labelled'] },
		},
	},
	{
		displayName: 'Association Type ID',
		name: 'associationTypeId',
		type: 'number',
		default: 279,
		displayOptions: {
			show: { resource: ['association'], operation: ['create'], associationKind: ['labelled'] },
		},
		description:
			'E.g. 279 contact → company, 280 company → contact, 1 primary company of a contact.',
	},
];
