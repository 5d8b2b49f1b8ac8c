import { defineResource, recordOperationOptions } from '../common/resource';
import { recordOperations } from '../record/operations';

export const customObject = defineResource(
	'customObject',
	{ objectTypeParameter: 'customObjectType' },
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		description: 'What to do with records of a custom object type',
		options: recordOperationOptions('records', 'Upsert records'),
		default: 'create',
	},
	recordOperations({ displayName: 'Record', noun: 'record' }),
	[
		{
			displayName: 'Custom Object Type Name or ID',
			name: 'customObjectType',
			type: 'options',
			typeOptions: { loadOptionsMethod: 'getCustomObjectTypes' },
			required: true,
			default: '',
			description:
				'The custom object type (its ID looks like 2-1234567). Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		},
	],
);
