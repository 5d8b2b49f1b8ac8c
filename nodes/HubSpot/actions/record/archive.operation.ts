// Delete records: HubSpot's batch archive (100 per call), which moves them to the recycle bin,
// where they can be restored for 90 days. HubSpot answers 204 for the whole batch, ids that do not
// exist included.
import type { INodeProperties } from 'n8n-workflow';
import { chunk } from '../../../shared/upsert';
import { archiveBatch } from '../../api/records';
import { recordIdFields, type RecordLocatorSpec } from '../common/fields.description';
import { locatedRows } from '../common/recordLocator';
import type { Run } from '../common/run';

export function describe(spec: RecordLocatorSpec): INodeProperties[] {
	return recordIdFields(spec);
}

export const description = describe({ displayName: 'Record', noun: 'record' });

export async function execute(run: Run): Promise<void> {
	const rows = await locatedRows(run);
	for (const batch of chunk(rows, run.options.batchSize)) {
		const valid = batch.filter((row) => /^\d+$/.test(row.id));
		for (const row of batch) {
			if (!valid.includes(row))
				run.out.fail(row.index, {
					message: `'${row.id}' is not a HubSpot record id`,
					category: 'INVALID_INPUT',
				});
		}
		const action = run.options.dryRun ? 'wouldArchive' : 'archived';
		if (!run.options.dryRun && valid.length) {
			try {
				await archiveBatch(run.client, run.objectType, [...new Set(valid.map((row) => row.id))]);
			} catch (error) {
				run.out.failCall(
					valid.map((row) => row.index),
					error,
				);
				continue;
			}
		}
		for (const row of valid)
			run.out.succeed(row.index, { id: row.id, action, objectType: run.objectType });
	}
}
