import { defineResource } from '../common/resource';
import * as create from './create.operation';
import * as list from './list.operation';
import * as remove from './remove.operation';

export const association = defineResource(
	'association',
	{},
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		description: 'What to do with associations (links between records)',
		options: [
			{
				name: 'Create',
				value: 'create',
				description: 'Associate records (default or labelled)',
				action: 'Create associations',
			},
			{
				name: 'List',
				value: 'list',
				description: "List a record's associations",
				action: 'List associations',
			},
			{
				name: 'Remove',
				value: 'remove',
				description: 'Remove associations between records',
				action: 'Remove associations',
			},
		],
		default: 'create',
	},
	{ create, remove, list },
);
