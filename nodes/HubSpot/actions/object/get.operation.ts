// Get records by id (or by a unique property) with batch read: 100 items per call.
import type { IDataObject } from 'n8n-workflow';
import { chunk } from '../../../shared/crm';
import { itemParameter } from '../../helpers/parameters';
import type { Run } from '../../helpers/run';
import { toFailure } from '../../transport/failure';
import { propertiesToReturn } from './returnedProperties';

export async function get(run: Run): Promise<void> {
	const idProperty = (run.rawOptions.idProperty as string | undefined) || undefined;
	const recordId = itemParameter(run, 'recordId');
	const rows = run.items.map((_, index) => ({ index, id: String(recordId(index) ?? '').trim() }));
	const chosen = propertiesToReturn(run);
	// The id property must come back to match records to items; an empty list means HubSpot's defaults.
	const properties = chosen.length && idProperty ? [...new Set([...chosen, idProperty])] : chosen;
	for (const batch of chunk(rows, run.options.batchSize)) {
		const ids = [...new Set(batch.map((row) => row.id).filter(Boolean))];
		const found = new Map<string, IDataObject>();
		try {
			const { body } = await run.client.request<{ results?: IDataObject[] }>({
				method: 'POST',
				path: `/crm/v3/objects/${encodeURIComponent(run.objectType)}/batch/read`,
				body: {
					inputs: ids.map((id) => ({ id })),
					...(properties.length ? { properties } : {}),
					...(idProperty ? { idProperty } : {}),
				},
			});
			for (const record of body.results ?? []) {
				const key = idProperty ? (record.properties as IDataObject)?.[idProperty] : record.id;
				found.set(String(key ?? '').toLowerCase(), record);
			}
		} catch (error) {
			const failure = toFailure(error);
			run.out.failAll(
				batch.map((row) => row.index),
				failure,
			);
			continue;
		}
		for (const { index, id } of batch) {
			const record = found.get(id.toLowerCase());
			if (record) run.out.succeed(index, record);
			else
				run.out.fail(index, {
					message: `No ${run.objectType} record ${id || '(empty id)'}`,
					category: 'OBJECT_NOT_FOUND',
				});
		}
	}
}
