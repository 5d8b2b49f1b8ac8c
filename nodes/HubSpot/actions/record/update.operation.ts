// Update records by id with batch update, applying the update policy (overwrite, fill empty,
// last write wins). Items naming the same record are merged into one write. Records named by URL,
// domain or email are located first (see recordLocator.ts).
import type { INodeProperties } from 'n8n-workflow';
import {
	propertyFields,
	recordIdFields,
	updatePolicyFields,
	type RecordLocatorSpec,
} from '../common/fields.description';
import { uniqueValueKey } from '../../../shared/upsert';
import { locateRecords } from '../common/recordLocator';
import type { Run } from '../common/run';
import { ANSWERED, collectGroups } from '../upsert/groups';
import { upsertByProperty } from '../upsert/byUniqueProperty';

export function describe(spec: RecordLocatorSpec): INodeProperties[] {
	return [...recordIdFields(spec), ...propertyFields('update'), ...updatePolicyFields];
}

export const description = describe({ displayName: 'Record', noun: 'record' });

export async function execute(run: Run): Promise<void> {
	const located = await locateRecords(run);
	const groups = await collectGroups(run, (index) => {
		const outcome = located.get(index);
		if (!outcome) return ANSWERED;
		return 'key' in outcome ? uniqueValueKey(outcome.key, 'record ID') : outcome;
	});
	await upsertByProperty(run, groups, { endpoint: 'update' });
}
