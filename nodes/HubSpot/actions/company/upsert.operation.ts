// Company upsert by domain. Each row's domain is normalized to its registrable domain (free-mail
// and unusable domains go to Rejected), rows of one company are merged, and the companies are
// written in batches: by search-then-create/update, or (unique-key mode) by batch upsert on a
// property with unique values that holds the normalized domain.
import type { INodeProperties } from 'n8n-workflow';
import { companyKey } from '../../../shared/upsert';
import { propertyFields, updatePolicyFields } from '../common/fields.description';
import { itemParameter, runParameter } from '../common/parameters';
import type { Run } from '../common/run';
import { collectGroups } from '../upsert/groups';
import { upsertByProperty } from '../upsert/byUniqueProperty';
import { upsertCompaniesBySearch } from '../upsert/companiesBySearch';
import { keyPropertyField } from './createKeyProperty.operation';

export const description: INodeProperties[] = [
	{
		displayName: 'Domain',
		name: 'domain',
		type: 'string',
		required: true,
		default: '={{ $json.domain }}',
		description:
			'Website, URL or email of the company; normalized to its registrable domain (www.acme.com/x → acme.com). Free-mail domains go to the Rejected output.',
	},
	{
		displayName: 'Match Companies By',
		name: 'upsertMode',
		type: 'options',
		options: [
			{
				name: 'Domain Search',
				value: 'search',
				description:
					'Search the domain property, then create or update. Needs no setup; concurrent runs may duplicate.',
			},
			{
				name: 'Unique Domain Key',
				value: 'uniqueKey',
				description:
					'Upsert on a unique property holding the normalized domain. Concurrent runs cannot duplicate.',
			},
		],
		default: 'search',
		description:
			'How a row finds its company. Domain Search needs no setup; Unique Domain Key cannot create duplicates, even across concurrent executions.',
	},
	{
		displayName:
			'Needs the unique domain key property: run Company → Create Domain Key Property once. Companies created elsewhere (HubSpot, imports, other tools) have no key until you backfill it, so they are not matched and get a duplicate.',
		name: 'uniqueKeyNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { upsertMode: ['uniqueKey'] } },
	},
	{ ...keyPropertyField, displayOptions: { show: { upsertMode: ['uniqueKey'] } } },
	...propertyFields('upsert'),
	...updatePolicyFields,
];

export async function execute(run: Run): Promise<void> {
	const domain = itemParameter(run, 'domain');
	const groups = await collectGroups(run, (index) => companyKey(domain(index)));
	// The normalized domain is what HubSpot stores, whatever form the row gave it in.
	for (const group of groups) group.desired.domain = group.key;
	if (runParameter<string>(run, 'upsertMode', 'search') === 'uniqueKey') {
		const keyProperty = runParameter(run, 'keyProperty', 'revops_domain_key');
		for (const group of groups) delete group.desired[keyProperty];
		await upsertByProperty(run, groups, { endpoint: 'upsert', idProperty: keyProperty });
		return;
	}
	await upsertCompaniesBySearch(run, groups);
}
