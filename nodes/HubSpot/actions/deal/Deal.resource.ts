import { defineResource, recordOperationOptions } from '../common/resource';
import { recordOperations } from '../record/operations';

export const deal = defineResource(
	'deal',
	{ objectType: 'deals' },
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		description: 'What to do with HubSpot deals',
		options: recordOperationOptions('deals', 'Upsert deals'),
		default: 'create',
	},
	recordOperations({ displayName: 'Deal', noun: 'deal' }),
);
