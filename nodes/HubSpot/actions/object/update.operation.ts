// Update records by id with batch update, applying the update policy (overwrite, fill empty,
// last write wins). Items naming the same record are merged into one write.
import { uniqueValueKey } from '../../../shared/crm';
import { itemParameter } from '../../helpers/parameters';
import type { Run } from '../../helpers/run';
import { collectGroups } from '../common/groups';
import { upsertByProperty } from '../common/upsertByProperty';

export async function update(run: Run): Promise<void> {
	const recordId = itemParameter(run, 'recordId');
	const groups = await collectGroups(run, (index) => uniqueValueKey(recordId(index), 'record ID'));
	await upsertByProperty(run, groups, { endpoint: 'update' });
}
