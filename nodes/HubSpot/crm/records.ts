// Reads the current state of records before writing, for the update policies (fill empty, last
// write wins) and dry runs: batch read by id or by a unique property, with property history when
// change times are needed.
import type { IDataObject } from 'n8n-workflow';
import { changedAtFromHistory, chunk, type ExistingValues } from '../../shared/crm';
import type { HubSpotClient } from '../transport/client';

export interface ExistingRecord extends ExistingValues {
	id: string;
}

export interface ReadRequest {
	objectType: string;
	/** Record ids, or values of `idProperty`. */
	ids: readonly string[];
	idProperty?: string;
	properties: readonly string[];
	withHistory: boolean;
	batchSize: number;
}

export function toExisting(record: IDataObject): ExistingRecord {
	const history = record.propertiesWithHistory as
		| Record<string, Array<{ timestamp?: string }>>
		| undefined;
	return {
		id: String(record.id),
		properties: (record.properties as Record<string, string | null>) ?? {},
		...(history ? { changedAt: changedAtFromHistory(history) } : {}),
	};
}

/** Existing records keyed by id (or lowercased idProperty value); missing ones are simply absent. */
export async function readExisting(
	client: HubSpotClient,
	request: ReadRequest,
): Promise<Map<string, ExistingRecord>> {
	const existing = new Map<string, ExistingRecord>();
	const properties = [
		...new Set([...(request.idProperty ? [request.idProperty] : []), ...request.properties]),
	];
	for (const ids of chunk(request.ids, request.batchSize)) {
		const { body } = await client.request<{ results?: IDataObject[] }>({
			method: 'POST',
			path: `/crm/v3/objects/${encodeURIComponent(request.objectType)}/batch/read`,
			body: {
				inputs: ids.map((id) => ({ id })),
				properties,
				...(request.withHistory ? { propertiesWithHistory: request.properties } : {}),
				...(request.idProperty ? { idProperty: request.idProperty } : {}),
			},
		});
		for (const record of body.results ?? []) {
			const found = toExisting(record);
			const key = request.idProperty
				? String(found.properties[request.idProperty] ?? '').toLowerCase()
				: found.id;
			existing.set(key, found);
		}
	}
	return existing;
}
