// Records changed since a point in time, for incremental syncs. CRM search sorts by the last-modified
// property, pages at 200 and stops at 10,000 results per query, so a longer history is read in windows:
// the next window starts at the last timestamp read (GTE, ids already read skipped, so records sharing a
// timestamp are neither dropped nor doubled). A window whose 10,000 results all share one timestamp is read
// by record id instead. Search is eventually consistent: a fresh write can be missing for a few seconds,
// so each read starts `overlapMs` before the watermark; re-reads are harmless to a sync (it compares values).
// Search never returns archived records: those come from the list endpoint's archived view.
import type { IDataObject } from 'n8n-workflow';
import type { HubSpotClient } from '../transport/client';
import { listRecords } from './records';
import { collect, paginate, type Page } from './paginate';

const PAGE_SIZE = 200;
/** HubSpot answers 400 for a page past 10,000 results of one query. */
export const SEARCH_MAX_RESULTS = 10_000;

/** Contacts keep their last-modified time in `lastmodifieddate`; every other type in `hs_lastmodifieddate`. */
export function lastModifiedProperty(objectType: string): string {
	return objectType === 'contacts' || objectType === '0-1'
		? 'lastmodifieddate'
		: 'hs_lastmodifieddate';
}

export interface ChangesQuery {
	/** Epoch ms of the last run's watermark; undefined reads every record. */
	since?: number;
	/** How far before `since` to start reading (search index lag). */
	overlapMs: number;
	properties: readonly string[];
	/** Also read records archived since then (the list endpoint's archived view, paged through). */
	includeArchived: boolean;
	/** Results one query may page through (HubSpot: 10,000). */
	maxResults?: number;
}

export interface Changes {
	/** Live records, oldest change first, then the archived ones. Each id once. */
	records: IDataObject[];
	/** The latest last-modified time read (epoch ms), or `since` when nothing newer was read. */
	watermark?: number;
	/** Search queries (windows) it took. */
	windows: number;
}

const timeOf = (record: IDataObject, property: string): number => {
	const raw = (record.properties as IDataObject | undefined)?.[property] ?? record.updatedAt;
	const text = String(raw ?? '');
	const ms = /^\d+$/.test(text) ? Number(text) : Date.parse(text);
	return Number.isNaN(ms) ? 0 : ms;
};

interface Window {
	records: IDataObject[];
	/** More records match than this window could page through. */
	capped: boolean;
}

async function searchWindow(
	client: HubSpotClient,
	objectType: string,
	filters: IDataObject[],
	sortBy: string,
	properties: readonly string[],
	maxResults: number,
): Promise<Window> {
	let total = 0;
	const records = await collect(
		paginate(
			async (after, pageLimit) => {
				const { body } = await client.request<Page & { total?: number }>({
					method: 'POST',
					path: `/crm/v3/objects/${encodeURIComponent(objectType)}/search`,
					body: {
						filterGroups: filters.length ? [{ filters }] : [],
						sorts: [{ propertyName: sortBy, direction: 'ASCENDING' }],
						properties,
						limit: pageLimit,
						...(after ? { after } : {}),
					},
					kind: 'search',
				});
				total = body.total ?? 0;
				return body;
			},
			PAGE_SIZE,
			maxResults,
		),
	);
	return { records, capped: total > records.length };
}

/** Every record changed at or after `since - overlapMs` (all records without `since`). */
export async function readChanges(
	client: HubSpotClient,
	objectType: string,
	query: ChangesQuery,
): Promise<Changes> {
	const modified = lastModifiedProperty(objectType);
	const properties = [...new Set([modified, ...query.properties])];
	const maxResults = query.maxResults ?? SEARCH_MAX_RESULTS;
	const start = query.since === undefined ? undefined : Math.max(0, query.since - query.overlapMs);
	const byId = new Map<string, IDataObject>();
	let watermark = query.since;
	let windows = 0;
	const keep = (record: IDataObject) => {
		const id = String(record.id);
		if (byId.has(id)) return;
		byId.set(id, record);
		const at = timeOf(record, modified);
		if (watermark === undefined || at > watermark) watermark = at;
	};

	let from = start;
	for (;;) {
		const filters =
			from === undefined ? [] : [{ propertyName: modified, operator: 'GTE', value: String(from) }];
		const window = await searchWindow(
			client,
			objectType,
			filters,
			modified,
			properties,
			maxResults,
		);
		windows++;
		window.records.forEach(keep);
		if (!window.capped || !window.records.length) break;
		const last = timeOf(window.records[window.records.length - 1], modified);
		if (from !== undefined && last <= from) {
			// One timestamp holds more records than a query can page through: read it by id, then go on.
			let afterId = '0';
			for (;;) {
				const tie = await searchWindow(
					client,
					objectType,
					[
						{ propertyName: modified, operator: 'EQ', value: String(from) },
						{ propertyName: 'hs_object_id', operator: 'GT', value: afterId },
					],
					'hs_object_id',
					properties,
					maxResults,
				);
				windows++;
				tie.records.forEach(keep);
				if (!tie.capped || !tie.records.length) break;
				afterId = String(tie.records[tie.records.length - 1].id);
			}
			from += 1;
		} else {
			from = last;
		}
	}

	if (query.includeArchived) {
		for await (const record of listRecords(client, objectType, properties, undefined, true)) {
			const archivedAt = Date.parse(String(record.archivedAt ?? ''));
			if (start === undefined || (!Number.isNaN(archivedAt) && archivedAt >= start)) {
				const id = String(record.id);
				byId.delete(id);
				byId.set(id, record);
				if (!Number.isNaN(archivedAt) && (watermark === undefined || archivedAt > watermark))
					watermark = archivedAt;
			}
		}
	}
	return { records: [...byId.values()], watermark, windows };
}
