// Archive (delete) records by id with batch archive, 100 per call. HubSpot answers 204 for the
// whole batch, ids that do not exist included.
import type { INodeProperties } from 'n8n-workflow';
import { chunk } from '../../../shared/upsert';
import { archiveBatch } from '../../api/records';
import { recordIdField } from '../common/fields.description';
import { itemParameter } from '../common/parameters';
import type { Run } from '../common/run';

export const description: INodeProperties[] = [recordIdField];

export async function execute(run: Run): Promise<void> {
	const recordId = itemParameter(run, 'recordId');
	const rows = run.items.map((_, index) => ({ index, id: String(recordId(index) ?? '').trim() }));
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
