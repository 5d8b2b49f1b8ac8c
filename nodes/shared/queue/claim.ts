import type { QueueSettings } from './settings';
import { openPayload, type StoredQueueRow } from './records';

/** available_at of a row that is never due again (done, dead): the largest time a JS Date holds. */
export const NEVER = 8_640_000_000_000_000;

/** The key of the row that makes drains take turns (one drain talks to the systems at a time). */
export const DRAIN_LOCK_KEY = '__drain_lock__';
export const LOCK_STATE = 'lock';

/**
 * What one drain run claims with, fixed when it starts: its token (written on every row it claims, so
 * it can tell its rows from another drain's), the clock, the lease end, and how many rows it takes.
 */
export interface DrainPlan {
	token: string;
	now: number;
	leaseUntil: number;
	batchSize: number;
	/** Done rows received before this are purged. */
	purgeBefore: number;
}

export function planDrain(settings: QueueSettings, nowMs: number, token: string): DrainPlan {
	return {
		token,
		now: nowMs,
		leaseUntil: nowMs + settings.leaseSeconds * 1000,
		batchSize: settings.batchSize,
		purgeBefore: nowMs - settings.retentionHours * 3_600_000,
	};
}

/** Metadata a claimed row carries through the pipeline, so its outcome can be settled. */
export interface ClaimMeta {
	id: number;
	key: string;
	attempts: number;
	token: string;
	receivedAt: number;
}

export type Opened =
	| { ok: true; meta: ClaimMeta; row: Record<string, unknown> }
	| { ok: false; meta: ClaimMeta; reason: string };

/**
 * The rows of a claim update that are this drain's. The store answers with the rows as they are after
 * the update; where two drains raced for a row (SQLite reads the rows to return before updating),
 * the row holds the winner's token, so the loser drops it here and no row is processed twice.
 */
export function ownClaims(
	rows: readonly Partial<StoredQueueRow>[],
	token: string,
): { mine: StoredQueueRow[]; others: number } {
	const mine: StoredQueueRow[] = [];
	let others = 0;
	for (const row of rows) {
		if (row.claim === token && row.state === 'claimed' && row.key !== DRAIN_LOCK_KEY)
			mine.push(row as StoredQueueRow);
		else others++;
	}
	return { mine, others };
}

/** A claimed row's payload as the pipeline's item, or why it cannot be one (a dead letter at once). */
export function openRow(row: StoredQueueRow, token: string): Opened {
	const meta: ClaimMeta = {
		id: Number(row.id),
		key: String(row.key),
		attempts: Number(row.attempts) || 0,
		token,
		receivedAt: Number(row.received_at) || 0,
	};
	const opened = openPayload(row.payload);
	return opened.ok
		? { ok: true, meta, row: opened.row }
		: { ok: false, meta, reason: opened.reason };
}

/** Whether the lock row came back holding this drain's token: it may drain now. */
export function holdsLock(rows: readonly Partial<StoredQueueRow>[], token: string): boolean {
	return rows.some((row) => row.key === DRAIN_LOCK_KEY && row.claim === token);
}
