import { defineResource, recordOperationOptions } from '../common/resource';
import { recordOperations } from '../record/operations';
import * as upsert from './upsert.operation';

export const contact = defineResource(
	'contact',
	{ objectType: 'contacts' },
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		description: 'What to do with HubSpot contacts',
		options: recordOperationOptions('contacts', 'Upsert contacts by email'),
		default: 'upsert',
	},
	{
		...recordOperations({ displayName: 'Contact', noun: 'contact', lookup: 'email' }),
		upsert,
	},
);
