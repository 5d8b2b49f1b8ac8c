// Company upsert by domain. Each row's domain is normalized to its registrable domain (free-mail
// and unusable domains go to Errors), rows of one company are merged, and the companies are
// written in batches: by search-then-create/update, or (unique-key mode) by batch upsert on a
// property with unique values that holds the normalized domain.
import { companyKey } from '../../../shared/crm';
import { itemParameter, runParameter } from '../../helpers/parameters';
import type { Run } from '../../helpers/run';
import { collectGroups } from '../common/groups';
import { upsertByProperty } from '../common/upsertByProperty';
import { upsertCompaniesBySearch } from './upsertBySearch';

export async function upsert(run: Run): Promise<void> {
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
