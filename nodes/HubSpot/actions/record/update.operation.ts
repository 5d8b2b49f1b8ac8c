// Update records by id with batch update, applying the update policy (overwrite, fill empty,
// last write wins). Items naming the same record are merged into one write.
import type { INodeProperties } from 'n8n-workflow';
import { propertyFields, recordIdField, updatePolicyFields } from '../common/fields.description';
import { uniqueValueKey } from '../../../shared/upsert';
import { itemParameter } from '../common/parameters';
import type { Run } from '../common/run';
import { collectGroups } from '../upsert/groups';
import { upsertByProperty } from '../upsert/byUniqueProperty';

export const description: INodeProperties[] = [
	recordIdField,
	...propertyFields,
	...updatePolicyFields,
];

export async function execute(run: Run): Promise<void> {
	const recordId = itemParameter(run, 'recordId');
	const groups = await collectGroups(run, (index) => uniqueValueKey(recordId(index), 'record ID'));
	await upsertByProperty(run, groups, { endpoint: 'update' });
}
