// Remove associations in batches (v4 batch archive: every association between each pair).
import type { INodeProperties } from 'n8n-workflow';
import { chunk } from '../../../shared/upsert';
import { removeAssociations } from '../../api/associations';
import type { Run } from '../common/run';
import { groupPairs, pairFields, pairJson, readPairs } from './pairs';

export const description: INodeProperties[] = pairFields(true);

export async function execute(run: Run): Promise<void> {
	for (const group of groupPairs(readPairs(run))) {
		const { fromType, toType } = group[0].value;
		for (const rows of chunk(group, run.options.batchSize)) {
			if (!run.options.dryRun) {
				try {
					await removeAssociations(
						run.client,
						fromType,
						toType,
						rows.map(({ value }) => value),
					);
				} catch (error) {
					run.out.failCall(
						rows.map((row) => row.index),
						error,
					);
					continue;
				}
			}
			const action = run.options.dryRun ? 'wouldRemove' : 'removed';
			for (const { index, value } of rows) run.out.succeed(index, pairJson(action, value));
		}
	}
}
