// CRM Objects API (v3): one record type's list, batch read, batch writes and batch archive. Every
// path of this API is built here.
import type { IDataObject } from 'n8n-workflow';
import { changedAtFromHistory, chunk, type ExistingValues } from '../../shared/upsert';
import { postBatch, type BatchInput, type BatchOutcome } from '../transport/batch';
import type { HubSpotClient } from '../transport/client';
import { paginate, type Page } from './paginate';

const LIST_PAGE_SIZE = 100;

const objectsPath = (objectType: string) => `/crm/v3/objects/${encodeURIComponent(objectType)}`;

export type BatchWrite = 'create' | 'update' | 'upsert';

/** Batch create, update or upsert (100 inputs per call); see postBatch for how answers map back. */
export async function writeBatch(
	client: HubSpotClient,
	objectType: string,
	write: BatchWrite,
	inputs: BatchInput[],
	traceOf?: (result: IDataObject) => string | undefined,
): Promise<BatchOutcome> {
	return await postBatch(client, {
		path: `${objectsPath(objectType)}/batch/${write}`,
		inputs,
		traceOf,
	});
}

/** Batch read by record id, or by the values of a unique `idProperty`. */
export async function readBatch(
	client: HubSpotClient,
	objectType: string,
	body: {
		ids: readonly string[];
		properties?: readonly string[];
		propertiesWithHistory?: readonly string[];
		idProperty?: string;
	},
): Promise<IDataObject[]> {
	const { body: answer } = await client.request<{ results?: IDataObject[] }>({
		method: 'POST',
		path: `${objectsPath(objectType)}/batch/read`,
		body: {
			inputs: body.ids.map((id) => ({ id })),
			...(body.properties ? { properties: body.properties } : {}),
			...(body.propertiesWithHistory ? { propertiesWithHistory: body.propertiesWithHistory } : {}),
			...(body.idProperty ? { idProperty: body.idProperty } : {}),
		},
	});
	return answer.results ?? [];
}

/** Batch archive by record id; HubSpot answers 204 for the whole batch, unknown ids included. */
export async function archiveBatch(
	client: HubSpotClient,
	objectType: string,
	ids: readonly string[],
): Promise<void> {
	await client.request({
		method: 'POST',
		path: `${objectsPath(objectType)}/batch/archive`,
		body: { inputs: ids.map((id) => ({ id })) },
	});
}

/** The records of a type, page after page, up to `limit` (undefined = all); `archived`: the recycle bin's. */
export function listRecords(
	client: HubSpotClient,
	objectType: string,
	properties: readonly string[],
	limit?: number,
	archived = false,
): AsyncGenerator<IDataObject> {
	return paginate(
		async (after, pageLimit) =>
			(
				await client.request<Page>({
					method: 'GET',
					path: objectsPath(objectType),
					qs: {
						limit: pageLimit,
						...(after ? { after } : {}),
						...(properties.length ? { properties: properties.join(',') } : {}),
						...(archived ? { archived: true } : {}),
					},
				})
			).body,
		LIST_PAGE_SIZE,
		limit,
	);
}

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

/**
 * The current state of records before writing, for the update policies (fill empty, last write wins)
 * and dry runs. Keyed by id (or lowercased idProperty value); missing ones are simply absent.
 */
export async function readExisting(
	client: HubSpotClient,
	request: ReadRequest,
): Promise<Map<string, ExistingRecord>> {
	const existing = new Map<string, ExistingRecord>();
	const properties = [
		...new Set([...(request.idProperty ? [request.idProperty] : []), ...request.properties]),
	];
	for (const ids of chunk(request.ids, request.batchSize)) {
		const records = await readBatch(client, request.objectType, {
			ids,
			properties,
			...(request.withHistory ? { propertiesWithHistory: request.properties } : {}),
			idProperty: request.idProperty,
		});
		for (const record of records) {
			const found = toExisting(record);
			const key = request.idProperty
				? String(found.properties[request.idProperty] ?? '').toLowerCase()
				: found.id;
			existing.set(key, found);
		}
	}
	return existing;
}
