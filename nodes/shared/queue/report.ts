import { DRAIN_LOCK_KEY } from './claim';
import { openPayload } from './records';
import { storedRowId } from './storeErrors';

/** One queue row as a person reads it: its payload opened, times as dates. */
export interface ReportedRow {
	id: number;
	key: string;
	state: string;
	attempts: number;
	lastError: string;
	receivedAt: string;
	/** The row as it was received, or why its payload cannot be read. */
	row?: Record<string, unknown>;
	payloadError?: string;
}

export interface RowReport {
	count: number;
	rows: ReportedRow[];
}

/**
 * The store rows among `items`, for a listing or the answer to a replay. Anything else — the empty item a
 * store node emits when nothing matched, the drain's lock row — is left out, so an empty listing says
 * `count: 0` rather than showing a blank row. PostgreSQL hands bigint ids over as text: read as numbers.
 */
export function reportRows(items: ReadonlyArray<Record<string, unknown>>): RowReport {
	const rows: ReportedRow[] = [];
	for (const item of items) {
		const id = storedRowId(item);
		if (id === undefined || item.key === DRAIN_LOCK_KEY) continue;
		const opened = openPayload(item.payload);
		rows.push({
			id,
			key: String(item.key),
			state: String(item.state ?? ''),
			attempts: Number(item.attempts) || 0,
			lastError: String(item.last_error ?? ''),
			receivedAt: new Date(Number(item.received_at) || 0).toISOString(),
			...(opened.ok ? { row: opened.row } : { payloadError: opened.reason }),
		});
	}
	return { count: rows.length, rows };
}
