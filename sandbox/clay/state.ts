// Clay workspace state: tables of rows, the webhook sources that feed them (optional auth token,
// 50,000 submissions per source for life) and the workspace's row intake rate.
import { randomBytes } from 'node:crypto';
import type { Clock } from '../clock';
import { SlidingWindow } from '../limiter';

export interface ClayRow {
	id: string;
	createdAt: string;
	sourceId?: string;
	cells: Record<string, unknown>;
	/** Outcome of the last HTTP API column run on this row. */
	http?: { status: number; error?: string; at: string };
}

export interface ClayTable {
	id: string;
	name: string;
	rows: ClayRow[];
}

export interface ClaySource {
	id: string;
	tableId: string;
	authToken?: string;
	maxSubmissions: number;
	submissions: number;
	createdAt: string;
}

export interface ClayLimits {
	enabled: boolean;
	/** Rows per second across the workspace (about 10 per Clay; unverified, hence a setting). */
	rowsPerSecond: number;
}

export interface ClaySnapshot {
	tables: ClayTable[];
	sources: ClaySource[];
}

export const DEFAULT_SOURCE_ID = 'default';
export const MAX_SUBMISSIONS = 50_000;
/** Largest row a webhook source takes (100 KB, reported by Clay support, not in the docs). */
export const MAX_PAYLOAD_BYTES = 100 * 1024;

export class ClayState {
	tables = new Map<string, ClayTable>();
	sources = new Map<string, ClaySource>();
	limits: ClayLimits = { enabled: true, rowsPerSecond: 10 };
	private window = new SlidingWindow(10, 1000);
	private nextRow = 1;

	constructor(private readonly clock: Clock) {
		this.reset();
	}

	reset() {
		this.tables.clear();
		this.sources.clear();
		this.limits = { enabled: true, rowsPerSecond: 10 };
		this.window = new SlidingWindow(10, 1000);
		this.nextRow = 1;
		this.addSource({ id: DEFAULT_SOURCE_ID, tableId: 'default' });
	}

	table(id: string, name = id): ClayTable {
		let table = this.tables.get(id);
		if (!table) {
			table = { id, name, rows: [] };
			this.tables.set(id, table);
		}
		return table;
	}

	addSource(input: {
		id?: string;
		tableId?: string;
		authToken?: string;
		maxSubmissions?: number;
	}): ClaySource {
		const id = input.id ?? `pull-in-data-from-a-webhook-${randomBytes(6).toString('hex')}`;
		const source: ClaySource = {
			id,
			tableId: input.tableId ?? `t_${randomBytes(5).toString('hex')}`,
			authToken: input.authToken,
			maxSubmissions: input.maxSubmissions ?? MAX_SUBMISSIONS,
			submissions: 0,
			createdAt: new Date(this.clock.now()).toISOString(),
		};
		this.table(source.tableId);
		this.sources.set(id, source);
		return source;
	}

	/** 0 when the workspace takes one more row now, else milliseconds to wait. */
	take(): number {
		if (!this.limits.enabled) return 0;
		this.window.limit = this.limits.rowsPerSecond;
		return this.window.take(this.clock.now());
	}

	addRow(tableId: string, cells: Record<string, unknown>, sourceId?: string): ClayRow {
		const row: ClayRow = {
			id: `r_${this.nextRow++}`,
			createdAt: new Date(this.clock.now()).toISOString(),
			cells,
		};
		if (sourceId) row.sourceId = sourceId;
		this.table(tableId).rows.push(row);
		return row;
	}

	toJSON(): ClaySnapshot {
		return { tables: [...this.tables.values()], sources: [...this.sources.values()] };
	}

	load(snapshot: ClaySnapshot) {
		this.tables = new Map(snapshot.tables.map((t) => [t.id, t]));
		this.sources = new Map(snapshot.sources.map((s) => [s.id, s]));
		this.nextRow = snapshot.tables.reduce((n, t) => n + t.rows.length, 0) + 1;
	}
}
