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
		options: recordOperationOptions('records', 'Upsert records'),
		default: 'create',
	},
	recordOperations,
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
