// Upsert by any property with unique values (deals, custom objects): batch upsert, HubSpot creates
// or updates atomically per value.
import { uniqueValueKey } from '../../../shared/crm';
import { itemParameter, runParameter } from '../../helpers/parameters';
import type { Run } from '../../helpers/run';
import { collectGroups } from '../common/groups';
import { upsertByProperty } from '../common/upsertByProperty';

export async function upsert(run: Run): Promise<void> {
	const idProperty = runParameter(run, 'idProperty', '');
	const idValue = itemParameter(run, 'idValue');
	const groups = await collectGroups(run, (index) => uniqueValueKey(idValue(index), idProperty));
	for (const group of groups) delete group.desired[idProperty];
	await upsertByProperty(run, groups, { endpoint: 'upsert', idProperty });
}
