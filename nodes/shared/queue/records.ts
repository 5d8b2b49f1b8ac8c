import { createHash } from 'node:crypto';

/** Where a queued row is in its life. */
export type QueueState = 'pending' | 'claimed' | 'done' | 'dead';

/**
 * The columns of a queue table, in the order the setup creates them. Times are epoch milliseconds
 * (numbers compare the same way in SQLite and PostgreSQL, whatever the time zone).
 */
export const QUEUE_COLUMNS = [
	{ name: 'key', type: 'string' },
	{ name: 'payload', type: 'string' },
	{ name: 'state', type: 'string' },
	{ name: 'attempts', type: 'number' },
	{ name: 'available_at', type: 'number' },
	{ name: 'claim', type: 'string' },
	{ name: 'last_error', type: 'string' },
	{ name: 'received_at', type: 'number' },
	{ name: 'done_at', type: 'number' },
] as const;

export type QueueColumn = (typeof QUEUE_COLUMNS)[number]['name'];

/** A row as the store holds it (the store adds `id`). */
export interface QueueRecord {
	key: string;
	payload: string;
	state: QueueState;
	attempts: number;
	available_at: number;
	claim: string;
	last_error: string;
	received_at: number;
	done_at: number;
}

export interface StoredQueueRow extends QueueRecord {
	id: number;
}

/** JSON with object keys sorted at every level, so equal rows give equal text whatever their key order. */
export function canonicalJson(value: unknown): string {
	if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
	if (value && typeof value === 'object') {
		const entries = Object.keys(value as object)
			.sort()
			.filter((key) => (value as Record<string, unknown>)[key] !== undefined)
			.map(
				(key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`,
			);
		return `{${entries.join(',')}}`;
	}
	return JSON.stringify(value ?? null);
}

/**
 * The idempotency key of a row: SHA-256 of the chosen fields (all fields when none are chosen). The same
 * row delivered twice has one key, so the store keeps one row and the drain has one effect; a row whose
 * content changed (Clay re-enriched it) has a new key and is processed again.
 */
export function rowKey(row: Record<string, unknown>, keyFields: readonly string[]): string {
	const chosen = keyFields.length
		? Object.fromEntries(keyFields.map((field) => [field, row[field] ?? null]))
		: row;
	return createHash('sha256').update(canonicalJson(chosen)).digest('hex');
}

/** A new pending row for the store, due at once. */
export function enqueueRecord(
	row: Record<string, unknown>,
	keyFields: readonly string[],
	nowMs: number,
): QueueRecord {
	return {
		key: rowKey(row, keyFields),
		payload: JSON.stringify(row),
		state: 'pending',
		attempts: 0,
		available_at: nowMs,
		claim: '',
		last_error: '',
		received_at: nowMs,
		done_at: 0,
	};
}

/** Columns the queue needs that a table's row lacks: what to add, named. */
export function missingColumns(row: Record<string, unknown>): string[] {
	return QUEUE_COLUMNS.map((column) => column.name).filter((name) => !(name in row));
}

/** A stored payload back as the row it was, or why it cannot be read (such a row is a dead letter at once). */
export function openPayload(
	payload: unknown,
): { ok: true; row: Record<string, unknown> } | { ok: false; reason: string } {
	try {
		const row: unknown = JSON.parse(String(payload));
		if (row && typeof row === 'object' && !Array.isArray(row))
			return { ok: true, row: row as Record<string, unknown> };
		return { ok: false, reason: 'payload is not a JSON object' };
	} catch (error) {
		return { ok: false, reason: `payload is not JSON: ${(error as Error).message}` };
	}
}
