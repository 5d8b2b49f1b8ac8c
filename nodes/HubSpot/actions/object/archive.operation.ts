// Archive (delete) records by id with batch archive, 100 per call. HubSpot answers 204 for the
// whole batch, ids that do not exist included.
import { chunk } from '../../../shared/crm';
import { itemParameter } from '../../helpers/parameters';
import type { Run } from '../../helpers/run';
import { toFailure } from '../../transport/failure';

export async function archive(run: Run): Promise<void> {
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
				await run.client.request({
					method: 'POST',
					path: `/crm/v3/objects/${encodeURIComponent(run.objectType)}/batch/archive`,
					body: { inputs: [...new Set(valid.map((row) => row.id))].map((id) => ({ id })) },
				});
			} catch (error) {
				const failure = toFailure(error);
				run.out.failAll(
					valid.map((row) => row.index),
					failure,
				);
				continue;
			}
		}
		for (const row of valid)
			run.out.succeed(row.index, { id: row.id, action, objectType: run.objectType });
	}
}
