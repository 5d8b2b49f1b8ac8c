// CRM Search API (v3). Search is limited separately (a few calls per second) and pages at 200, so
// lookups ask for many values at once with IN filters instead of one search per row.
import type { IDataObject } from 'n8n-workflow';
import { chunk } from '../../shared/upsert';
import type { HubSpotClient } from '../transport/client';
import { collect, paginate, type Page } from './paginate';

const PAGE_SIZE = 200;
/** Values per IN filter (HubSpot's documented ceiling is 100). */
export const IN_FILTER_VALUES = 100;
/** Filter groups per search (OR-ed): HubSpot allows 5, so one call can look up 500 values. */
export const DEFAULT_FILTER_GROUPS = 5;

/** Every page of one search; `limit` caps the records returned (undefined = all). */
export async function searchAll(
	client: HubSpotClient,
	objectType: string,
	body: IDataObject,
	limit?: number,
): Promise<IDataObject[]> {
	return await collect(
		paginate(
			async (after, pageLimit) =>
				(
					await client.request<Page>({
						method: 'POST',
						path: `/crm/v3/objects/${encodeURIComponent(objectType)}/search`,
						body: { ...body, limit: pageLimit, ...(after ? { after } : {}) },
						kind: 'search',
					})
				).body,
			PAGE_SIZE,
			limit,
		),
	);
}

/**
 * Records whose `property` is one of `values`, grouped by `keyOf(value)` (e.g. the normalized
 * domain). Several records per key mean HubSpot already holds duplicates; callers pick one.
 * Each call ORs up to `filterGroups` IN filters of 100 values: search has the tighter limit.
 */
export async function findByValues(
	client: HubSpotClient,
	objectType: string,
	property: string,
	values: readonly string[],
	properties: readonly string[],
	keyOf: (value: string) => string | undefined,
	filterGroups = DEFAULT_FILTER_GROUPS,
): Promise<Map<string, IDataObject[]>> {
	const found = new Map<string, IDataObject[]>();
	for (const part of chunk(values, IN_FILTER_VALUES * filterGroups)) {
		const records = await searchAll(client, objectType, {
			filterGroups: chunk(part, IN_FILTER_VALUES).map((group) => ({
				filters: [{ propertyName: property, operator: 'IN', values: group }],
			})),
			properties: [...new Set([property, ...properties])],
			sorts: [{ propertyName: 'hs_object_id', direction: 'ASCENDING' }],
		});
		for (const record of records) {
			const value = (record.properties as IDataObject | undefined)?.[property];
			const key = typeof value === 'string' ? keyOf(value) : undefined;
			if (key === undefined) continue;
			const list = found.get(key);
			if (list) list.push(record);
			else found.set(key, [record]);
		}
	}
	return found;
}

/** HubSpot may already hold duplicates for a value (e.g. a domain): the oldest (lowest id) is the record. */
export function oldestRecord(records: readonly IDataObject[]): IDataObject {
	return records.reduce((a, b) => (Number(b.id) < Number(a.id) ? b : a));
}
