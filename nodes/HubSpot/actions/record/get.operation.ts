// Get records by id (or by a unique property, the ID Property option) with batch read: 100 items
// per call. Records named by URL, domain or email are located first (see recordLocator.ts).
import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { chunk } from '../../../shared/upsert';
import { readBatch } from '../../api/records';
import { recordIdFields, type RecordLocatorSpec } from '../common/fields.description';
import { locatedRows, recordMode } from '../common/recordLocator';
import { propertiesToReturn } from '../common/returnedProperties';
import type { Run } from '../common/run';

export function describe(spec: RecordLocatorSpec): INodeProperties[] {
	return recordIdFields(spec);
}

export const description = describe({ displayName: 'Record', noun: 'record' });

export async function execute(run: Run): Promise<void> {
	// The ID Property names what a record is given by when it is given By ID; the other modes yield ids.
	const idProperty =
		recordMode(run) === 'id'
			? (run.rawOptions.idProperty as string | undefined) || undefined
			: undefined;
	const rows = await locatedRows(run);
	const chosen = propertiesToReturn(run);
	// The id property must come back to match records to items; an empty list means HubSpot's defaults.
	const properties = chosen.length && idProperty ? [...new Set([...chosen, idProperty])] : chosen;
	for (const batch of chunk(rows, run.options.batchSize)) {
		const ids = [...new Set(batch.map((row) => row.id).filter(Boolean))];
		const found = new Map<string, IDataObject>();
		try {
			const records = await readBatch(run.client, run.objectType, {
				ids,
				...(properties.length ? { properties } : {}),
				idProperty,
			});
			for (const record of records) {
				const key = idProperty ? (record.properties as IDataObject)?.[idProperty] : record.id;
				found.set(String(key ?? '').toLowerCase(), record);
			}
		} catch (error) {
			run.out.failCall(
				batch.map((row) => row.index),
				error,
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
