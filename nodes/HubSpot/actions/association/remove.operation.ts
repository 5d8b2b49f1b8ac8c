// Remove associations in batches (v4 batch archive: every association between each pair).
import { chunk } from '../../../shared/crm';
import type { Run } from '../../helpers/run';
import { toFailure } from '../../transport/failure';
import { groupPairs, pairJson, readPairs } from './pairs';

export async function remove(run: Run): Promise<void> {
	for (const group of groupPairs(readPairs(run))) {
		const { fromType, toType } = group[0].value;
		for (const rows of chunk(group, run.options.batchSize)) {
			if (!run.options.dryRun) {
				try {
					await run.client.request({
						method: 'POST',
						path: `/crm/v4/associations/${encodeURIComponent(fromType)}/${encodeURIComponent(toType)}/batch/archive`,
						body: {
							inputs: rows.map(({ value }) => ({
								from: { id: value.fromId },
								to: [{ id: value.toId }],
							})),
						},
					});
				} catch (error) {
					const failure = toFailure(error);
					run.out.failAll(
						rows.map((row) => row.index),
						failure,
					);
					continue;
				}
			}
			const action = run.options.dryRun ? 'wouldRemove' : 'removed';
			for (const { index, value } of rows) run.out.succeed(index, pairJson(action, value));
		}
	}
}
