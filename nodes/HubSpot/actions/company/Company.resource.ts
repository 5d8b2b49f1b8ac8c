import { defineResource, recordOperationOptions } from '../common/resource';
import { recordOperations } from '../record/operations';
import * as createKeyProperty from './createKeyProperty.operation';
import * as upsert from './upsert.operation';

export const company = defineResource(
	'company',
	{ objectType: 'companies' },
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		description: 'What to do with HubSpot companies',
		options: recordOperationOptions('companies', 'Upsert companies by domain', [
			{
				name: 'Create Domain Key Property',
				value: 'createKeyProperty',
				description: 'Create the unique company property that unique-key upserts use',
				action: 'Create the domain key property',
			},
		]),
		default: 'upsert',
	},
	{
		...recordOperations({ displayName: 'Company', noun: 'company', lookup: 'domain' }),
		upsert,
		createKeyProperty,
	},
);
