// Upsert by any property with unique values (deals, custom objects): batch upsert, HubSpot creates
// or updates atomically per value.
import type { INodeProperties } from 'n8n-workflow';
import { propertyFields, updatePolicyFields } from '../common/fields.description';
import { uniqueValueKey } from '../../../shared/upsert';
import { itemParameter, runParameter } from '../common/parameters';
import type { Run } from '../common/run';
import { collectGroups } from '../upsert/groups';
import { upsertByProperty } from '../upsert/byUniqueProperty';

export const description: INodeProperties[] = [
	{
		displayName: 'Unique Property Name or ID',
		name: 'idProperty',
		type: 'options',
		typeOptions: {
			loadOptionsMethod: 'getUniqueProperties',
			loadOptionsDependsOn: ['resource', 'customObjectType'],
		},
		required: true,
		default: '',
		description:
			'A property with unique values to match records by. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	{
		displayName: 'Unique Value',
		name: 'idValue',
		type: 'string',
		required: true,
		default: '',
		description:
			"The item's value of the unique property: a record holding it is updated, otherwise one is created",
	},
	...propertyFields('upsert'),
	...updatePolicyFields,
];

export async function execute(run: Run): Promise<void> {
	const idProperty = runParameter(run, 'idProperty', '');
	const idValue = itemParameter(run, 'idValue');
	const groups = await collectGroups(run, (index) => uniqueValueKey(idValue(index), idProperty));
	for (const group of groups) delete group.desired[idProperty];
	await upsertByProperty(run, groups, { endpoint: 'upsert', idProperty });
}
