// Create one record per item with batch create (100 per call). Each input carries its item index
// as objectWriteTraceId, so a 207 answer fails only the inputs HubSpot rejected.
import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { chunk, isBlank, toPropertyValue } from '../../../shared/upsert';
import { writeBatch } from '../../api/records';
import { propertyFields } from '../common/fields.description';
import { propertyReader } from '../common/itemProperties';
import { readPerItem, type Run } from '../common/run';

export const description: INodeProperties[] = propertyFields('create');

export async function execute(run: Run): Promise<void> {
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
		let outcome;
		try {
			outcome = await writeBatch(
				run.client,
				run.objectType,
				'create',
				batch.map(({ index, value }) => ({ trace: String(index), input: { properties: value } })),
			);
		} catch (error) {
			run.out.failCall(
				batch.map(({ index }) => index),
				error,
			);
			continue;
		}
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
