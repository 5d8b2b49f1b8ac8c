// Create associations in batches (v4): default ones with associate/default, labelled ones with
// batch create and the label's category and type id.
import { associate, pairKey } from '../../crm/associations';
import type { Run } from '../../helpers/run';
import { groupPairs, pairJson, readPairs } from './pairs';

export async function create(run: Run): Promise<void> {
	for (const rows of groupPairs(readPairs(run))) {
		const { fromType, toType, label } = rows[0].value;
		if (run.options.dryRun) {
			for (const { index, value } of rows)
				run.out.succeed(index, pairJson('wouldAssociate', value));
			continue;
		}
		const outcome = await associate(
			run.client,
			fromType,
			toType,
			rows.map((row) => row.value),
			label,
			run.options.batchSize,
		);
		for (const { index, value } of rows) {
			const failure = outcome.failures.get(pairKey(value.fromId, value.toId));
			if (failure) run.out.fail(index, failure);
			else run.out.succeed(index, pairJson('associated', value));
		}
	}
}
