// Create one record per item with batch create (100 per call). Each input carries its item index
// as objectWriteTraceId, so a 207 answer fails only the inputs HubSpot rejected.
import type { IDataObject } from 'n8n-workflow';
import { chunk, isBlank, toPropertyValue } from '../../../shared/crm';
import { propertyReader } from '../../helpers/itemProperties';
import type { Run } from '../../helpers/run';
import { readPerItem } from '../../helpers/run';
import { postBatch } from '../../transport/batch';

export async function create(run: Run): Promise<void> {
	const read = await propertyReader(run);
	const rows = readPerItem(run, (index) => {
		const properties: Record<string, string> = {};
		for (const [name, value] of Object.entries(read(index))) {
			if (!isBlank(value) || run.options.sendEmpty) properties[name] = toPropertyValue(value);
		}
		return properties;
	});
	for (const batch of chunk(rows, run.options.batchSize)) {
		if (run.options.dryRun) {
			for (const { index, value } of batch)
				run.out.succeed(index, {
					action: 'wouldCreate',
					objectType: run.objectType,
					wouldWrite: value,
				});
			continue;
		}
		const outcome = await postBatch(run.client, {
			path: `/crm/v3/objects/${encodeURIComponent(run.objectType)}/batch/create`,
			inputs: batch.map(({ index, value }) => ({
				trace: String(index),
				input: { properties: value },
			})),
		});
		for (const { index } of batch) {
			const result = outcome.results.get(String(index));
			if (result)
				run.out.succeed(index, {
					...result,
					action: 'created',
					objectType: run.objectType,
				} as IDataObject);
			else run.out.fail(index, outcome.failures.get(String(index))!);
		}
	}
}
