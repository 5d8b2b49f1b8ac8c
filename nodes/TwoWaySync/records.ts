// Items in, engine records out, and back: HubSpot (RevOps) Get Changes items ({id, properties, updatedAt,
// archived}), warehouse rows (the Postgres node's columns), and the link rows of the sync state store (a
// `state` column holding the engine's LinkState, as JSON or text). Pure: no n8n runtime here.
import type { IDataObject } from 'n8n-workflow';
import {
	compileSyncConfig,
	SyncConfigError,
	type LinkState,
	type SideRecord,
	type SyncConfig,
	type SyncPlan,
	type WriteOutcome,
} from '../shared/sync';

/** How the warehouse table names its id, its last change and its soft-delete flag. */
export interface WarehouseColumns {
	id: string;
	updatedAt: string;
	deleted: string;
}

/** The input item that could not be read, and why (the node names the input and item). */
export class RecordError extends Error {
	constructor(
		readonly index: number,
		message: string,
	) {
		super(message);
	}
}

const isEmpty = (json: IDataObject) => Object.keys(json).length === 0;

/**
 * A HubSpot record as Get Changes (or Get, Get Many, Search) emits it. An empty item (a read that found
 * nothing, with Always Output Data) is no record.
 */
export function hubspotRecords(items: IDataObject[]): Array<{ index: number; record: SideRecord }> {
	const records: Array<{ index: number; record: SideRecord }> = [];
	items.forEach((json, index) => {
		if (isEmpty(json)) return;
		const properties = json.properties as IDataObject | undefined;
		if (json.id === undefined || json.id === null || typeof properties !== 'object' || !properties)
			throw new RecordError(
				index,
				'is not a HubSpot record: expected {id, properties, updatedAt}, as HubSpot (RevOps) Get Changes outputs',
			);
		records.push({
			index,
			record: {
				id: String(json.id),
				values: properties,
				updatedAt: (json.updatedAt ??
					properties.hs_lastmodifieddate ??
					properties.lastmodifieddate) as string | undefined,
				deleted: json.archived === true,
			},
		});
	});
	return records;
}

/** A soft-delete flag is set when it holds anything but false, 0, null or an empty text. */
function flagSet(value: unknown): boolean {
	return !(
		value === undefined ||
		value === null ||
		value === false ||
		value === 0 ||
		value === '' ||
		value === 'false'
	);
}

/** A warehouse row, by the table's columns. */
export function warehouseRecords(
	items: IDataObject[],
	columns: WarehouseColumns,
): Array<{ index: number; record: SideRecord }> {
	const records: Array<{ index: number; record: SideRecord }> = [];
	items.forEach((json, index) => {
		if (isEmpty(json)) return;
		const id = json[columns.id];
		if (id === undefined || id === null || id === '')
			throw new RecordError(
				index,
				`has no "${columns.id}" (the ID Column): select it with the row, or set ID Column to the table's key`,
			);
		if (!(columns.updatedAt in json))
			throw new RecordError(
				index,
				`has no "${columns.updatedAt}" (the Updated At Column): select it, or set the column that holds each row's last change`,
			);
		records.push({
			index,
			record: {
				id: String(id),
				values: json,
				updatedAt: json[columns.updatedAt] as string | number | undefined,
				deleted: columns.deleted ? flagSet(json[columns.deleted]) : false,
			},
		});
	});
	return records;
}

function parseJson(text: string): unknown {
	try {
		return JSON.parse(text) as unknown;
	} catch {
		return undefined;
	}
}

/** Link rows: `{state}` (JSON or text) as stored, or the LinkState itself. Empty items are skipped. */
export function linkRows(items: IDataObject[]): Array<{ index: number; link: LinkState }> {
	const links: Array<{ index: number; link: LinkState }> = [];
	items.forEach((json, index) => {
		if (isEmpty(json)) return;
		let state: unknown = json.state ?? json;
		if (typeof state === 'string') state = parseJson(state);
		if (state === undefined)
			throw new RecordError(
				index,
				'has a "state" that is not JSON: the sync state row was altered',
			);
		const link = state as LinkState;
		if (typeof link?.key !== 'string' || typeof link.lastSynced !== 'object' || !link.lastSynced)
			throw new RecordError(
				index,
				'is not a sync state row: expected {key, state} as the Apply Outcomes operation writes them',
			);
		links.push({ index, link });
	});
	return links;
}

/** The newest `updatedAt` among the records read, or the last watermark when none is newer. */
export function nextWatermark(
	records: SideRecord[],
	previous: number | undefined,
	readMs: (value: SideRecord['updatedAt']) => number | undefined,
): number | undefined {
	let watermark = previous;
	for (const record of records) {
		const ms = readMs(record.updatedAt);
		if (ms !== undefined && (watermark === undefined || ms > watermark)) watermark = ms;
	}
	return watermark;
}

export type WriteSide = 'hubspot' | 'warehouse';

const SIDE_NAMES: Record<string, 'source' | 'target'> = {
	hubspot: 'source',
	source: 'source',
	warehouse: 'target',
	target: 'target',
};

/**
 * A write result, in one of the shapes the write nodes give without a node in between: HubSpot (RevOps)'s
 * Success items with Include Input Fields (the write's fields, HubSpot's answer under `hubspot`), its
 * Rejected items (`error`, and the write under `input`), or `{side, key, ok, id?, updatedAt?, error?}`
 * (side `hubspot` or `warehouse`), as template 08's warehouse write function returns them.
 */
export function writeOutcome(json: IDataObject, index: number): WriteOutcome {
	const answer = json.hubspot as IDataObject | undefined;
	if (
		json.side === undefined &&
		typeof json.key === 'string' &&
		answer &&
		typeof answer === 'object'
	)
		return {
			side: 'source',
			key: json.key,
			ok: true,
			...(json.action === 'create' && answer.id !== undefined ? { id: String(answer.id) } : {}),
			...(answer.updatedAt !== undefined ? { updatedAt: answer.updatedAt as string } : {}),
		};
	const input = json.input as IDataObject | undefined;
	if (json.side === undefined && input && typeof input.key === 'string' && json.error !== undefined)
		return { side: 'source', key: input.key, ok: false, error: String(json.error) };
	const side = SIDE_NAMES[String(json.side ?? '').toLowerCase()];
	if (!side)
		throw new RecordError(
			index,
			`is not a write result: give {side: "hubspot" or "warehouse", key, ok}, or connect HubSpot (RevOps)'s Success (with Include Input Fields) and Rejected outputs`,
		);
	if (typeof json.key !== 'string' || !json.key)
		throw new RecordError(index, 'has no "key": pass on the key of the write it reports');
	if (json.ok === false || json.ok === 'false')
		return {
			side,
			key: json.key,
			ok: false,
			error: json.error === undefined ? undefined : String(json.error),
		};
	return {
		side,
		key: json.key,
		ok: true,
		...(json.id !== undefined && json.id !== null && json.id !== '' ? { id: String(json.id) } : {}),
		...(json.updatedAt !== undefined && json.updatedAt !== null
			? { updatedAt: json.updatedAt as string | number }
			: {}),
	};
}

/** The Plan output's one item: what Apply Outcomes needs to finish the run. */
export interface PlanItem {
	/** Epoch ms: the run's duration is measured from here to Apply Outcomes. */
	plannedAt?: number;
	nextState: LinkState[];
	onFailure: SyncPlan['onFailure'];
	writes: {
		hubspot: Array<{ key: string; action: 'create' | 'update' | 'archive' }>;
		warehouse: Array<{ key: string; action: 'insert' | 'update' | 'delete' }>;
	};
	watermarks: { hubspot?: string; warehouse?: string };
	counts: Record<string, number>;
}

/** A state row to store: the columns a PostgreSQL table or Data Table indexes, and the state itself. */
export function stateRow(link: LinkState): IDataObject {
	return {
		key: link.key,
		source_id: link.sourceId ?? null,
		target_id: link.targetId ?? null,
		retry: link.retry === true,
		state: JSON.stringify(link),
	};
}

/** Why the configuration cannot run (naming the field and the fix), or undefined when it can. */
export function configProblem(config: SyncConfig): string | undefined {
	try {
		compileSyncConfig(config);
		return undefined;
	} catch (error) {
		if (error instanceof SyncConfigError) return error.message;
		return `The sync settings could not be read: ${(error as Error).message}`;
	}
}
