import { defineResource } from '../common/resource';
import * as create from './create.operation';
import * as list from './list.operation';

export const property = defineResource(
	'property',
	{ objectTypeParameter: 'propertyObjectType' },
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		description: 'What to do with property definitions (the fields records have)',
		options: [
			{
				name: 'Create',
				value: 'create',
				description: 'Create a property',
				action: 'Create a property',
			},
			{
				name: 'List',
				value: 'list',
				description: 'List the properties of an object type',
				action: 'List properties',
			},
		],
		default: 'list',
	},
	{ list, create },
	[
		{
			displayName: 'Object Type Name or ID',
			name: 'propertyObjectType',
			type: 'options',
			typeOptions: { loadOptionsMethod: 'getObjectTypes' },
			default: 'companies',
			description:
				'Whose properties. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		},
	],
);
